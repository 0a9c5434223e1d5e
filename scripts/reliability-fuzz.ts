/**
 * npm run reliability:fuzz [-- --runs 10000 --seed 42 --postgres]
 * Generated malformed requests (fast-check) against POST /api/orders and POST
 * /api/callbacks/<processor>, through the real route handlers on a fresh database (PGlite by
 * default, a new PostgreSQL database with --postgres). Prints the answers by status code and by
 * kind of payload; exits 1 on any 5xx, any answer without an error message, any row written,
 * or a card number / CVV in what the server logged.
 */
import { parseArgs } from "node:util";
import { TEST_CARD } from "../tests/helpers/order-fixtures";
import { prepareFuzzWorld, runFuzz } from "../tests/helpers/fuzz-http";
import { createTestDatabase } from "../tests/helpers/test-db";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "10000" }, seed: { type: "string" }, postgres: { type: "boolean", default: false } },
});
if (values.postgres) process.env.TEST_DRIVER = "postgres";
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);

async function main() {
  const t = await createTestDatabase();
  const logged: string[] = [];
  const original = { error: console.error, warn: console.warn, log: console.log };
  try {
    const world = await prepareFuzzWorld(t.db);
    console.log(`fuzzing ${runs} requests on ${t.name} (seed ${seed})…`);
    const started = Date.now();
    // The handlers log refusals; keep them (to scan for card data) instead of printing 10,000 lines.
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    console.warn = console.error;
    const report = await runFuzz(t.db, world, runs, seed);
    Object.assign(console, original);
    const seconds = (Date.now() - started) / 1000;

    console.log(`\n${report.runs} requests in ${seconds.toFixed(1)} s`);
    console.log("by status:");
    for (const [status, n] of Object.entries(report.byStatus).sort()) console.log(`  ${status}  ${String(n).padStart(6)}`);
    console.log("by kind of payload:");
    for (const [kind, n] of Object.entries(report.byKind).sort()) console.log(`  ${kind.padEnd(36)} ${String(n).padStart(6)}`);
    const fives = Object.entries(report.byStatus).filter(([s]) => Number(s) >= 500).reduce((sum, [, n]) => sum + n, 0);
    const cardInLogs = logged.filter((line) => line.includes(TEST_CARD.pan) || line.includes(TEST_CARD.formatted) || line.includes(TEST_CARD.cvv));
    console.log(`5xx: ${fives}; answers that were not a 4xx with an error message: ${report.bad.length}; tables changed: ${report.changed.length}; log lines ${logged.length}, with card data ${cardInLogs.length}`);
    for (const bad of report.bad.slice(0, 10)) console.log(`  BAD ${bad.target} ${bad.kind}: ${bad.status} ${bad.error}`);
    for (const change of report.changed) console.log(`  CHANGED ${change}`);
    const ok = report.bad.length === 0 && report.changed.length === 0 && cardInLogs.length === 0 && report.runs === runs;
    console.log(ok ? "PASS" : "FAIL");
    process.exitCode = ok ? 0 : 1;
  } finally {
    Object.assign(console, original);
    await t.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
