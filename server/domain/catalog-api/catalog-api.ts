import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  brands, categories, productCategories, productImages, productProperties, products, productUnits, productVariants, propertyKinds, propertyValues, stock, warehouses,
} from "@/db/schema";
import { fromMinorUnits } from "../money/money";
import { priceForBuyer } from "../pricing/price-for-buyer";

export const API_PAGE_MAX = 200;

/** Map.groupBy arrives with Node 21; the app runs on Node 20. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export const apiProductsQuerySchema = z.object({
  section: z.uuid({ error: "section: must be a section id" }).optional(),
  updatedSince: z.iso.datetime({ offset: true, error: "updatedSince: must be an ISO date-time like 2026-12-01T00:00:00Z" }).optional(),
  after: z.string().max(200, { error: "after: too long" }).optional(),
  limit: z.coerce.number({ error: "limit: must be a number" }).int({ error: "limit: must be a whole number" }).min(1, { error: "limit: at least 1" }).max(API_PAGE_MAX, { error: `limit: at most ${API_PAGE_MAX}` }).default(50),
  currency: z.enum(["RUB", "USD", "EUR"], { error: "currency: RUB, USD or EUR" }).optional(),
});
export type ApiProductsQuery = z.input<typeof apiProductsQuerySchema>;

/** Every section, flat, parents before children. */
export async function apiSections(db: Db) {
  const rows = await db
    .select({ id: categories.id, parentId: categories.parentId, name: categories.name, slug: categories.slug, depth: categories.depth, erpId: categories.erpId })
    .from(categories)
    .orderBy(asc(categories.depth), asc(categories.sort), asc(categories.name));
  return { sections: rows };
}

/** Every property kind with its reference values (for enum kinds). */
export async function apiProperties(db: Db) {
  const [kinds, values] = await Promise.all([
    db.select({ id: propertyKinds.id, code: propertyKinds.code, name: propertyKinds.name, type: propertyKinds.type, unit: propertyKinds.unit, filterable: propertyKinds.isFilterable }).from(propertyKinds).orderBy(asc(propertyKinds.sort), asc(propertyKinds.name)),
    db.select({ id: propertyValues.id, kindId: propertyValues.kindId, value: propertyValues.value }).from(propertyValues).orderBy(asc(propertyValues.sort), asc(propertyValues.value)),
  ]);
  const byKind = groupBy(values, (v) => v.kindId);
  return { properties: kinds.map((k) => ({ ...k, values: (byKind.get(k.id) ?? []).map(({ id, value }) => ({ id, value })) })) };
}

type ProductRow = { id: string; sku: string; name: string; slug: string; description: string | null; brand: string | null; mainSectionId: string | null; baseUnit: string; barcode: string | null; updatedAt: Date };

