import { and, asc, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import {
  brands, catalogDocuments, categories, favorites, productDocuments, productImages, productProperties, productRelations, products, productUnits, productVariants,
  propertyKinds, propertyValues, reviews, stock, users, warehouses, type Badge,
} from "@/db/schema";
import { priceForBuyer } from "@/server/domain/pricing/price-for-buyer";
import type { CatalogViewer } from "./buyer-context";
import type { CategoryCrumb } from "./category-tree";
import { loadTiles, toUnitInfo, type ProductTile, type UnitInfo } from "./product-tiles";

export const SLIDER_SIZE = 10;
export const CARD_REVIEWS = 20;

export interface CardVariant {
  id: string;
  sku: string;
  name: string;
  options: Record<string, string>;
  isDefault: boolean;
  /** Per unit code: the resolver's price of one such unit. */
  prices: Record<string, { unitMinor: number; baseUnitMinor: number; currency: string; available: boolean; priceTypeCode: string }>;
  stock: Array<{ warehouseId: string; warehouse: string; quantity: number; inRegion: boolean }>;
}

export interface ProductCard {
  id: string;
  sku: string;
  name: string;
  slug: string;
  description: string | null;
  brand: string | null;
  line: string | null;
  badges: Badge[];
  baseUnit: string;
  ratingAvg: number;
  reviewsCount: number;
  isFavorite: boolean;
  categoryPath: CategoryCrumb[];
  images: Array<{ url: string; alt: string | null }>;
  units: UnitInfo[];
  variants: CardVariant[];
  properties: Array<{ kind: string; value: string; unit: string | null }>;
  documents: Array<{ id: string; title: string; kind: string; fileName: string; url: string; sizeBytes: number }>;
  reviews: Array<{ id: string; rating: number; text: string | null; author: string; createdAt: Date; mine: boolean }>;
  myReview: { rating: number; text: string | null } | null;
  newProducts: ProductTile[];
  recommended: ProductTile[];
}

/** Where a stored document is downloaded from: the demo keeps files under public/. */
export function documentUrl(storageKey: string): string {
  return storageKey.startsWith("/") ? storageKey : `/${storageKey}`;
}

function formatNumber(value: string): string {
  return String(Number(value));
}

/** The product card with every block of the customer's list, or null for a missing/unpublished product. */
export async function productCard(db: Db, viewer: CatalogViewer, slug: string): Promise<ProductCard | null> {
  const [p] = await db
    .select({ product: products, brand: brands.name })
    .from(products)
    .leftJoin(brands, eq(brands.id, products.brandId))
    .where(and(or(eq(products.slug, slug), eq(products.sku, slug)), eq(products.status, "published")))
    .limit(1);
  if (!p) return null;
  const product = p.product;
  const id = product.id;

  const [images, units, variants, props, docs, relations, reviewRows] = [
    await db.select({ url: productImages.url, alt: productImages.alt }).from(productImages).where(eq(productImages.productId, id)).orderBy(asc(productImages.sort)),
    await db.select().from(productUnits).where(eq(productUnits.productId, id)),
    await db.select().from(productVariants).where(eq(productVariants.productId, id)).orderBy(asc(productVariants.sort)),
    await db
      .select({ kind: propertyKinds.name, unit: propertyKinds.unit, type: propertyKinds.type, value: propertyValues.value, numberValue: productProperties.numberValue, boolValue: productProperties.boolValue, textValue: productProperties.textValue })
      .from(productProperties)
      .innerJoin(propertyKinds, eq(propertyKinds.id, productProperties.kindId))
      .leftJoin(propertyValues, eq(propertyValues.id, productProperties.valueId))
      .where(eq(productProperties.productId, id))
      .orderBy(asc(propertyKinds.sort), asc(propertyKinds.name)),
    await db
      .select({ id: catalogDocuments.id, title: catalogDocuments.title, kind: catalogDocuments.kind, fileName: catalogDocuments.fileName, storageKey: catalogDocuments.storageKey, sizeBytes: catalogDocuments.sizeBytes })
      .from(productDocuments)
      .innerJoin(catalogDocuments, eq(catalogDocuments.id, productDocuments.documentId))
      .where(eq(productDocuments.productId, id))
      .orderBy(asc(catalogDocuments.title)),
    await db.select({ relatedId: productRelations.relatedId }).from(productRelations).where(eq(productRelations.productId, id)).orderBy(asc(productRelations.sort)).limit(SLIDER_SIZE * 2),
    await db
      .select({ id: reviews.id, rating: reviews.rating, text: reviews.text, author: users.name, createdAt: reviews.createdAt, userId: reviews.userId })
      .from(reviews)
      .innerJoin(users, eq(users.id, reviews.userId))
      .where(and(eq(reviews.productId, id), eq(reviews.status, "published")))
      .orderBy(desc(reviews.createdAt))
      .limit(CARD_REVIEWS),
  ];

  const unitInfos = units.map(toUnitInfo).sort((a, b) => a.ratio - b.ratio);
  if (unitInfos.length === 0) unitInfos.push({ unit: product.baseUnit, ratio: 1, minQty: 1, multiple: 1, isDefault: true });
  const variantIds = variants.map((v) => v.id);
  const stockRows = variantIds.length
    ? await db
        .select({ variantId: stock.variantId, warehouseId: warehouses.id, warehouse: warehouses.name, quantity: stock.quantity, reserved: stock.reserved })
        .from(stock)
        .innerJoin(warehouses, eq(warehouses.id, stock.warehouseId))
        .where(and(inArray(stock.variantId, variantIds), eq(warehouses.isActive, true)))
        .orderBy(asc(warehouses.code))
    : [];
  // One resolver call for every variant × unit: the card switches units without another round trip.
  const priced = variantIds.length ? await priceForBuyer(db, viewer.userId, variants.flatMap((v) => unitInfos.map((u) => ({ variantId: v.id, quantity: 1, unit: u.unit }))), undefined, { listing: true }) : null;
  const regional = new Set(viewer.warehouseIds);

  const cardVariants: CardVariant[] = variants.map((v) => {
    const prices: CardVariant["prices"] = {};
    unitInfos.forEach((u, i) => {
      const line = priced?.lines[variantIds.indexOf(v.id) * unitInfos.length + i];
      if (line) prices[u.unit] = { unitMinor: line.unitMinor, baseUnitMinor: line.baseUnitMinor, currency: line.currency, available: line.available, priceTypeCode: line.priceTypeCode };
    });
    return {
      id: v.id,
      sku: v.sku,
      name: v.name,
      options: v.options,
      isDefault: v.isDefault,
      prices,
      stock: stockRows
        .filter((s) => s.variantId === v.id)
        .map((s) => ({ warehouseId: s.warehouseId, warehouse: s.warehouse, quantity: Math.max(0, Number(s.quantity) - Number(s.reserved)), inRegion: regional.has(s.warehouseId) })),
    };
  });

  const properties = props.map((r) => ({
    kind: r.kind,
    unit: r.unit,
    value: r.value ?? (r.numberValue !== null ? formatNumber(r.numberValue) : r.boolValue !== null ? (r.boolValue ? "✓" : "—") : (r.textValue ?? "")),
  }));

  const categoryPath = await categoryPathOf(db, product.mainCategoryId);
  const isFavorite = viewer.userId ? (await db.select({ x: favorites.productId }).from(favorites).where(and(eq(favorites.userId, viewer.userId), eq(favorites.productId, id)))).length > 0 : false;
  const [mine] = viewer.userId ? await db.select({ rating: reviews.rating, text: reviews.text }).from(reviews).where(and(eq(reviews.productId, id), eq(reviews.userId, viewer.userId))) : [];

  const related = await db
    .select({ id: products.id })
    .from(products)
    .where(and(inArray(products.id, relations.length ? relations.map((r) => r.relatedId) : [id]), eq(products.status, "published"), ne(products.id, id)));
  const relatedOrder = relations.map((r) => r.relatedId).filter((rid) => related.some((x) => x.id === rid)).slice(0, SLIDER_SIZE);
  const newIds = await newProductIds(db, id);

  return {
    id,
    sku: product.sku,
    name: product.name,
    slug: product.slug,
    description: product.description,
    brand: p.brand,
    line: product.line,
    badges: product.badges,
    baseUnit: product.baseUnit,
    ratingAvg: Number(product.ratingAvg),
    reviewsCount: product.reviewsCount,
    isFavorite,
    categoryPath,
    images,
    units: unitInfos,
    variants: cardVariants,
    properties,
    documents: docs.map((d) => ({ id: d.id, title: d.title, kind: d.kind, fileName: d.fileName, url: documentUrl(d.storageKey), sizeBytes: d.sizeBytes })),
    reviews: reviewRows.map((r) => ({ id: r.id, rating: r.rating, text: r.text, author: r.author, createdAt: r.createdAt, mine: r.userId === viewer.userId })),
    myReview: mine ?? null,
    newProducts: await loadTiles(db, viewer, newIds),
    recommended: await loadTiles(db, viewer, relatedOrder),
  };
}

/** The "New" slider: published products with the "new" badge, newest first, up to 10. */
export async function newProductIds(db: Db, excludeId?: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`select id from products where status = 'published' and badges @> '["new"]'::jsonb ${excludeId ? sql`and id <> ${excludeId}` : sql``}
      order by created_at desc, id limit ${SLIDER_SIZE}`),
  );
  return rows.map((r) => r.id);
}

async function categoryPathOf(db: Db, categoryId: string | null): Promise<CategoryCrumb[]> {
  if (!categoryId) return [];
  const [row] = await db.select({ path: categories.path }).from(categories).where(eq(categories.id, categoryId));
  const ids = row?.path.split("/").filter(Boolean) ?? [];
  if (ids.length === 0) return [];
  const rows = await db.select({ id: categories.id, name: categories.name, slug: categories.slug }).from(categories).where(inArray(categories.id, ids));
  return ids.flatMap((cid) => rows.filter((r) => r.id === cid));
}
