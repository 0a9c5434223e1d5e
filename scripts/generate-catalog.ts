/**
 * Generates a large catalog on PostgreSQL for `npm run bench:catalog`: 200,000 products in a
 * 3-level tree (10 × 8 × 6 = 480 leaf sections), 1,000 property kinds (400 filterable, spread so that every section has some; 15 kinds per
 * product ≈ 3 M property rows), 300 brands, prices of 4 price types, stock in 3 warehouses.
 * Everything is bulk SQL (generate_series), in its own database, reused when already complete.
 *
 *   npx tsx scripts/generate-catalog.ts [--force]
 * Env: BENCH_DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 *      BENCH_CATALOG_DB (default t3_bench_catalog), BENCH_PRODUCTS (default 200000).
 */
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";

export const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const DB_NAME = process.env.BENCH_CATALOG_DB ?? "t3_bench_catalog";
export const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 200_000);
const KINDS = 1000;
const KINDS_PER_PRODUCT = 15;
const VALUES_PER_KIND = 8;

export function benchDatabaseUrl(): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

const NOUNS = [
  "Розетка", "Выключатель", "Кабель", "Провод", "Автоматический выключатель", "Светильник", "Лампа", "Прожектор", "Щит", "Бокс", "Клемма", "Колодка",
  "Удлинитель", "Сетевой фильтр", "Стабилизатор", "Контактор", "Реле", "Датчик движения", "Терморегулятор", "Конвектор", "Мультиметр", "Отвёртка",
  "Плоскогубцы", "Гофротруба", "Кабель-канал", "Хомут", "Наконечник", "Гильза", "Рамка", "Диммер",
];
const ADJECTIVES = ["белый", "чёрный", "серый", "бежевый", "влагозащищённый", "накладной", "встраиваемый", "промышленный", "бытовой", "усиленный", "компактный", "модульный"];

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

async function step(sql: postgres.Sql, label: string, query: string): Promise<void> {
  const started = performance.now();
  await sql.unsafe(query);
  console.log(`  ${label.padEnd(28)} ${seconds(started)}`);
}