/** The API's view of a page of products: sections, units, properties, images, variants with personal prices and stock. */
async function describeProducts(db: Db, userId: string, rows: ProductRow[], currency: string | undefined) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [variants, units, properties, sections, images] = await Promise.all([
    db.select({ id: productVariants.id, productId: productVariants.productId, sku: productVariants.sku, name: productVariants.name, options: productVariants.options }).from(productVariants).where(inArray(productVariants.productId, ids)).orderBy(asc(productVariants.sort), asc(productVariants.sku)),
    db.select({ productId: productUnits.productId, unit: productUnits.unit, ratio: productUnits.ratio, minQty: productUnits.minQty, multiple: productUnits.multiple, isDefault: productUnits.isDefault }).from(productUnits).where(inArray(productUnits.productId, ids)),
    db
      .select({ productId: productProperties.productId, code: propertyKinds.code, name: propertyKinds.name, unit: propertyKinds.unit, value: propertyValues.value, numberValue: productProperties.numberValue, boolValue: productProperties.boolValue, textValue: productProperties.textValue })
      .from(productProperties)
      .innerJoin(propertyKinds, eq(propertyKinds.id, productProperties.kindId))
      .leftJoin(propertyValues, eq(propertyValues.id, productProperties.valueId))
      .where(inArray(productProperties.productId, ids))
      .orderBy(asc(propertyKinds.sort)),
    db.select({ productId: productCategories.productId, sectionId: productCategories.categoryId }).from(productCategories).where(and(inArray(productCategories.productId, ids), eq(productCategories.isDirect, true))),
    db.select({ productId: productImages.productId, url: productImages.url }).from(productImages).where(inArray(productImages.productId, ids)).orderBy(asc(productImages.sort)),
  ]);
  const variantIds = variants.map((v) => v.id);
  const [stockRows, priced] = await Promise.all([
    variantIds.length
      ? db
          .select({ variantId: stock.variantId, warehouse: warehouses.code, quantity: sql<string>`greatest(${stock.quantity} - ${stock.reserved}, 0)::text` })
          .from(stock)
          .innerJoin(warehouses, and(eq(warehouses.id, stock.warehouseId), eq(warehouses.isActive, true)))
          .where(inArray(stock.variantId, variantIds))
      : Promise.resolve([]),
    priceForBuyer(db, userId, variantIds.map((variantId) => ({ variantId, quantity: 1 })), currency, { listing: true }),
  ]);
  const prices = new Map(priced.lines.map((l) => [l.variantId, l]));
  const group = <T extends { productId: string }>(items: T[]) => groupBy(items, (i) => i.productId);
  const [variantsOf, unitsOf, propertiesOf, sectionsOf, imagesOf] = [group(variants), group(units), group(properties), group(sections), group(images)];
  const stockOf = groupBy(stockRows, (s) => s.variantId);
  return rows.map((p) => ({
    id: p.id,
    sku: p.sku,
    name: p.name,
    slug: p.slug,
    description: p.description,
    brand: p.brand,
    barcode: p.barcode,
    mainSectionId: p.mainSectionId,
    sectionIds: (sectionsOf.get(p.id) ?? []).map((s) => s.sectionId),
    baseUnit: p.baseUnit,
    units: (unitsOf.get(p.id) ?? []).map(({ productId: _p, ...u }) => u),
    properties: (propertiesOf.get(p.id) ?? []).map((x) => ({ code: x.code, name: x.name, unit: x.unit, value: x.value ?? x.numberValue ?? (x.boolValue === null ? null : String(x.boolValue)) ?? x.textValue })),
    images: (imagesOf.get(p.id) ?? []).map((i) => i.url),
    variants: (variantsOf.get(p.id) ?? []).map((v) => {
      const price = prices.get(v.id);
      const stockLines = (stockOf.get(v.id) ?? []).map((s) => ({ warehouse: s.warehouse, quantity: Number(s.quantity) }));
      return {
        id: v.id,
        sku: v.sku,
        name: v.name,
        options: v.options,
        price: price?.available ? { amount: fromMinorUnits(price.unitMinor, price.currency), base: fromMinorUnits(price.baseUnitMinor, price.currency), currency: price.currency, priceType: price.priceTypeCode } : null,
        stock: stockLines,
        stockTotal: stockLines.reduce((sum, s) => sum + s.quantity, 0),
      };
    }),
    updatedAt: p.updatedAt.toISOString(),
  }));
}

const productColumns = {
  id: products.id, sku: products.sku, name: products.name, slug: products.slug, description: products.description, brand: brands.name,
  mainSectionId: products.mainCategoryId, baseUnit: products.baseUnit, barcode: products.barcode, updatedAt: products.updatedAt,
};

/** A page of published products in SKU order; `next` is the `after` of the next page (null at the end). */
export async function apiProducts(db: Db, userId: string, raw: ApiProductsQuery) {
  const query = apiProductsQuerySchema.parse(raw);
  const conditions = [eq(products.status, "published")];
  if (query.section) conditions.push(sql`exists (select 1 from ${productCategories} pc where pc.product_id = ${products.id} and pc.category_id = ${query.section})`);
  if (query.updatedSince) conditions.push(sql`${products.updatedAt} >= ${query.updatedSince}::timestamptz`);
  if (query.after) conditions.push(gt(products.sku, query.after));
  const rows = await db
    .select(productColumns)
    .from(products)
    .leftJoin(brands, eq(brands.id, products.brandId))
    .where(and(...conditions))
    .orderBy(asc(products.sku))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { products: await describeProducts(db, userId, page, query.currency), next: rows.length > query.limit ? page[page.length - 1]!.sku : null };
}

/** One published product by SKU, or null. */
export async function apiProduct(db: Db, userId: string, sku: string, currency?: string) {
  const rows = await db.select(productColumns).from(products).leftJoin(brands, eq(brands.id, products.brandId)).where(and(eq(products.sku, sku), eq(products.status, "published"))).limit(1);
  const [described] = await describeProducts(db, userId, rows, currency);
  return described ?? null;
}
