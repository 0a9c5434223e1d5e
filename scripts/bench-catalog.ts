/**
 * npm run bench:catalog — the buyer catalog's server time on PostgreSQL with 200,000 generated
 * products and 1,000 property kinds (scripts/generate-catalog.ts; the database is reused).
 *
 * The measured call is exactly what the catalog page asks for: `listProducts` for a category
 * subtree with a search term and 2 facet selections — the page of 24 products, the total, the
 * facet counts for the current selection (each facet ignoring its own selection) and the personal
 * prices of the page through priceForBuyer. p50/p95 over 100 runs after 5 warm-up runs.
 *
 * Env: as generate-catalog.ts, plus BENCH_RUNS (default 100).
 */
import postgres from "postgres";
import { openDatabase, type Db } from "../db/client";
import { catalogViewer } from "../server/domain/catalog/buyer-context";
import type { ListProductsInput } from "../server/domain/catalog/catalog-schemas";
import { listProducts } from "../server/domain/catalog/list-products";
import { priceForBuyer } from "../server/domain/pricing/price-for-buyer";
import { benchDatabaseUrl, generateCatalog } from "./generate-catalog";

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const WARMUP = 5;
const SEARCH = "розетка";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, work: () => Promise<unknown>, runs = RUNS): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < Math.min(WARMUP, runs); i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  console.log(`  ${`${label} [${runs}]`.padEnd(70)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   max ${times[times.length - 1]!.toFixed(1).padStart(6)} ms`);
  return { p50, p95 };
}

async function benchBuyer(sql: postgres.Sql): Promise<string> {
  const [found] = await sql<{ id: string }[]>`select id from users where email = 'bench-buyer@bench.local'`;
  if (found) return found.id;
  const [created] = await sql<{ id: string }[]>`insert into users (kind, role, name, email, password_hash) values ('buyer', 'buyer', 'Bench buyer', 'bench-buyer@bench.local', 'x') returning id`;
  return created!.id;
}

/** Two facet selections that leave some products: the most common value of each of the first two enum facets. */
async function pickSelections(db: Db, userId: string, base: ListProductsInput): Promise<string[]> {
  const viewer = await catalogViewer(db, userId);
  const first = await listProducts(db, viewer, base);
  const a = first.facets!.enums[0]!.values.slice().sort((x, y) => y.count - x.count)[0]!;
  const second = await listProducts(db, viewer, { ...base, valueIds: [a.id] });
  const other = second.facets!.enums.find((e) => !e.values.some((v) => v.id === a.id) && e.values.some((v) => v.count > 0))!;
  const b = other.values.slice().sort((x, y) => y.count - x.count)[0]!;
  return [a.id, b.id];
}

async function main(): Promise<void> {
  await generateCatalog();
  const sql = postgres(benchDatabaseUrl(), { max: 1, onnotice: () => {} });
  const userId = await benchBuyer(sql);
  // The subsection where the search term lives (as "розетка" lives among sockets).
  const [mid] = await sql<{ id: string; name: string; n: number }[]>`
    select c.id, c.name, (select count(*)::int from product_categories pc where pc.category_id = c.id) as n
    from categories c where c.depth = 1
    order by (select count(*) from product_categories pc join products p on p.id = pc.product_id
              where pc.category_id = c.id and p.search_vector @@ websearch_to_tsquery('russian', ${SEARCH})) desc, c.slug limit 1`;
  const [top] = await sql<{ id: string; name: string; n: number }[]>`
    select c.id, c.name, (select count(*)::int from product_categories pc where pc.category_id = c.id) as n from categories c where c.slug = 's5'`;
  const [counts] = await sql<{ products: number; kinds: number }[]>`select (select count(*)::int from products) as products, (select count(*)::int from property_kinds) as kinds`;
  const { products, kinds } = counts!;
  await sql.end();

  const handle = openDatabase({ driver: "postgres", url: benchDatabaseUrl(), maxConnections: 2 });
  const db = handle.db;
  console.log(`\n[bench:catalog] PostgreSQL, ${products.toLocaleString("en")} products, ${kinds.toLocaleString("en")} property kinds, ${RUNS} runs each`);
  console.log(`  section "${mid!.name}" holds ${mid!.n.toLocaleString("en")} products; top section "${top!.name}" ${top!.n.toLocaleString("en")}\n`);

  const search = SEARCH;
  const base: ListProductsInput = { categoryId: mid!.id, search, pageSize: 24 };
  const selections = await pickSelections(db, userId, base);
  const target: ListProductsInput = { ...base, valueIds: selections };

  // The whole page as the router serves it: viewer context + page + total + facets + prices.
  const full = () => catalogViewer(db, userId).then((viewer) => listProducts(db, viewer, target));
  const sample = await full();
  console.log(`  target query: "${search}" in "${mid!.name}" + 2 facet values → ${sample.total} products, ${sample.facets!.enums.length} enum facets, ${sample.rows.length} priced rows\n`);

  const result = await measure(`category + search + 2 facets + counts + prices (TARGET)`, full);
  await measure(`same, no facet selection`, () => catalogViewer(db, userId).then((v) => listProducts(db, v, base)));
  await measure(`category only (no search) + 2 facets + counts + prices`, () => catalogViewer(db, userId).then((v) => listProducts(db, v, { categoryId: mid!.id, valueIds: selections })));
  await measure(`top section (${top!.n.toLocaleString("en")}) + search + counts + prices`, () => catalogViewer(db, userId).then((v) => listProducts(db, v, { categoryId: top!.id, search })), 30);
  await measure(`whole catalog, SKU search`, () => catalogViewer(db, userId).then((v) => listProducts(db, v, { search: "SKU-0123456" })));
  await measure(`whole catalog, typo "розтка" (trigram fallback)`, () => catalogViewer(db, userId).then((v) => listProducts(db, v, { search: "розтка" })), 10);
  const variants = sample.rows.flatMap((r) => (r.variantId ? [{ variantId: r.variantId, quantity: 1 }] : []));
  await measure(`priceForBuyer alone, ${variants.length} lines`, () => priceForBuyer(db, userId, variants));

  console.log(`\n  TARGET p95 ${result.p95.toFixed(1)} ms (goal < 100 ms): ${result.p95 < 100 ? "met" : `missed by ${(result.p95 - 100).toFixed(1)} ms`}`);
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
