/**
 * npm run bench:orders-page — the orders list and its tab counts timed separately, on the
 * database that `BENCH_KEEP=1 npm run bench:dashboard` leaves behind (t3_bench_dash), so a change
 * to the list's queries can be measured without generating millions of orders again.
 *
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/t3_bench_dash), BENCH_RUNS (default 9).
 */
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { countOrdersByStatus, listOrders } from "../server/domain/orders/order-list";
import { ordersPageScenarios } from "./bench/orders-page";

const URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/t3_bench_dash";
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  const handle = openDatabase({ driver: "postgres", url: URL, maxConnections: 4 });
  const sql = postgres(URL, { max: 1, onnotice: () => {} });
  const [admin] = await sql<{ id: string }[]>`select id from users where username = 'admin'`;
  const [manager] = await sql<{ id: string }[]>`select id from users where username = 'manager2'`;
  const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from orders`;
  if (!admin || !manager) throw new Error(`${URL} holds no bench data: run BENCH_KEEP=1 npm run bench:dashboard first`);
  console.log(`bench:orders-page — ${n.toLocaleString("en")} orders, median of ${RUNS} runs after 2 warm-ups`);
  const people = { admin: { id: admin.id, role: "admin" as const }, manager: { id: manager.id, role: "manager" as const } };
  for (const scenario of ordersPageScenarios(people)) {
    const { status: _status, sort: _sort, dir: _dir, cursor: _cursor, before: _before, limit: _limit, ...filters } = scenario.query;
    const list: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const started = performance.now();
      await listOrders(handle.db, scenario.user, scenario.query);
      const listed = performance.now();
      await countOrdersByStatus(handle.db, scenario.user, filters);
      if (i >= 2) {
        list.push(listed - started);
        counts.push(performance.now() - listed);
      }
    }
    console.log(`| ${scenario.label} | list ${median(list).toFixed(1)} ms | tab counts ${median(counts).toFixed(1)} ms |`);
  }
  await sql.end();
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
