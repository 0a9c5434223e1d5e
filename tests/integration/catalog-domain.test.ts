import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { products } from "@/db/schema";
import type { Role } from "@/server/auth/roles";
import { anonymousViewer, catalogViewer, type CatalogViewer } from "@/server/domain/catalog/buyer-context";
import type { ListProductsInput } from "@/server/domain/catalog/catalog-schemas";
import { categoryTree } from "@/server/domain/catalog/category-tree";
import { listProducts } from "@/server/domain/catalog/list-products";
import { productCard } from "@/server/domain/catalog/product-card";
import { trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { createCatalogFixture, type CatalogFixture } from "./catalog-fixtures";

let t: TestDatabase;
let f: CatalogFixture;
let viewer: CatalogViewer;
let buyerId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await createCatalogFixture(t.db);
  const buyer = await makeUser(t.db, { role: "buyer" });
  buyerId = buyer.id;
  viewer = await catalogViewer(t.db, buyer.id);
});
afterAll(async () => {
  await t.destroy();
});

const list = (input: ListProductsInput) => listProducts(t.db, viewer, input);
const skus = (page: { rows: Array<{ sku: string }> }) => page.rows.map((r) => r.sku);

describe("the buyer's viewpoint", () => {
  it("without a company falls back to the default region's warehouses and the default price type", () => {
    expect(viewer.regionId).toBe(f.regions.moscow.id);
    expect(viewer.warehouseIds).toEqual([f.warehouses.w1.id]);
    expect(viewer.priceTypeId).toBe(f.priceTypes.retail.id);
  });
});

describe("category tree and subtree listing", () => {
  it("counts published products per subtree, once each", async () => {
    const tree = await categoryTree(t.db);
    const byName = new Map(tree.flatMap((r) => [r, ...r.children, ...r.children.flatMap((c) => c.children)]).map((n) => [n.slug, n.productCount]));
    expect(byName.get("wiring")).toBe(3);
    expect(byName.get("sockets")).toBe(3);
    expect(byName.get("sockets-flush")).toBe(2);
    expect(byName.get("lighting")).toBe(28);
  });

  it("lists a section with everything below it and never a draft", async () => {
    expect(skus(await list({ categoryId: f.categories.A.id, sort: "name" })).sort()).toEqual(["LEG-774401", "LEG-782345", "SE-ATN000143"]);
    expect(skus(await list({ categoryId: f.categories.A1a.id })).sort()).toEqual(["LEG-774401", "SE-ATN000143"]);
  });
});

describe("search", () => {
  it("finds by exact SKU first, and by SKU prefix", async () => {
    const exact = await list({ search: "LEG-774401" });
    expect(skus(exact)[0]).toBe("LEG-774401");
    expect(exact.searchMode).toBe("text");
    const prefix = await list({ search: "leg-78" });
    expect(skus(prefix)).toEqual(["LEG-782345"]);
  });

  it("understands Russian morphology (plural, other case)", async () => {
    const page = await list({ search: "розетки" });
    expect(skus(page).sort()).toEqual(["LEG-774401", "LEG-782345", "SE-ATN000143"]);
    const white = await list({ search: "белые розетки" });
    expect(skus(white).sort()).toEqual(["LEG-774401", "LEG-782345"]);
  });

  it("forgives a typo by falling back to trigram similarity", async () => {
    const page = await list({ search: "розтка" });
    expect(page.searchMode).toBe("fuzzy");
    expect(skus(page)).toEqual(expect.arrayContaining(["LEG-774401", "SE-ATN000143", "LEG-782345"]));
    const brand = await list({ search: "Legrnd" });
    expect(brand.searchMode).toBe("fuzzy");
    expect(skus(brand)).toEqual(expect.arrayContaining(["LEG-774401", "LEG-782345"]));
  });

  it("searches within the chosen section and says nothing when nothing is near", async () => {
    expect(skus(await list({ search: "розетка", categoryId: f.categories.B.id }))).toEqual([]);
    const none = await list({ search: "zzqxw" });
    expect(none.total).toBe(0);
    expect(none.rows).toEqual([]);
  });
});

