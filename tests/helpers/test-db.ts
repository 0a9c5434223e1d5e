import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle, type DbDriver } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** Which driver the integration tests run on: TEST_DRIVER=postgres, or PGlite by default. */
export function testDriver(): DbDriver {
  return process.env.TEST_DRIVER === "postgres" ? "postgres" : "pglite";
}

export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

export interface TestDatabase extends DatabaseHandle {
  name: string;
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a new in-memory PGlite, or a new database on
 * the real PostgreSQL server (dropped afterwards). Tests never share rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDriver() === "pglite") {
    // Start from the migrated snapshot made once by the global setup, instead of migrating again.
    // (initdb plus migrations take 2–4 s per file; loading the snapshot about 0.7 s).
    const template = process.env.T3_PGLITE_TEMPLATE;
    let handle: DatabaseHandle;
    if (template && existsSync(template)) {
      handle = openDatabase({ driver: "pglite", loadDataDir: new Blob([readFileSync(template)]) });
    } else {
      handle = openDatabase({ driver: "pglite" });
      await migrateDatabase(handle);
    }
    return { ...handle, name: "pglite:memory", destroy: () => handle.close() };
  }
  const name = `t3_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  const handle = openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 5 });
  await migrateDatabase(handle);
  return {
    ...handle,
    name,
    destroy: async () => {
      await handle.close();
      const dropper = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
