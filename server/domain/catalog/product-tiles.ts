import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { brands, favorites, productImages, products, productUnits, productVariants, type Badge } from "@/db/schema";
import { priceForBuyer } from "@/server/domain/pricing/price-for-buyer";
import type { CatalogViewer } from "./buyer-context";
import { uuidArray } from "./sql-arrays";

export interface UnitInfo {
  unit: string;
  ratio: number;
  minQty: number;
  multiple: number;
  isDefault: boolean;
}

export interface TilePrice {
  unitMinor: number;
  baseUnitMinor: number;
  currency: string;
  available: boolean;
  priceTypeCode: string;
}

/** What a catalog tile (grid or list row, slider item, favorites row) shows. */
export interface ProductTile {
  id: string;
  sku: string;
  name: string;
  slug: string;
  brand: string | null;
  badges: Badge[];
  ratingAvg: number;
  reviewsCount: number;
  imageUrl: string | null;
  variantId: string | null;
  variantsCount: number;
  baseUnit: string;
  unit: UnitInfo;
  /** Free stock (quantity − reserved) in the viewer's warehouses, in base units. */
  stockQty: number;
  price: TilePrice | null;
  isFavorite: boolean;
}

export function toUnitInfo(row: { unit: string; ratio: string; minQty: string; multiple: string; isDefault: boolean }): UnitInfo {
  return { unit: row.unit, ratio: Number(row.ratio), minQty: Number(row.minQty), multiple: Number(row.multiple), isDefault: row.isDefault };
}

/** Loads tiles for product ids, keeping their order; prices of the default variants come from priceForBuyer. */
export async function loadTiles(db: Db, viewer: CatalogViewer, ids: string[]): Promise<ProductTile[]> {
  if (ids.length === 0) return [];
  // Independent lookups: concurrent on PostgreSQL's pool, queued on PGlite.
  const [base, variants, units, images, stockResult, favored] = await Promise.all([
    db
      .select({
        id: products.id,
        sku: products.sku,
        name: products.name,
        slug: products.slug,
        brand: brands.name,
        badges: products.badges,
        ratingAvg: products.ratingAvg,
        reviewsCount: products.reviewsCount,
        baseUnit: products.baseUnit,
      })
      .from(products)
      .leftJoin(brands, eq(brands.id, products.brandId))
      .where(inArray(products.id, ids)),
    db
      .select({ id: productVariants.id, productId: productVariants.productId, isDefault: productVariants.isDefault })
      .from(productVariants)
      .where(inArray(productVariants.productId, ids))
      .orderBy(asc(productVariants.sort)),
    db.select().from(productUnits).where(inArray(productUnits.productId, ids)),
    db.select({ productId: productImages.productId, url: productImages.url }).from(productImages).where(inArray(productImages.productId, ids)).orderBy(asc(productImages.sort)),
    viewer.warehouseIds.length > 0
      ? db.execute(sql`select v.product_id, sum(s.quantity - s.reserved)::float8 as qty from product_variants v join stock s on s.variant_id = v.id
          where v.product_id = any(${uuidArray(ids)}) and s.warehouse_id = any(${uuidArray(viewer.warehouseIds)}) group by v.product_id`)
      : Promise.resolve([]),
    viewer.userId ? db.select({ productId: favorites.productId }).from(favorites).where(and(eq(favorites.userId, viewer.userId), inArray(favorites.productId, ids))) : Promise.resolve([]),
  ]);
  const stockRows = rowsOf<{ product_id: string; qty: number }>(stockResult);

  const variantsOf = new Map<string, { id: string; isDefault: boolean }[]>();
  for (const v of variants) variantsOf.set(v.productId, [...(variantsOf.get(v.productId) ?? []), v]);
  const unitsOf = new Map<string, UnitInfo[]>();
  for (const u of units) unitsOf.set(u.productId, [...(unitsOf.get(u.productId) ?? []), toUnitInfo(u)]);
  const imageOf = new Map<string, string>();
  for (const i of images) if (!imageOf.has(i.productId)) imageOf.set(i.productId, i.url);
  const stockOf = new Map(stockRows.map((r) => [r.product_id, Math.max(0, Number(r.qty))]));
  const favoriteSet = new Set(favored.map((f) => f.productId));

  const byId = new Map(base.map((p) => [p.id, p]));
  const tiles = ids.flatMap((id) => {
    const p = byId.get(id);
    if (!p) return [];
    const vs = variantsOf.get(id) ?? [];
    const variant = vs.find((v) => v.isDefault) ?? vs[0];
    const us = unitsOf.get(id) ?? [];
    const unit = us.find((u) => u.isDefault) ?? us[0] ?? { unit: p.baseUnit, ratio: 1, minQty: 1, multiple: 1, isDefault: true };
    return [
      {
        id,
        sku: p.sku,
        name: p.name,
        slug: p.slug,
        brand: p.brand,
        badges: p.badges,
        ratingAvg: Number(p.ratingAvg),
        reviewsCount: p.reviewsCount,
        imageUrl: imageOf.get(id) ?? null,
        variantId: variant?.id ?? null,
        variantsCount: vs.length,
        baseUnit: p.baseUnit,
        unit,
        stockQty: stockOf.get(id) ?? 0,
        price: null as TilePrice | null,
        isFavorite: favoriteSet.has(id),
      },
    ];
  });
  const lines = tiles.filter((t) => t.variantId).map((t) => ({ variantId: t.variantId!, quantity: 1, unit: t.unit.unit }));
  if (lines.length > 0) {
    // Prices are the resolver's, never computed here (personal discounts, tiers, currency).
    const priced = await priceForBuyer(db, viewer.userId, lines, undefined, { listing: true });
    const byVariant = new Map(priced.lines.map((l) => [l.variantId, l]));
    for (const tile of tiles) {
      const line = tile.variantId ? byVariant.get(tile.variantId) : undefined;
      if (line) tile.price = { unitMinor: line.unitMinor, baseUnitMinor: line.baseUnitMinor, currency: line.currency, available: line.available, priceTypeCode: line.priceTypeCode };
    }
  }
  return tiles;
}
