/**
 * npm run bench:dashboard — the staff dashboard's server time on PostgreSQL with 1 M and then
 * 10 M generated orders (a year of them, in creation order as in real life, 20 managers under 2
 * heads, 10 % of customers without a manager). Per scenario (admin / head / manager × this month /
 * 1 year) it prints the median and the slowest of 15 runs of `getDashboardOverview` (every
 * widget), with rollups and, for comparison, straight from the raw tables. Also the time of a full
 * rollup build and of a refresh after status changes of old orders.
 *
 * Env: BENCH_DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_ORDERS (default 10000000), BENCH_FIRST_STEP (default 1000000), BENCH_KEEP=1 keeps the
 * database afterwards.
 */
import os from "node:os";
import postgres from "postgres";
import { openDatabase, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { measureOrdersPage, ordersPageScenarios } from "./bench/orders-page";
import { getDashboardOverview } from "../server/domain/dashboard/overview";
import { rebuildDashboardRollups, refreshDashboardRollups } from "../server/domain/dashboard/rollups";
import { changeOrderStatus } from "../server/domain/orders/change-status";
import type { ScopedUser } from "../server/domain/orders/order-scope";
import type { RangePreset } from "../server/domain/dashboard/date-range";

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "t3_bench_dash";
const TOTAL = Number(process.env.BENCH_ORDERS ?? 10_000_000);
const FIRST_STEP = Math.min(TOTAL, Number(process.env.BENCH_FIRST_STEP ?? 1_000_000));
const MANAGERS = 20;
const RUNS = 15;
const ORDERS_PER_CUSTOMER = 10;

function databaseUrl(): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

async function createDatabase(): Promise<void> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  await admin.unsafe(`create database ${DB_NAME}`);
  await admin.end();
}

interface People {
  admin: ScopedUser;
  head: ScopedUser;
  manager: ScopedUser;
}

async function seedPeople(sql: postgres.Sql): Promise<People> {
  const [admin] = await sql<{ id: string }[]>`insert into users (kind, role, name, username, password_hash) values ('staff', 'admin', 'Bench admin', 'admin', 'x') returning id`;
  const heads = await sql<{ id: string }[]>`
    insert into users (kind, role, name, username, password_hash)
    select 'staff', 'head_manager', 'Head ' || g, 'head' || g, 'x' from generate_series(1, 2) g returning id`;
  await sql`
    insert into users (kind, role, name, username, password_hash, supervisor_id)
    select 'staff', 'manager', 'Manager ' || g, 'manager' || g, 'x', (${sql.array(heads.map((h) => h.id))}::uuid[])[1 + g % 2]
    from generate_series(1, ${MANAGERS}) g`;
  const [manager] = await sql<{ id: string }[]>`select id from users where username = 'manager2'`;
  await sql`insert into shops (name, hostname, api_id, api_key_hash, api_key_prefix) values ('Bench shop', 'bench.example', 'shop_bench_dash', 'x', 'sk_x')`;
  await sql`insert into processors (code, name, fee_basis_points, fee_fixed_minor) values ('benchpay', 'BenchPay', 450, 30)`;
  return { admin: { id: admin!.id, role: "admin" }, head: { id: heads[1]!.id, role: "head_manager" }, manager: { id: manager!.id, role: "manager" } };
}

