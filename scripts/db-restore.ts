/**
 * npm run db:restore -- [--file backups/<db>-<stamp>.dump] --target postgres://…/<db> [--replace]
 * pg_restore of a dump (the newest in --dir when --file is not given) into --target (default
 * DATABASE_URL), creating the database when it does not exist. A target that already has tables
 * is refused unless --replace (which drops and recreates every object in the dump).
 */
import { parseArgs } from "node:util";
import { databaseName, listBackups, restoreDatabase } from "./db/backup-lib";

const { values } = parseArgs({
  options: {
    file: { type: "string" },
    dir: { type: "string", default: process.env.BACKUP_DIR ?? "./backups" },
    target: { type: "string", default: process.env.DATABASE_URL },
    replace: { type: "boolean", default: false },
  },
});

async function main() {
  if (!values.target) throw new Error("pass --target postgres://…/<database> (or set DATABASE_URL)");
  const file = values.file ?? listBackups(values.dir!).at(-1);
  if (!file) throw new Error(`no dump given and none in ${values.dir}`);
  const started = Date.now();
  await restoreDatabase({ file, url: values.target, replace: values.replace });
  console.log(`restored ${file} into ${databaseName(values.target)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(`db:restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
