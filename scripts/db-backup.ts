/**
 * npm run db:backup [-- --dir ./backups --keep 14 --url postgres://…]
 * pg_dump (custom format) of DATABASE_URL into <dir>/<database>-<UTC stamp>.dump, then deletes
 * all but the newest --keep dumps of that database. BACKUP_DIR and BACKUP_KEEP work as well.
 */
import { parseArgs } from "node:util";
import { backupDatabase } from "./db/backup-lib";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.DATABASE_URL },
    dir: { type: "string", default: process.env.BACKUP_DIR ?? "./backups" },
    keep: { type: "string", default: process.env.BACKUP_KEEP ?? "14" },
  },
});
if (!values.url) {
  console.error("db:backup: set DATABASE_URL (or pass --url); the embedded PGlite database is backed up by copying its data folder while the app is stopped");
  process.exit(2);
}
const keep = Number(values.keep);
if (!Number.isInteger(keep) || keep < 1) {
  console.error("db:backup: --keep must be a whole number of at least 1");
  process.exit(2);
}
try {
  const result = backupDatabase({ url: values.url, dir: values.dir!, keep });
  console.log(`backup ${result.file}: ${(result.bytes / 1024 / 1024).toFixed(2)} MiB in ${result.seconds.toFixed(1)} s; kept the newest ${keep}, deleted ${result.pruned.length}${result.pruned.length ? ` (${result.pruned.join(", ")})` : ""}`);
} catch (error) {
  console.error(`db:backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
