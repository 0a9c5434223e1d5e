import type { Db, DatabaseHandle } from "../db/client";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { ensureInitialData } from "../db/seed/initial-data";
import { getEnv } from "./env";
import path from "node:path";

/**
 * The process-wide database. Kept on globalThis because Next may load this module more than once
 * (instrumentation, route handlers, dev reloads) and PGlite must be opened by one owner only.
 */
const globalForDb = globalThis as unknown as { __t3Database?: DatabaseHandle; __t3Ready?: Promise<Db> };

export function getDatabaseHandle(): DatabaseHandle {
  if (!globalForDb.__t3Database) {
    const env = getEnv();
    globalForDb.__t3Database = env.databaseUrl
      ? openDatabase({ driver: "postgres", url: env.databaseUrl })
      : openDatabase({ driver: "pglite", dataDir: path.join(env.dataDir, "pglite") });
  }
  return globalForDb.__t3Database;
}

/** Migrates and seeds once per process; every entry point awaits it before the first query. */
export function ensureDatabaseReady(): Promise<Db> {
  globalForDb.__t3Ready ??= (async () => {
    const handle = getDatabaseHandle();
    await migrateDatabase(handle);
    const env = getEnv();
    await ensureInitialData(handle.db, { seedDemo: env.seedDemo, authSecret: env.authSecret, log: (line) => console.log(line) });
    return handle.db;
  })();
  return globalForDb.__t3Ready;
}