/** Creates (or reuses) the bench database and fills it; returns whether it generated anything. */
export async function generateCatalog(options: { force?: boolean } = {}): Promise<boolean> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const [exists] = await admin<{ n: number }[]>`select count(*)::int as n from pg_database where datname = ${DB_NAME}`;
  if (exists!.n > 0 && options.force) await admin.unsafe(`drop database ${DB_NAME} with (force)`);
  if (exists!.n === 0 || options.force) await admin.unsafe(`create database ${DB_NAME}`);
  await admin.end();

  const handle = openDatabase({ driver: "postgres", url: benchDatabaseUrl(), maxConnections: 2 });
  await migrateDatabase(handle);
  await handle.close();

  const sql = postgres(benchDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const [have] = await sql<{ n: number }[]>`select count(*)::int as n from products`;
    if (have!.n >= PRODUCTS) {
      console.log(`[generate-catalog] ${DB_NAME} already holds ${have!.n} products — reused (--force regenerates).`);
      return false;
    }
    console.log(`[generate-catalog] generating ${PRODUCTS} products in ${DB_NAME} …`);
    const started = performance.now();
    await sql.unsafe(`truncate products, categories, brands, property_kinds, price_types, regions, warehouses cascade`);
    await sql.unsafe(`set maintenance_work_mem = '256MB'`);
    await step(
      sql,
      "reference data",
      `insert into price_types (code, name, rank, is_default) values ('retail','Розница',0,true),('small_wholesale','Мелкий опт',1,false),('wholesale','Опт',2,false),('big_wholesale','Крупный опт',3,false);
       insert into regions (code, name, is_default) values ('moscow','Москва',true),('spb','Санкт-Петербург',false);
       insert into warehouses (code, name, region_id) select w.code, w.name, r.id from (values ('msk-1','Москва 1','moscow'),('msk-2','Москва 2','moscow'),('spb-1','СПб','spb')) w(code,name,region) join regions r on r.code = w.region;
       insert into brands (name, slug) select 'Brand ' || g, 'brand-' || g from generate_series(1, 300) g;`,
    );
    await step(
      sql,
      "category tree",
      `insert into categories (name, slug, path, depth, sort) select 'Раздел ' || a, 's' || a, '', 0, a from generate_series(1, 10) a;
       update categories set path = '/' || id || '/' where depth = 0;
       insert into categories (parent_id, name, slug, path, depth, sort) select c.id, 'Подраздел ' || c.sort || '.' || b, c.slug || '-' || b, '', 1, b from categories c, generate_series(1, 8) b where c.depth = 0;
       update categories c set path = p.path || c.id || '/' from categories p where c.parent_id = p.id and c.depth = 1;
       insert into categories (parent_id, name, slug, path, depth, sort) select c.id, 'Группа ' || c.slug || '.' || l, c.slug || '-' || l, '', 2, l from categories c, generate_series(1, 6) l where c.depth = 1;
       update categories c set path = p.path || c.id || '/' from categories p where c.parent_id = p.id and c.depth = 2;`,
    );
    await step(
      sql,
      "1,000 property kinds",
      `insert into property_kinds (code, name, type, is_filterable, sort, unit)
         select 'k' || g, 'Свойство ' || g, (case when g % 10 = 9 then 'number' when g % 20 = 18 then 'text' else 'enum' end)::property_type, g % 5 in (0, 4), g, case when g % 10 = 9 then 'мм' end
         from generate_series(0, ${KINDS - 1}) g;
       insert into property_values (kind_id, value, sort) select k.id, 'значение ' || v, v from property_kinds k, generate_series(0, ${VALUES_PER_KIND - 1}) v where k.type = 'enum';`,
    );
    await step(
      sql,
      `${PRODUCTS.toLocaleString("en")} products`,
      `create temp table leaves as select id, row_number() over (order by path) - 1 as idx from categories where depth = 2;
       create temp table brand_idx as select id, row_number() over (order by slug) - 1 as idx from brands;
       insert into products (sku, name, slug, description, brand_id, line, main_category_id, badges, sales_count, rating_avg, created_at)
         select 'SKU-' || lpad(g::text, 7, '0'),
                (array[${NOUNS.map((n) => `'${n}'`).join(",")}])[1 + (g * 7) % ${NOUNS.length}] || ' ' || b.idx || ' ' || (array[${ADJECTIVES.map((n) => `'${n}'`).join(",")}])[1 + (g * 11) % ${ADJECTIVES.length}] || ' ' || (10 + g % 90) || 'А',
                'sku-' || lpad(g::text, 7, '0'),
                'Товар ' || g || ' для электромонтажа: надёжный, сертифицированный, поставляется со склада.',
                b.id, 'Line ' || (g % 5), l.id,
                case when g % 37 = 0 then '["new"]'::jsonb when g % 23 = 0 then '["hit"]'::jsonb when g % 29 = 0 then '["sale"]'::jsonb else '[]'::jsonb end,
                (g * 2654435761) % 5000, ((g % 50) / 10.0)::numeric(3,2), now() - ((g % 700) || ' days')::interval
         from generate_series(1, ${PRODUCTS}) g
         join leaves l on l.idx = g % 480
         join brand_idx b on b.idx = (g * 31) % 300;`,
    );
    await step(
      sql,
      "product sections (+ancestors)",
      `insert into product_categories (category_id, product_id, is_direct)
         select unnest(string_to_array(trim(both '/' from c.path), '/'))::uuid, p.id, false from products p join categories c on c.id = p.main_category_id;
       update product_categories pc set is_direct = true from products p where p.id = pc.product_id and pc.category_id = p.main_category_id;`,
    );
    await step(
      sql,
      "variants, units",
      `insert into product_variants (product_id, sku, name, is_default) select id, sku, name, true from products;
       insert into product_units (product_id, unit, ratio, min_qty, multiple, is_default) select id, 'pcs', 1, 1, 1, true from products;
       insert into product_units (product_id, unit, ratio, min_qty, multiple, is_default) select id, 'pack', 10, 1, 1, false from products where hashtext(sku) % 3 = 0;`,
    );
    await step(
      sql,
      "prices (4 types)",
      `insert into prices (variant_id, price_type_id, amount_minor, currency)
         select v.id, t.id, ((1000 + abs(hashtext(v.sku)) % 2000000) * (1 - t.rank * 0.06))::bigint, 'RUB' from product_variants v cross join price_types t;`,
    );
    await step(
      sql,
      "stock (3 warehouses)",
      `insert into stock (variant_id, warehouse_id, quantity) select v.id, w.id, case when abs(hashtext(v.sku || w.code)) % 4 = 0 then 0 else abs(hashtext(v.sku || w.code)) % 500 end from product_variants v cross join warehouses w;`,
    );
    await step(
      sql,
      `properties (${KINDS_PER_PRODUCT}/product)`,
      `create temp table kind_idx as select id, sort as idx, type from property_kinds;
       create unique index on kind_idx (idx);
       create temp table value_idx as select v.id, k.sort as kidx, v.sort as vidx from property_values v join property_kinds k on k.id = v.kind_id;
       create unique index on value_idx (kidx, vidx);
       drop index if exists product_properties_value_idx;
       drop index if exists product_properties_number_idx;
       create temp table prod_leaf as select p.id, l.idx as leaf, row_number() over (order by p.sku) as g from products p join leaves l on l.id = p.main_category_id;
       insert into product_properties (product_id, kind_id, value_id, number_value, text_value)
         select pl.id, k.id,
                vi.id,
                case when k.type = 'number' then (abs(hashtext(pl.g::text || '-' || j)) % 1000) / 10.0 end,
                case when k.type = 'text' then 'текст ' || (pl.g % 100) end
         from prod_leaf pl cross join generate_series(0, ${KINDS_PER_PRODUCT - 1}) j
         join kind_idx k on k.idx = (pl.leaf * 7 + j * 13) % ${KINDS}
         left join value_idx vi on k.type = 'enum' and vi.kidx = k.idx and vi.vidx = abs(hashtext(pl.g::text || '-' || j)) % ${VALUES_PER_KIND};
       create index product_properties_value_idx on product_properties (value_id, product_id);
       create index product_properties_number_idx on product_properties (kind_id, number_value);`,
    );
    // Real imports write a product's properties together; the bulk load above scatters them, so
    // put them back in product order (one or two pages per product instead of fifteen).
    await step(sql, "cluster properties", `cluster product_properties using product_properties_product_id_kind_id_pk`);
    // VACUUM also sets the visibility map (index-only scans on product_categories) and flushes GIN pending lists.
    await step(sql, "vacuum analyze", `vacuum analyze`);
    console.log(`[generate-catalog] done in ${seconds(started)}`);
    return true;
  } finally {
    await sql.end();
  }
}

if (process.argv[1]?.endsWith("generate-catalog.ts")) {
  generateCatalog({ force: process.argv.includes("--force") }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