/** Drops the secondary indexes of a table and returns their definitions, so a bulk load can build them once afterwards. */
async function dropIndexes(sql: postgres.Sql, table: string): Promise<string[]> {
  const rows = await sql<{ indexname: string; indexdef: string }[]>`
    select i.indexname, i.indexdef from pg_indexes i
    where i.tablename = ${table} and i.schemaname = 'public'
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
  for (const row of rows) await sql.unsafe(`drop index "${row.indexname}"`);
  return rows.map((r) => r.indexdef);
}

/** Orders [first, last] (1-based), spread evenly over the last 365 days up to now, in creation order. */
async function generateOrders(sql: postgres.Sql, first: number, last: number): Promise<void> {
  const started = performance.now();
  const customersFrom = Math.floor((first - 1) / ORDERS_PER_CUSTOMER) + 1;
  const customersTo = Math.ceil(last / ORDERS_PER_CUSTOMER);
  await sql.unsafe(`
    insert into customers (email, first_name, last_name, country, manager_id)
    select 'bench' || g || '@example.com', 'Bench', 'Customer ' || g, 'US',
           case when g % 10 = 0 then null else (select array_agg(id order by username) from users where role = 'manager')[1 + g % ${MANAGERS}] end
    from generate_series(${customersFrom}, ${customersTo}) g`);
  console.log(`  customers ${customersFrom}..${customersTo}: ${seconds(started)}`);
  const indexes = [...(await dropIndexes(sql, "orders")), ...(await dropIndexes(sql, "ledger_entries"))];
  const load = performance.now();
  // Rows are written in creation order within each load, spread over the whole year (a second load interleaves with the first).
  await sql.begin(async (tx) => {
    await tx.unsafe(`set local synchronous_commit = off`);
    await tx.unsafe(`set local session_replication_role = replica`);
    await tx.unsafe(`
      create temporary table bench_customer_ids on commit drop as
      select row_number() over (order by email) as n, id, manager_id from customers where email like 'bench%@example.com'`);
    await tx.unsafe(`create index on bench_customer_ids (n)`);
    await tx.unsafe(`
      insert into orders (id, shop_id, shop_order_id, customer_id, status, currency, subtotal_minor, total_minor, usd_per_unit, total_usd_minor,
        payment_method, processor_id, customer_first_name, customer_last_name, customer_email, customer_phone, billing_address, shipping_address,
        country, device_type, request_hash, paid_at, created_at, updated_at, manager_id)
      select 'ord_b' || g, s.id, 'B' || g, c.id, st.status, 'USD', amount, amount, '1', amount,
        'credit_card', p.id,
        (array['James','Mary','Olga','Liam','Emma','Noah','Sofia','Lucas','Anna','David','Chloe','Ivan'])[1 + ((g - 1) / ${ORDERS_PER_CUSTOMER}) % 12],
        (array['Smith','Garcia','Müller','Rossi','Dubois','Jansen','Kowalski','Brown','Martin','Nowak','Silva','Novak','Lopez','Fischer','Moreau','Ricci','Taylor','Wilson','Andersson','Petrov'])[1 + (((g - 1) / ${ORDERS_PER_CUSTOMER}) * 7) % 20],
        'bench' || (1 + (g - 1) / ${ORDERS_PER_CUSTOMER}) || '@example.com', '+1555' || lpad((1 + (g - 1) / ${ORDERS_PER_CUSTOMER})::text, 7, '0'), '{}'::jsonb, '{}'::jsonb,
        (array['US','US','US','GB','DE','FR','CA','AU','IT','ES','NL','SE','PL','BR','JP'])[1 + (g * 7) % 15],
        (array['desktop','mobile','mobile','tablet','desktop','mobile'])[1 + (g * 11) % 6],
        'bench', case when st.status in ('approved','packed','shipped','reshipped','delivered','refunded','chargeback') then at + interval '1 hour' end,
        at, at, c.manager_id -- triggers are off in replica mode: copy the customer's manager here
      from generate_series(${first}::bigint, ${last}::bigint) g
      cross join lateral (select 1000 + (g * 7919) % 20000 as amount,
                                 now() - interval '365 days' + ((g - ${first} + 1)::float8 / ${last - first + 1}) * interval '365 days' - ((g * 104729) % 3600) * interval '1 second' as at,
                                 (g * 31) % 100 as w) x
      cross join lateral (select (case when w < 8 then 'pending' when w < 22 then 'approved' when w < 34 then 'declined' when w < 38 then 'cancelled'
                                       when w < 43 then 'call_center' when w < 49 then 'packed' when w < 69 then 'shipped' when w < 71 then 'reshipped'
                                       when w < 89 then 'delivered' when w < 94 then 'refunded' when w < 96 then 'chargeback' else 'closed' end)::order_status as status) st
      join bench_customer_ids c on c.n = 1 + (g - 1) / ${ORDERS_PER_CUSTOMER}
      cross join (select id from shops limit 1) s
      cross join (select id from processors limit 1) p`);
    await tx.unsafe(`
      insert into ledger_entries (order_id, kind, amount_minor, currency, usd_minor, processor_id, created_at)
      select o.id, k.kind, k.amount, 'USD', k.amount, o.processor_id, k.at
      from orders o
      cross join lateral (values ('sale'::ledger_kind, o.total_minor, o.paid_at),
                                 ('processor_fee'::ledger_kind, -(o.total_minor * 450 / 10000 + 30), o.paid_at),
                                 ('refund'::ledger_kind, -o.total_minor, o.paid_at + interval '5 days')) k(kind, amount, at)
      where o.id like 'ord_b%' and substr(o.shop_order_id, 2)::bigint between ${first} and ${last} and o.paid_at is not null
        and (k.kind <> 'refund' or o.status = 'refunded') and k.at <= now()`);
  });
  console.log(`  orders ${first}..${last} and their ledger: ${seconds(load)}`);
  const indexing = performance.now();
  await sql.unsafe(`set maintenance_work_mem = '1GB'`);
  for (const definition of indexes) await sql.unsafe(definition);
  await sql.unsafe(`vacuum analyze orders`);
  await sql.unsafe(`vacuum analyze ledger_entries`);
  await sql.unsafe(`vacuum analyze customers`);
  console.log(`  indexes and analyze: ${seconds(indexing)}`);
}

interface Scenario {
  label: string;
  user: ScopedUser;
  preset: RangePreset;
  useRollups: boolean;
}

async function measure(db: Db, scenario: Scenario, runs: number): Promise<{ median: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    await getDashboardOverview(db, scenario.user, { preset: scenario.preset }, { useRollups: scenario.useRollups });
    if (i >= 2) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]! };
}

async function report(db: Db, people: People, orders: number, lines: string[]): Promise<void> {
  const scenarios: Scenario[] = [];
  for (const [who, user] of [["admin", people.admin], ["head of 10 managers", people.head], ["manager", people.manager]] as const) {
    for (const preset of ["this_month", "1y"] as const) scenarios.push({ label: `${who}, ${preset === "1y" ? "1 year" : "this month"}`, user, preset, useRollups: true });
  }
  scenarios.push({ label: "admin, this month, raw tables (no rollups)", user: people.admin, preset: "this_month", useRollups: false });
  scenarios.push({ label: "admin, 1 year, raw tables (no rollups)", user: people.admin, preset: "1y", useRollups: false });
  const volume = orders >= 1_000_000 ? `${orders / 1_000_000} M` : `${orders / 1000} k`;
  for (const scenario of scenarios) {
    const { median, max } = await measure(db, scenario, scenario.useRollups ? RUNS : 3);
    const line = `| ${volume} orders | dashboard overview (all widgets), ${scenario.label} | median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms |`;
    lines.push(line);
    console.log(line);
  }
  // The orders list's first page (list + tab counts), on the same data.
  for (const scenario of ordersPageScenarios(people)) {
    const { median, max } = await measureOrdersPage(db, scenario, RUNS);
    const line = `| ${volume} orders | orders page (first page + tab counts), ${scenario.label} | median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms |`;
    lines.push(line);
    console.log(line);
  }
}

async function main() {
  const started = performance.now();
  console.log(`bench:dashboard — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);
  await createDatabase();
  const handle = openDatabase({ driver: "postgres", url: databaseUrl(), maxConnections: 10 });
  await migrateDatabase(handle);
  const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
  const [{ version } = { version: "?" }] = await sql<{ version: string }[]>`select current_setting('server_version') as version`;
  console.log(`PostgreSQL ${version}`);
  const people = await seedPeople(sql);
  const lines: string[] = [];
  let loaded = 0;
  for (const step of [...new Set([FIRST_STEP, TOTAL])]) {
    console.log(`\nLoading orders ${loaded + 1}..${step}`);
    await generateOrders(sql, loaded + 1, step);
    loaded = step;
    const build = await rebuildDashboardRollups(handle.db);
    const [rows] = await sql<{ n: number }[]>`select count(*)::int as n from dashboard_daily`;
    const line = `| ${step / 1_000_000} M orders | full rollup build (${rows?.n ?? 0} rollup rows) | ${(build.ms / 1000).toFixed(1)} s |`;
    lines.push(line);
    console.log(line);
    await report(handle.db, people, step, lines);
    // Status changes of old orders mark their days dirty; the figures stay right and a refresh rebuilds those days.
    const old = await sql<{ id: string }[]>`
      select id from orders where status = 'pending' and created_at < now() - interval '30 days' order by created_at limit 5`;
    for (const o of old) await changeOrderStatus(handle.db, { type: "system", name: "bench" }, o.id, "approved");
    const refresh = await refreshDashboardRollups(handle.db);
    const refreshLine = `| ${step / 1_000_000} M orders | rollup refresh after 5 status changes of old orders (${refresh.days} days rebuilt) | ${refresh.ms} ms |`;
    lines.push(refreshLine);
    console.log(refreshLine);
  }
  console.log(`\nRows for docs/benchmarks.md (date ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, PostgreSQL ${version}):`);
  for (const line of lines) console.log(line);
  await sql.end();
  await handle.close();
  if (process.env.BENCH_KEEP !== "1") {
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
    await admin.end();
  }
  console.log(`\nTotal time ${seconds(started)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
