/**
 * npm run db:drill [-- --url postgres://…/t3 --dir ./backups --keep 14 --keep-drill]
 * The restore drill: a fresh dump of DATABASE_URL taken inside one snapshot, restored into a new
 * database <db>_drill, then every table's row count and the key tables' checksums compared with
 * the source as of that snapshot. Prints one line per table; exits 1 on any difference.
 */
import { parseArgs } from "node:util";
import { databaseName, restoreDrill } from "./db/backup-lib";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.DATABASE_URL },
    dir: { type: "string", default: process.env.BACKUP_DIR ?? "./backups" },
    keep: { type: "string", default: process.env.BACKUP_KEEP ?? "14" },
    "keep-drill": { type: "boolean", default: false },
  },
});

async function main() {
  if (!values.url) throw new Error("set DATABASE_URL (or pass --url)");
  const drillDatabase = `${databaseName(values.url)}_drill`;
  const report = await restoreDrill({ url: values.url, dir: values.dir!, keep: Number(values.keep), drillDatabase, keepDrill: values["keep-drill"] });
  console.log(`dump ${report.file}: ${(report.bytes / 1024 / 1024).toFixed(2)} MiB in ${report.dumpSeconds.toFixed(1)} s; restored into ${drillDatabase} in ${report.restoreSeconds.toFixed(1)} s`);
  console.log(`${"table".padEnd(34)}${"rows".padStart(10)}${"restored".padStart(10)}  checksum`);
  for (const t of report.tables) {
    const checksum = t.source.checksum === null ? "(count only)" : t.source.checksum === t.restored?.checksum ? `same ${t.source.checksum.slice(0, 12)}` : `DIFFERENT ${t.source.checksum.slice(0, 12)} ≠ ${t.restored?.checksum?.slice(0, 12) ?? "missing"}`;
    console.log(`${t.table.padEnd(34)}${String(t.source.rows).padStart(10)}${String(t.restored?.rows ?? "missing").padStart(10)}  ${checksum}${t.same ? "" : "  ← MISMATCH"}`);
  }
  const checked = report.tables.filter((t) => t.source.checksum !== null).length;
  console.log(`${report.tables.length} tables compared (${checked} by checksum): ${report.ok ? "PASS" : "FAIL"}`);
  process.exitCode = report.ok ? 0 : 1;
}

main().catch((error) => {
  console.error(`db:drill failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
