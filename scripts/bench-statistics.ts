/**
 * Times the sales statistics (a director's whole scope and one manager's) and the deep analytics
 * on a generated data set in a throw-away PostgreSQL database: BENCH_COMPANIES companies (default
 * 2,000, one buyer each) with BENCH_ORDERS B2B orders (default 200,000, one line each) over a
 * year, 30 managers under 3 heads, 500 products, and per buyer 10 sign-ins and 3 carts of 4 lines
 * over the year (for engagement and bounce).
 *   npm run bench:statistics
 */
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { deepAnalytics } from "../server/domain/statistics/deep-analytics";
import { salesStatistics } from "../server/domain/statistics/sales-stats";

const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const companiesN = Number(process.env.BENCH_COMPANIES ?? 2000);
const ordersN = Number(process.env.BENCH_ORDERS ?? 200_000);

async function main() {
  const name = `t3_bench_stats_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 4 });
  try {
    await migrateDatabase(handle);
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await sql`insert into users (kind, role, name, username, email, password_hash)
      select 'staff', 'head_manager', 'Head ' || g, 'head' || g, 'head' || g || '@b.local', 'x' from generate_series(1, 3) g`;
    await sql`insert into users (kind, role, name, username, email, password_hash, supervisor_id)
      select 'staff', 'manager', 'Manager ' || g, 'mgr' || g, 'mgr' || g || '@b.local', 'x', (select id from users where username = 'head' || (1 + g % 3))
      from generate_series(1, 30) g`;
    await sql`insert into users (kind, role, name, email, password_hash, created_at)
      select 'buyer', 'buyer', 'Buyer ' || g, 'buyer' || g || '@b.local', 'x', now() - (random() * 365 || ' days')::interval from generate_series(1, ${companiesN}) g`;
    await sql`insert into companies (name, inn, kpp, manager_id)
      select 'Company ' || g, '7736207543', lpad(g::text, 9, '0'), (select id from users where username = 'mgr' || (1 + g % 30)) from generate_series(1, ${companiesN}) g`;
    await sql`insert into company_members (user_id, company_id, access_level, is_owner, is_default)
      select u.id, c.id, 3, true, true from (select id, row_number() over (order by email) n from users where kind = 'buyer') u
      join (select id, row_number() over (order by kpp) n from companies) c on c.n = u.n`;
    await sql`insert into b2b_orders (number, company_id, buyer_id, currency, total_minor, status, created_at)
      select 'B' || g, c.id, m.user_id, 'RUB', (1000 + random() * 1000000)::bigint,
        (array['new','confirmed','assembling','shipped','delivered','cancelled'])[1 + g % 6]::b2b_order_status,
        now() - (random() * 365 || ' days')::interval
      from generate_series(1, ${ordersN}) g
      join lateral (select id from companies offset (g % ${companiesN}) limit 1) c on true
      join company_members m on m.company_id = c.id`;
    await sql`insert into products (sku, name, slug) select 'P' || g, 'Product ' || g, 'p-' || g from generate_series(1, 500) g`;
    await sql`insert into product_variants (product_id, sku, name, is_default) select id, sku, name, true from products`;
    await sql`insert into b2b_order_lines (order_id, variant_id, sku, name, unit, quantity, unit_minor, line_total_minor)
      select o.id, v.id, v.sku, v.name, 'pcs', 1, o.total_minor, o.total_minor
      from b2b_orders o join (select id, sku, name, row_number() over (order by sku) - 1 as n from product_variants) v on v.n = abs(hashtext(o.number)) % 500`;
    await sql`insert into user_sessions (id, user_id, remember, created_at, last_seen_at, expires_at)
      select u.id || '-' || g, u.id, false, t, t, t + interval '1 day'
      from users u cross join generate_series(1, 10) g cross join lateral (select now() - (random() * 365 || ' days')::interval as t) r where u.kind = 'buyer'`;
    await sql`insert into carts (user_id, name, status, created_at, updated_at)
      select u.id, 'Cart ' || g, 'saved', t, t from users u cross join generate_series(1, 3) g
      cross join lateral (select now() - (random() * 365 || ' days')::interval as t) r where u.kind = 'buyer'`;
    await sql`insert into cart_lines (cart_id, variant_id, unit, quantity, added_unit_minor, added_currency, created_at)
      select c.id, v.id, 'pcs', 2, 10000, 'RUB', c.created_at from carts c cross join generate_series(0, 3) k
      join (select id, row_number() over (order by sku) - 1 as n from product_variants) v on v.n = (abs(hashtext(c.id::text)) + k * 97) % 500`;
    await sql`analyze`;
    const [director] = await sql<{ id: string }[]>`select id from users where username = 'head1'`;
    const [manager] = await sql<{ id: string }[]>`select id from users where username = 'mgr1'`;
    await sql.end();
    const time = async (label: string, actor: { id: string; role: "director" | "head_manager" | "manager" }, run: (db: typeof handle.db, who: typeof actor, range: { from?: string }) => Promise<unknown> = salesStatistics) => {
      const runs: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const started = performance.now();
        await run(handle.db, actor, {});
        runs.push(performance.now() - started);
      }
      runs.sort((a, b) => a - b);
      console.log(`${label}: median ${runs[2]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)})`);
    };
    console.log(`${companiesN} companies, ${ordersN} orders over a year; range: the last 30 days`);
    await time("director (all)", { id: director!.id, role: "director" });
    await time("head (10 managers)", { id: director!.id, role: "head_manager" });
    await time("manager (1/30)", { id: manager!.id, role: "manager" });
    await time("deep analytics, director (all)", { id: director!.id, role: "director" }, deepAnalytics);
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

void main();