describe("facets", () => {
  const valueCount = (page: Awaited<ReturnType<typeof list>>, kindId: string) =>
    Object.fromEntries(page.facets!.enums.find((e) => e.kindId === kindId)?.values.map((v) => [v.label, v.count]) ?? []);

  it("counts values over the section", async () => {
    const page = await list({ categoryId: f.categories.A.id });
    expect(valueCount(page, f.kinds.color.id)).toEqual({ белый: 2, чёрный: 1 });
    expect(valueCount(page, f.kinds.ip.id)).toEqual({ IP20: 1, IP44: 2 });
    expect(Object.fromEntries(page.facets!.brands.map((b) => [b.label, b.count]))).toEqual({ Legrand: 2, "Schneider Electric": 1 });
    expect(page.facets!.badges).toEqual([{ badge: "sale", count: 1, selected: false }]);
    // Non-filterable kinds never become facets.
    expect(page.facets!.enums.map((e) => e.kindId)).not.toContain(f.kinds.cert.id);
  });

  it("a facet's counts ignore its own selection; the others follow it", async () => {
    const page = await list({ categoryId: f.categories.A.id, valueIds: [f.values.white.id] });
    expect(skus(page).sort()).toEqual(["LEG-774401", "LEG-782345"]);
    expect(valueCount(page, f.kinds.color.id)).toEqual({ белый: 2, чёрный: 1 });
    expect(valueCount(page, f.kinds.ip.id)).toEqual({ IP20: 1, IP44: 1 });
    expect(page.facets!.brands.map((b) => [b.label, b.count])).toEqual([["Legrand", 2]]);
    expect(page.facets!.enums.find((e) => e.kindId === f.kinds.color.id)!.values.find((v) => v.label === "белый")!.selected).toBe(true);
  });

  it("ORs values of one kind and ANDs kinds", async () => {
    const either = await list({ categoryId: f.categories.A.id, valueIds: [f.values.white.id, f.values.black.id] });
    expect(either.total).toBe(3);
    const both = await list({ categoryId: f.categories.A.id, valueIds: [f.values.white.id, f.values.ip44.id] });
    expect(skus(both)).toEqual(["LEG-782345"]);
    expect(valueCount(both, f.kinds.color.id)).toEqual({ белый: 1, чёрный: 1 });
  });

  it("filters by brand, badge, numeric range and stock in the buyer's region", async () => {
    expect(skus(await list({ categoryId: f.categories.A.id, brandIds: [f.brands.schneider.id] }))).toEqual(["SE-ATN000143"]);
    expect(skus(await list({ badges: ["new"] }))).toEqual(["GS-102502"]);
    const ranged = await list({ categoryId: f.categories.B.id, ranges: [{ kindId: f.kinds.power.id, min: 12 }] });
    expect(skus(ranged)).toEqual(["GS-102503"]);
    const range = ranged.facets!.ranges.find((r) => r.kindId === f.kinds.power.id)!;
    expect([range.min, range.max, range.selectedMin]).toEqual([10, 15, 12]);
    // P1 has stock in Moscow, P2 only in St Petersburg, P3 none.
    const stocked = await list({ categoryId: f.categories.A.id, inStock: true });
    expect(skus(stocked)).toEqual(["LEG-774401"]);
    expect(stocked.facets!.inStock).toEqual({ count: 1, selected: true });
    expect(stocked.facets!.brands.map((b) => [b.label, b.count])).toEqual([["Legrand", 1]]);
  });
});

