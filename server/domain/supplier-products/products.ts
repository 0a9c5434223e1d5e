import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { rowsOf, type Db, type Tx } from "../../../db/client";
import {
  brands, categories, PRODUCT_STATUSES, priceTypes, prices, productRevisions, products, productStockAlerts, productUnits, productVariants, stock, warehouses,
  type ProductContent,
} from "../../../db/schema";
import { conflict, isUniqueViolation } from "../errors";
import { slugFor } from "../exchange/import-context";
import { contentInputSchema, loadContent, validateContent } from "./content";
import { ownDefaultVariant, priceStockInputSchema, writePricesAndStock } from "./price-stock";
import { submitContent, type RevisionActor } from "./revisions";

export const skuSchema = z.string().trim().min(1, "SKU is required").max(64, "SKU: at most 64 characters").regex(/^[\p{L}\p{N}._\-/]+$/u, "SKU: letters, digits, . _ - / only");

export const listFiltersSchema = z.object({
  search: z.string().trim().max(100).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  pendingOnly: z.boolean().optional(),
  lowOnly: z.boolean().optional(),
  categoryId: z.uuid().optional(),
});

export interface SupplierProductRow {
  id: string;
  sku: string;
  name: string;
  status: (typeof PRODUCT_STATUSES)[number];
  category: string | null;
  hasPending: boolean;
  /** The latest decision on this product's content: a rejection's comment stays until the next submission. */
  lastDecision: { status: "approved" | "rejected"; comment: string | null } | null;
  /** The default price type's amount. */
  priceMinor: number | null;
  currency: string | null;
  stock: number;
  stockByWarehouse: Record<string, number>;
  lowStockThreshold: number | null;
  isLow: boolean;
  updatedAt: Date;
}

