import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { backupDatabase, listBackups, restoreDatabase, restoreDrill, tableFigures, withDatabase } from "@/scripts/db/backup-lib";
import { adminDatabaseUrl } from "../helpers/test-db";
import { createTestShop, insertFxRate, orderBody, orderDeps, placeOrder } from "../helpers/order-fixtures";

/**
 * npm run db:backup / db:restore / db:drill on the real PostgreSQL (pg_dump needs a server, so
 * this file uses it on both test drivers): dated custom-format dumps, retention, a restore that
 * refuses to overwrite, and the drill comparing row counts and checksums.
 */
const name = `t3_backup_${Date.now().toString(36)}`;
const url = withDatabase(adminDatabaseUrl(), name);
const drillDatabase = `${name}_drill`;
let dir: string;
let handle: DatabaseHandle;

async function admin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "t3-backups-"));
  await admin((sql) => sql.unsafe(`create database "${name}"`));
  handle = openDatabase({ driver: "postgres", url, maxConnections: 2 });
  await migrateDatabase(handle);
  const shop = await createTestShop(handle.db);
  await insertFxRate(handle.db, "EUR", "1.1");
  for (let i = 0; i < 12; i++) await placeOrder(orderDeps(handle.db), orderBody({ auth: shop.auth }));
}, 60_000);
afterAll(async () => {
  await handle?.close();
  await admin(async (sql) => {
    for (const db of [name, drillDatabase, `${name}_copy`]) await sql.unsafe(`drop database if exists "${db}" with (force)`);
  });
  rmSync(dir, { recursive: true, force: true });
});

describe("backups", () => {
  it("writes dated custom-format dumps and keeps only the newest N", () => {
    const days = ["2026-11-01T02:00:00Z", "2026-11-02T02:00:00Z", "2026-11-03T02:00:00Z"];
    const results = days.map((day) => backupDatabase({ url, dir, keep: 2, now: new Date(day) }));
    expect(path.basename(results[0]!.file)).toBe(`${name}-20261101T020000Z.dump`);
    expect(results[2]!.pruned.map((f) => path.basename(f))).toEqual([`${name}-20261101T020000Z.dump`]);
    expect(listBackups(dir, name).map((f) => path.basename(f))).toEqual([`${name}-20261102T020000Z.dump`, `${name}-20261103T020000Z.dump`]);
    expect(readdirSync(dir).some((f) => f.endsWith(".partial"))).toBe(false);
    for (const r of results) expect(r.bytes).toBeGreaterThan(1000);
  }, 60_000);

  it("restores into a new database, and refuses to overwrite one with tables unless told to", async () => {
    const file = listBackups(dir, name).at(-1)!;
    const copy = withDatabase(adminDatabaseUrl(), `${name}_copy`);
    await restoreDatabase({ file, url: copy });
    await expect(restoreDatabase({ file, url: copy })).rejects.toThrow(/already has \d+ tables/);
    await restoreDatabase({ file, url: copy, replace: true });
    const a = postgres(url, { max: 1, onnotice: () => {} });
    const b = postgres(copy, { max: 1, onnotice: () => {} });
    try {
      expect(await tableFigures(b)).toEqual(await tableFigures(a));
    } finally {
      await a.end();
      await b.end();
    }
  }, 60_000);

  it("the drill restores a fresh snapshot dump and finds every count and checksum equal", async () => {
    const report = await restoreDrill({ url, dir, keep: 5, drillDatabase });
    expect(report.ok).toBe(true);
    const orders = report.tables.find((t) => t.table === "orders");
    expect(orders?.source.rows).toBe(12);
    expect(orders?.source.checksum).toMatch(/^[0-9a-f]{32}$/);
    expect(report.tables.filter((t) => t.source.checksum !== null).length).toBeGreaterThanOrEqual(8);
    expect(report.tables.length).toBeGreaterThan(20);
    // The drill database is dropped afterwards.
    expect(await admin((sql) => sql`select 1 from pg_database where datname = ${drillDatabase}`)).toHaveLength(0);
  }, 60_000);

  it("the checksums notice a changed row", async () => {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const before = await tableFigures(sql);
      await sql`update orders set customer_first_name = 'Changed' where id = (select id from orders limit 1)`;
      const after = await tableFigures(sql);
      expect(after.orders?.rows).toBe(before.orders?.rows);
      expect(after.orders?.checksum).not.toBe(before.orders?.checksum);
    } finally {
      await sql.end();
    }
  });
});