describe("sorting and paging", () => {
  it("sorts by the base price of the buyer's price type, by name, by popularity and by novelty", async () => {
    const A = f.categories.A.id;
    expect(skus(await list({ categoryId: A, sort: "price_asc" }))).toEqual(["SE-ATN000143", "LEG-774401", "LEG-782345"]);
    expect(skus(await list({ categoryId: A, sort: "price_desc" }))).toEqual(["LEG-782345", "LEG-774401", "SE-ATN000143"]);
    expect(skus(await list({ categoryId: A, sort: "popular" }))).toEqual(["SE-ATN000143", "LEG-774401", "LEG-782345"]);
    // Byte order (C collation on both drivers): Latin before Cyrillic.
    expect(skus(await list({ categoryId: A, sort: "name" }))).toEqual(["LEG-774401", "SE-ATN000143", "LEG-782345"]);
    expect(skus(await list({ categoryId: A, sort: "new" }))).toEqual(["LEG-782345", "SE-ATN000143", "LEG-774401"]);
  });

  it("pages without overlap and keeps the total", async () => {
    const first = await list({ categoryId: f.categories.B.id, sort: "name", page: 1, pageSize: 24 });
    const second = await list({ categoryId: f.categories.B.id, sort: "name", page: 2, pageSize: 24, withFacets: false });
    expect(first.total).toBe(28);
    expect(second.total).toBe(28);
    expect(first.rows).toHaveLength(24);
    expect(second.rows).toHaveLength(4);
    expect(new Set([...skus(first), ...skus(second)]).size).toBe(28);
    expect(second.facets).toBeNull();
    const beyond = await list({ categoryId: f.categories.B.id, page: 5, withFacets: false });
    expect([beyond.total, beyond.rows.length]).toEqual([28, 0]);
  });

  it("shows tiles with the resolver's prices, units and regional stock", async () => {
    const [tile] = (await list({ search: "LEG-774401" })).rows;
    expect(tile).toMatchObject({ sku: "LEG-774401", brand: "Legrand", stockQty: 10, unit: { unit: "pcs", minQty: 5, multiple: 5 } });
    expect(tile!.price?.available).toBe(true);
    expect(tile!.price!.unitMinor).toBeGreaterThan(0);
    expect(tile!.price!.currency).toBe("RUB");
  });
});

describe("product card", () => {
  it("has every block: gallery, units, variants with stock per warehouse, properties, documents, sliders", async () => {
    const card = await productCard(t.db, viewer, "leg-774401");
    expect(card).not.toBeNull();
    expect(card!.images).toHaveLength(1);
    expect(card!.units.map((u) => [u.unit, u.ratio, u.minQty, u.multiple])).toEqual([["pcs", 1, 5, 5], ["pack", 10, 1, 1]]);
    expect(card!.variants).toHaveLength(1);
    expect(Object.keys(card!.variants[0]!.prices).sort()).toEqual(["pack", "pcs"]);
    expect(card!.variants[0]!.stock).toEqual([{ warehouseId: f.warehouses.w1.id, warehouse: "Москва Южный", quantity: 10, inRegion: true }]);
    expect(card!.properties.map((p) => p.kind)).toEqual(["Цвет", "Степень защиты", "Сертификат"]);
    expect(card!.documents.map((d) => d.url)).toEqual(["/media/catalog/docs/declaration-legrand.pdf"]);
    // Relations keep their order and skip the draft.
    expect(card!.recommended.map((r) => r.sku)).toEqual(["LEG-782345", "SE-ATN000143"]);
    expect(card!.newProducts.map((r) => r.sku)).toEqual(["GS-102502"]);
    expect(card!.categoryPath.map((c) => c.slug)).toEqual(["wiring", "sockets", "sockets-flush"]);
  });

  it("is null for a draft or an unknown product", async () => {
    expect(await productCard(t.db, viewer, "leg-000001")).toBeNull();
    expect(await productCard(t.db, viewer, "nope")).toBeNull();
  });

  it("staff see the same list with every warehouse", async () => {
    const staff = await anonymousViewer(t.db);
    expect(staff.warehouseIds.sort()).toEqual([f.warehouses.w1.id, f.warehouses.w2.id].sort());
    const [tile] = (await listProducts(t.db, staff, { search: "SE-ATN000143" })).rows;
    expect(tile!.stockQty).toBe(5);
  });
});