/** The supplier's own products, newest first (at most 500; search by SKU or name). */
export async function listSupplierProducts(db: Db, supplierId: string, filters: z.output<typeof listFiltersSchema>): Promise<SupplierProductRow[]> {
  const where: SQL[] = [eq(products.supplierId, supplierId)];
  if (filters.search) {
    const like = `%${filters.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(products.sku, like), ilike(products.name, like))!);
  }
  if (filters.status) where.push(eq(products.status, filters.status));
  if (filters.categoryId) where.push(eq(products.mainCategoryId, filters.categoryId));
  if (filters.pendingOnly) where.push(sql`exists (select 1 from product_revisions r where r.product_id = ${products.id} and r.status = 'pending')`);
  if (filters.lowOnly) where.push(sql`coalesce(${productStockAlerts.isLow}, false)`);
  const [defaultType] = await db.select({ id: priceTypes.id }).from(priceTypes).where(eq(priceTypes.isDefault, true)).limit(1);
  const rows = await db
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      status: products.status,
      category: categories.name,
      updatedAt: products.updatedAt,
      lowStockThreshold: productStockAlerts.lowStockThreshold,
      isLow: productStockAlerts.isLow,
      hasPending: sql<boolean>`exists (select 1 from product_revisions r where r.product_id = ${products.id} and r.status = 'pending')`,
      stockByWarehouse: sql<string>`(select coalesce(json_object_agg(st.warehouse_id, st.quantity), '{}')::text from stock st join product_variants v on v.id = st.variant_id and v.is_default where v.product_id = ${products.id})`,
      stock: sql<string>`(select coalesce(sum(st.quantity), 0) from stock st join product_variants v on v.id = st.variant_id where v.product_id = ${products.id})::text`,
      priceMinor: defaultType
        ? sql<string | null>`(select pr.amount_minor::text from prices pr join product_variants v on v.id = pr.variant_id and v.is_default where v.product_id = ${products.id} and pr.price_type_id = ${defaultType.id})`
        : sql<string | null>`null`,
      currency: defaultType
        ? sql<string | null>`(select pr.currency from prices pr join product_variants v on v.id = pr.variant_id and v.is_default where v.product_id = ${products.id} and pr.price_type_id = ${defaultType.id})`
        : sql<string | null>`null`,
    })
    .from(products)
    .leftJoin(categories, eq(categories.id, products.mainCategoryId))
    .leftJoin(productStockAlerts, eq(productStockAlerts.productId, products.id))
    .where(and(...where))
    .orderBy(desc(products.updatedAt), asc(products.sku))
    .limit(500);
  const decisions = await lastDecisions(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    sku: r.sku,
    name: r.name,
    status: r.status,
    category: r.category,
    hasPending: Boolean(r.hasPending),
    lastDecision: decisions.get(r.id) ?? null,
    priceMinor: r.priceMinor === null ? null : Number(r.priceMinor),
    currency: r.currency,
    stock: Number(r.stock),
    stockByWarehouse: Object.fromEntries(Object.entries(JSON.parse(r.stockByWarehouse) as Record<string, string | number>).map(([k, v]) => [k, Number(v)])),
    lowStockThreshold: r.lowStockThreshold === null ? null : Number(r.lowStockThreshold),
    isLow: r.isLow ?? false,
    updatedAt: r.updatedAt,
  }));
}

async function lastDecisions(db: Db, productIds: string[]) {
  const map = new Map<string, { status: "approved" | "rejected"; comment: string | null }>();
  if (productIds.length === 0) return map;
  const rows = rowsOf<{ product_id: string; status: "approved" | "rejected"; comment: string | null }>(
    await db.execute(sql`select distinct on (product_id) product_id, status, comment from product_revisions
      where product_id = any(${`{${productIds.join(",")}}`}::uuid[]) and status <> 'pending'
      order by product_id, reviewed_at desc nulls last, created_at desc`),
  );
  for (const r of rows) map.set(r.product_id, { status: r.status, comment: r.comment });
  return map;
}

/** Everything the edit form shows: the content being edited (the pending one if any), prices, stock, threshold. */
export async function supplierProductDetail(db: Db, supplierId: string, productId: string) {
  const variantId = await ownDefaultVariant(db, supplierId, productId);
  const [product] = await db.select({ id: products.id, sku: products.sku, status: products.status }).from(products).where(eq(products.id, productId));
  const [pending] = await db
    .select({ id: productRevisions.id, proposed: productRevisions.proposed, createdAt: productRevisions.createdAt })
    .from(productRevisions)
    .where(and(eq(productRevisions.productId, productId), eq(productRevisions.status, "pending")));
  const live = await loadContent(db, productId);
  const [alert] = await db.select().from(productStockAlerts).where(eq(productStockAlerts.productId, productId));
  const decision = (await lastDecisions(db, [productId])).get(productId) ?? null;
  return {
    id: product!.id,
    sku: product!.sku,
    status: product!.status,
    content: (pending?.proposed ?? live) as ProductContent,
    pendingSince: pending?.createdAt ?? null,
    lastDecision: decision,
    prices: await db.select({ priceTypeId: prices.priceTypeId, amountMinor: prices.amountMinor }).from(prices).where(eq(prices.variantId, variantId)),
    stock: (await db.select({ warehouseId: stock.warehouseId, quantity: stock.quantity }).from(stock).where(eq(stock.variantId, variantId))).map((s) => ({
      warehouseId: s.warehouseId,
      quantity: Number(s.quantity),
    })),
    lowStockThreshold: alert?.lowStockThreshold == null ? null : Number(alert.lowStockThreshold),
  };
}

/** Reference data of the form: categories (as paths), brands, active price types and warehouses. */
export async function productFormOptions(db: Db) {
  const cats = await db.select({ id: categories.id, name: categories.name, path: categories.path, depth: categories.depth, sort: categories.sort }).from(categories).orderBy(asc(categories.path));
  const nameOf = new Map(cats.map((c) => [c.id, c.name]));
  return {
    categories: cats
      .map((c) => ({ id: c.id, label: c.path.split("/").filter(Boolean).map((id) => nameOf.get(id) ?? "").join(" / ") }))
      .sort((a, b) => a.label.localeCompare(b.label, "ru")),
    brands: await db.select({ id: brands.id, name: brands.name }).from(brands).orderBy(asc(brands.name)),
    priceTypes: await db
      .select({ id: priceTypes.id, name: priceTypes.name, currency: priceTypes.currency, isDefault: priceTypes.isDefault })
      .from(priceTypes)
      .where(eq(priceTypes.isActive, true))
      .orderBy(desc(priceTypes.isDefault), asc(priceTypes.rank)),
    warehouses: await db.select({ id: warehouses.id, code: warehouses.code, name: warehouses.name }).from(warehouses).where(eq(warehouses.isActive, true)).orderBy(asc(warehouses.name)),
  };
}

export const createProductSchema = z.object({
  sku: skuSchema,
  content: contentInputSchema,
  prices: priceStockInputSchema.shape.prices,
  stock: priceStockInputSchema.shape.stock,
  lowStockThreshold: priceStockInputSchema.shape.lowStockThreshold,
});

/** Inserts the product shell (card, default variant, unit) for a new SKU; the SKU must be free in the whole catalog. */
export async function insertProductShell(tx: Tx, supplierId: string, sku: string, content: ProductContent): Promise<string> {
  const taken = await tx
    .select({ id: products.id })
    .from(products)
    .where(sql`${products.sku} = ${sku} or exists (select 1 from product_variants v where v.sku = ${sku})`)
    .limit(1);
  if (taken.length) throw conflict("This SKU is already in the catalog", "sku");
  const id = randomUUID();
  await tx.insert(products).values({
    id,
    sku,
    name: content.name,
    slug: slugFor(content.name, `${sku}${id}`.replace(/[^a-z0-9]/gi, "").slice(-12)),
    supplierId,
    status: "on_moderation",
    mainCategoryId: content.categoryId,
  });
  await tx.insert(productVariants).values({ productId: id, sku, name: content.name, isDefault: true });
  await tx.insert(productUnits).values({ productId: id, unit: "pcs", isDefault: true });
  return id;
}

/** A new product: invisible to buyers (on moderation) until a moderator approves it; prices and stock are set at once. */
export async function createSupplierProduct(db: Db, actor: RevisionActor, input: z.output<typeof createProductSchema>): Promise<{ id: string }> {
  const content = await validateContent(db, input.content);
  try {
    return await db.transaction(async (tx) => {
      const id = await insertProductShell(tx, actor.supplierId, input.sku, content);
      await submitContent(tx, actor, id, content);
      await writePricesAndStock(tx, actor.supplierId, [{ productId: id, prices: input.prices, stock: input.stock, lowStockThreshold: input.lowStockThreshold }]);
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("This SKU is already in the catalog", "sku");
    throw error;
  }
}

/** A content edit of an own product goes to moderation (see submitContent). */
export async function updateSupplierProductContent(db: Db, actor: RevisionActor, productId: string, input: z.output<typeof contentInputSchema>) {
  await ownDefaultVariant(db, actor.supplierId, productId);
  const content = await validateContent(db, input);
  const mode = await db.transaction((tx) => submitContent(tx, actor, productId, content));
  return { mode };
}

/** Own products among these ids (the bulk editor's guard is ownDefaultVariant per row; this serves lookups). */
export async function ownProductIds(db: Db, supplierId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: products.id }).from(products).where(and(inArray(products.id, ids), eq(products.supplierId, supplierId)));
  return rows.map((r) => r.id);
}
