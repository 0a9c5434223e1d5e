/**
 * npm run bench:intake — the shop order API under load, against the production build on the
 * local PostgreSQL, compared with a bare Next.js handler doing the same inserts. Prints orders/s
 * and p50/p99 latency at 8 and 32 connections, the ratio, and checks nothing was lost or doubled.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { shops } from "../db/schema";
import { hashApiKey } from "../server/domain/shops/shops";

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "t3_bench";
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PRELOAD = Number(process.env.BENCH_PRELOAD ?? 100_000);
const API_ID = "shop_bench01";
const API_KEY = `sk_bench_${randomBytes(12).toString("hex")}`;

function databaseUrl(): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

async function prepareDatabase(): Promise<string> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  await admin.unsafe(`create database ${DB_NAME}`);
  await admin.end();

  const handle = openDatabase({ driver: "postgres", url: databaseUrl() });
  await migrateDatabase(handle);
  const [shop] = await handle.db
    .insert(shops)
    .values({ name: "Bench shop", hostname: "bench.example", apiId: API_ID, apiKeyHash: hashApiKey(API_KEY), apiKeyPrefix: API_KEY.slice(0, 7) })
    .returning();
  if (!shop) throw new Error("bench shop not created");
  await handle.close();

  const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
  const started = Date.now();
  await sql.unsafe(`
    insert into customers (email, first_name, last_name, phone, phones, country, orders_count, total_usd_minor)
    select 'pre' || g || '@example.com', 'Pre', 'Loaded ' || g, '+1555' || g, '[]'::jsonb, 'US', 1, 4995
    from generate_series(1, ${PRELOAD}) g`);
  await sql.unsafe(`
    insert into orders (id, shop_id, shop_order_id, customer_id, status, currency, subtotal_minor, total_minor, usd_per_unit, total_usd_minor,
      payment_method, customer_first_name, customer_last_name, customer_email, customer_phone, billing_address, shipping_address, country, request_hash, created_at)
    select 'ord_pre' || lpad(g::text, 19, '0'), '${shop.id}', 'PRE-' || g, c.id, 'approved', 'USD', 4995, 4995, '1', 4995,
      'credit_card', 'Pre', 'Loaded', c.email, c.phone, '{"country":"US","state":"CA","city":"LA","zip":"90001","address":"1 Main"}'::jsonb,
      '{"country":"US","state":"CA","city":"LA","zip":"90001","address":"1 Main"}'::jsonb, 'US', 'pre', now() - (g || ' minutes')::interval
    from generate_series(1, ${PRELOAD}) g join customers c on c.email = 'pre' || g || '@example.com'`);
  await sql.unsafe(`
    insert into order_items (order_id, position, sku, name, quantity, price_minor, line_total_minor)
    select id, 1, 'VTB-20-30', 'VITAMIN B', 1, 4995, 4995 from orders`);
  await sql.unsafe(`insert into order_events (order_id, type, actor_type, to_status) select id, 'created', 'shop', 'pending' from orders`);
  await sql.unsafe("analyze");
  console.log(`preloaded ${PRELOAD} customers and orders in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await sql.end();
  return shop.id;
}

function orderBody(shopOrderId: string, n: number) {
  return JSON.stringify({
    auth: { api_id: API_ID, api_key: API_KEY },
    customer: { first_name: "Bench", last_name: `Buyer ${n}`, email: `bench${n % 50_000}@example.com`, phone: "+1 555 010 2030", ip: "203.0.113.10" },
    billing: { country: "US", state: "CA", city: "Los Angeles", zip: "90001", address: "1 Sunset Blvd" },
    shipping: { country: "US", state: "CA", city: "Los Angeles", zip: "90001", address: "1 Sunset Blvd" },
    payment: { method: "paypal" },
    options: { delivery_id: 1, currency: "USD", shop_domain: "bench.example", shop_order_id: shopOrderId },
    metrics: { device: { user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0", screen_width: 1920 } },
    products: [
      { id: 64764, sku: "VTB-20-30", name: "VITAMIN B", option: "20 mg", option_value: "30 pills", bonus: "4 pills", quantity: 1, price: 20 },
      { id: 64765, sku: "OMG-1000-90", name: "OMEGA-3", option: "1000 mg", option_value: "90 caps", quantity: 2, price: 29 },
      { id: 64766, sku: "MAG-400-60", name: "MAGNESIUM", option: "400 mg", option_value: "60 tabs", quantity: 1, price: 18 },
    ],
    shipping_method: { id: 1, price: 14.95 },
    total: 110.95,
  });
}

interface RunResult {
  endpoint: string;
  connections: number;
  ordersPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
}

const acknowledgedIds = new Set<string>();

async function load(path: string, connections: number, seconds: number, prefix: string): Promise<RunResult> {
  let n = 0;
  const recordIds = path === "/api/orders" && !prefix.startsWith("WARM");
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}${path}`,
    connections,
    duration: seconds,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [
      {
        setupRequest: (request) => {
          n += 1;
          return { ...request, body: orderBody(`${prefix}-${n}`, n) };
        },
        onResponse: (status: number, body: string) => {
          if (recordIds && status >= 200 && status < 300) acknowledgedIds.add((JSON.parse(body) as { id: string }).id);
        },
      },
    ],
  });
  return {
    endpoint: path,
    connections,
    ordersPerSecond: Math.round(result["2xx"] / seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become healthy");
}

async function main() {
  if (!existsSync(".next/BUILD_ID") || process.env.BENCH_BUILD === "1") {
    console.log("building…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const shopId = await prepareDatabase();
  const server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl(),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SEED_DEMO: "false",
      // Intake alone: the outbox worker would compete for the same two cores.
      WORKER_IN_PROCESS: "false",
      BENCH_BASELINE_SHOP_ID: shopId,
      SHOP_API_RATE_PER_SECOND: "1000000",
      SHOP_API_RATE_BURST: "1000000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitForHealth();
    await load("/api/bench/intake-baseline", 8, 3, "WARM-B");
    await load("/api/orders", 8, 3, "WARM-R");
    const results: RunResult[] = [];
    for (const connections of [8, 32]) {
      results.push(await load("/api/bench/intake-baseline", connections, SECONDS, `B${connections}`));
      results.push(await load("/api/orders", connections, SECONDS, `R${connections}`));
    }

    const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
    const ids = [...acknowledgedIds];
    const [found] = await sql<{ n: number }[]>`select count(*)::int n from orders where id = any(${ids})`;
    const [stored] = await sql<{ n: number }[]>`select count(*)::int n from orders where shop_order_id like 'R%'`;
    const [dupes] = await sql<{ n: number }[]>`select count(*)::int n from (select shop_order_id from orders group by shop_id, shop_order_id having count(*) > 1) d`;
    await sql.end();

    console.log("\nendpoint                      conns  orders/s   p50 ms   p99 ms   2xx     non-2xx");
    for (const r of results) {
      console.log(`${r.endpoint.padEnd(30)}${String(r.connections).padStart(5)}${String(r.ordersPerSecond).padStart(10)}${String(r.p50).padStart(9)}${String(r.p99).padStart(9)}${String(r.ok).padStart(8)}${String(r.errors).padStart(10)}`);
    }
    for (const connections of [8, 32]) {
      const base = results.find((r) => r.connections === connections && r.endpoint !== "/api/orders")!;
      const real = results.find((r) => r.connections === connections && r.endpoint === "/api/orders")!;
      console.log(`ratio at ${connections} connections: ${(real.ordersPerSecond / base.ordersPerSecond).toFixed(2)} × the bare handler`);
    }
    console.log(
      `acknowledged (2xx with an id) ${ids.length}, of them stored ${found!.n}, lost ${ids.length - found!.n}; stored in all ${stored!.n} (the rest were answered after the load tool stopped counting); duplicated shop orders ${dupes!.n}; preloaded ${PRELOAD}`,
    );
    mkdirSync(".data", { recursive: true });
    writeFileSync(".data/bench-intake.json", JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, preload: PRELOAD, results, acknowledged: ids.length, lost: ids.length - found!.n, stored: stored!.n, duplicated: dupes!.n }, null, 2));
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