describe("favorites and reviews through the router", () => {
  it("adds, lists and removes favorites, idempotently", async () => {
    const caller = callerFor(t.db, await sessionFor(t.db, buyerId));
    await caller.catalog.setFavorite({ productId: f.products.P1.id, on: true });
    await caller.catalog.setFavorite({ productId: f.products.P1.id, on: true });
    await caller.catalog.setFavorite({ productId: f.products.P4.id, on: true });
    const favs = await caller.catalog.favorites();
    expect(favs.map((x) => x.sku).sort()).toEqual(["GS-102502", "LEG-774401"]);
    expect(favs.every((x) => x.isFavorite)).toBe(true);
    expect((await caller.catalog.list({ search: "LEG-774401" })).rows[0]!.isFavorite).toBe(true);
    await caller.catalog.setFavorite({ productId: f.products.P1.id, on: false });
    expect((await caller.catalog.favorites()).map((x) => x.sku)).toEqual(["GS-102502"]);
    expect((await trpcError(caller.catalog.setFavorite({ productId: f.products.P6.id, on: true }))).code).toBe("NOT_FOUND");
  });

  it("keeps one review per buyer and product and the product's rating in step", async () => {
    const first = callerFor(t.db, await sessionFor(t.db, buyerId));
    const other = await makeUser(t.db, { role: "buyer" });
    const second = callerFor(t.db, await sessionFor(t.db, other.id));
    expect(await first.catalog.saveReview({ productId: f.products.P2.id, rating: 4, text: "Хорошая" })).toEqual({ ratingAvg: 4, reviewsCount: 1 });
    expect(await second.catalog.saveReview({ productId: f.products.P2.id, rating: 2 })).toEqual({ ratingAvg: 3, reviewsCount: 2 });
    expect(await first.catalog.saveReview({ productId: f.products.P2.id, rating: 5, text: "Отличная" })).toEqual({ ratingAvg: 3.5, reviewsCount: 2 });
    const [row] = await t.db.select({ avg: products.ratingAvg, n: products.reviewsCount }).from(products).where(eq(products.id, f.products.P2.id));
    expect([Number(row!.avg), row!.n]).toEqual([3.5, 2]);
    const card = await first.catalog.product({ slug: "se-atn000143" });
    expect(card.reviews).toHaveLength(2);
    expect(card.myReview).toEqual({ rating: 5, text: "Отличная" });
    expect((await trpcError(first.catalog.saveReview({ productId: f.products.P2.id, rating: 6 }))).code).toBe("BAD_REQUEST");
    expect((await trpcError(first.catalog.saveReview({ productId: f.products.P2.id, rating: 0 }))).code).toBe("BAD_REQUEST");
    expect(await second.catalog.deleteReview({ productId: f.products.P2.id })).toEqual({ ratingAvg: 5, reviewsCount: 1 });
  });
});

describe("who may call the catalog", () => {
  const roles: Role[] = ["admin", "manager", "call_center", "content_moderator", "supplier"];
  it.each(roles)("%s is refused the buyer procedures", async (role) => {
    const user = await makeUser(t.db, { role });
    const caller = callerFor(t.db, await sessionFor(t.db, user.id));
    expect((await trpcError(caller.catalog.list({}))).code).toBe("FORBIDDEN");
    expect((await trpcError(caller.catalog.setFavorite({ productId: f.products.P1.id, on: true }))).code).toBe("FORBIDDEN");
    expect((await trpcError(caller.catalog.saveReview({ productId: f.products.P1.id, rating: 5 }))).code).toBe("FORBIDDEN");
  });

  it("staff with catalog.view read the staff list; the call center, buyers and suppliers may not", async () => {
    const manager = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role: "manager" })).id));
    expect((await manager.catalog.staffList({ search: "LEG-774401" })).rows[0]!.sku).toBe("LEG-774401");
    for (const role of ["call_center", "buyer", "supplier"] as const) {
      const caller = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role })).id));
      expect((await trpcError(caller.catalog.staffList({}))).code).toBe("FORBIDDEN");
    }
    expect((await trpcError(callerFor(t.db, null).catalog.list({}))).code).toBe("UNAUTHORIZED");
  });
});
