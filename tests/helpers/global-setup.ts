import postgres from "postgres";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { adminDatabaseUrl, testDriver } from "./test-db";

/** One migrated PGlite, dumped; every test file loads it instead of migrating from scratch. */
async function writePgliteTemplate() {
  const handle = openDatabase({ driver: "pglite" });
  await migrateDatabase(handle);
  const client = (handle.db as unknown as { $client: { exec(q: string): Promise<unknown>; dumpDataDir(c: "gzip"): Promise<Blob> } }).$client;
  await client.exec("checkpoint");
  const dump = await client.dumpDataDir("gzip");
  await handle.close();
  const file = path.join(os.tmpdir(), `t3-pglite-template-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.T3_PGLITE_TEMPLATE = file;
}

/** Fails fast, with the address, when the PostgreSQL run has no server to talk to. */
export default async function setup() {
  console.log(`[tests] database driver: ${testDriver()}`);
  if (testDriver() !== "postgres") {
    await writePgliteTemplate();
    return;
  }
  const sql = postgres(adminDatabaseUrl(), { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${adminDatabaseUrl()} (set TEST_DATABASE_URL): ${String(error)}`);
  } finally {
    await sql.end();
  }
}
