import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { prepareFuzzWorld, runFuzz, type FuzzWorld } from "../helpers/fuzz-http";

/**
 * CI's share of `npm run reliability:fuzz`: generated malformed requests against POST /api/orders
 * and POST /api/callbacks/<processor> (tests/helpers/fuzz-http.ts). Every answer must be a 4xx
 * with an error message, and no table may gain or lose a row.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

let t: TestDatabase;
let world: FuzzWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  world = await prepareFuzzWorld(t.db);
});
afterAll(async () => {
  await t.destroy();
});

describe("fuzzing the public machine endpoints", () => {
  it(`${RUNS} malformed payloads: no 5xx, every answer a 4xx naming the problem, no row written`, async () => {
    const report = await runFuzz(t.db, world, RUNS);
    console.log(`[fuzz] ${report.runs} runs; by status ${JSON.stringify(report.byStatus)}`);
    expect(report.runs).toBe(RUNS);
    expect(report.bad.slice(0, 10)).toEqual([]);
    expect(report.changed).toEqual([]);
    // Both endpoints were reached with many kinds of payload.
    expect(Object.keys(report.byKind).filter((k) => k.startsWith("orders:")).length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(report.byKind).filter((k) => k.startsWith("callback:")).length).toBeGreaterThanOrEqual(5);
  }, 180_000);
});
