import { count, eq, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { categories, prices, priceTypes, productVariants, products, propertyKinds, stock, warehouses } from "@/db/schema";
import { hasCatalog, seedDemoCatalog } from "@/db/seed/demo-catalog";
import { anonymousViewer } from "@/server/domain/catalog/buyer-context";
import { listProducts } from "@/server/domain/catalog/list-products";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let seconds = 0;
let result: Awaited<ReturnType<typeof seedDemoCatalog>>;

beforeAll(async () => {
  t = await createTestDatabase();
  const started = Date.now();
  result = await seedDemoCatalog(t.db);
  seconds = (Date.now() - started) / 1000;
}, 120_000);
afterAll(async () => {
  await t.destroy();
});

const n = async (table: PgTable) =>
  (await t.db.select({ n: count() }).from(table))[0]!.n;

describe("the demo catalog", () => {
  it("is a ~5,000-product wholesale catalog in a 3-level tree, seeded fast", async () => {
    console.log(`[catalog demo seed] ${result.products} products in ${seconds.toFixed(1)} s`);
    expect(result.products).toBe(4960);
    expect(await hasCatalog(t.db)).toBe(true);
    expect(await n(categories)).toBe(8 + 40 + 160);
    expect(await n(propertyKinds)).toBeGreaterThanOrEqual(60);
    const [filterable] = await t.db.select({ n: count() }).from(propertyKinds).where(eq(propertyKinds.isFilterable, true));
    expect(filterable!.n).toBeGreaterThanOrEqual(25);
    expect(await n(warehouses)).toBe(3);
    const variants = await n(productVariants);
    expect(variants).toBeGreaterThan(4960);
    expect(await n(prices)).toBe(variants * 4);
    expect(await n(stock)).toBe(variants * 3);
    expect((await t.db.select({ n: count() }).from(priceTypes))[0]!.n).toBe(4);
  });

  it("gives every product its default variant with the product's SKU", async () => {
    const rows = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from products p where not exists (select 1 from product_variants v where v.product_id = p.id and v.is_default and v.sku = p.sku)`),
    );
    expect(Number(rows[0]!.n)).toBe(0);
    const [news] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from products where badges @> '["new"]'::jsonb`));
    expect(Number(news!.n)).toBeGreaterThanOrEqual(10);
  });

  it("is deterministic", async () => {
    const [first] = await t.db.select({ sku: products.sku, name: products.name }).from(products).orderBy(products.sku).limit(1);
    expect(first!.sku).toMatch(/^[A-Z]+-\d{6}$/);
    expect(first!.name.length).toBeGreaterThan(10);
  });

  it("answers a faceted search over it", async () => {
    const viewer = await anonymousViewer(t.db);
    const [leaf] = await t.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, "wiring-devices"));
    const page = await listProducts(t.db, viewer, { categoryId: leaf!.id, search: "розетки" });
    expect(page.total).toBeGreaterThan(20);
    expect(page.facets!.enums.length).toBeGreaterThan(3);
    const white = page.facets!.enums.find((e) => e.name === "Цвет")!.values.find((v) => v.label === "белый")!;
    const filtered = await listProducts(t.db, viewer, { categoryId: leaf!.id, search: "розетки", valueIds: [white.id] });
    expect(filtered.total).toBe(white.count);
    const typo = await listProducts(t.db, viewer, { search: "выключатль" });
    expect(typo.searchMode).toBe("fuzzy");
    expect(typo.total).toBeGreaterThan(0);
  });
});
