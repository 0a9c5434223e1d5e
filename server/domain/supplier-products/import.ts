import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { brands, categories, priceTypes, productRevisions, products, productVariants, warehouses, type ProductContent } from "../../../db/schema";
import { loadContent } from "./content";
import { checkImportRows, type CheckedImportRow, type ImportContext, type RawImportRow } from "./import-rows";
import { writePricesAndStock } from "./price-stock";
import { insertProductShell } from "./products";
import { submitContent, type RevisionActor } from "./revisions";

async function importContext(db: Db, supplierId: string, skus: string[]): Promise<ImportContext> {
  const [cats, brandRows, whs] = await Promise.all([
    db.select({ id: categories.id, name: categories.name, slug: categories.slug }).from(categories),
    db.select({ id: brands.id, name: brands.name, slug: brands.slug }).from(brands),
    db.select({ id: warehouses.id, code: warehouses.code, name: warehouses.name }).from(warehouses).where(eq(warehouses.isActive, true)).orderBy(warehouses.name),
  ]);
  const byName = <T extends { id: string; name: string }>(rows: T[], key: (r: T) => string) => {
    const map = new Map<string, string>();
    for (const r of rows) map.set(key(r).toLowerCase(), r.id);
    for (const r of rows) if (!map.has(r.name.toLowerCase())) map.set(r.name.toLowerCase(), r.id);
    return map;
  };
  const unique = [...new Set(skus.filter(Boolean))];
  const owners = unique.length
    ? await db
        .select({ id: products.id, sku: products.sku, supplierId: products.supplierId })
        .from(products)
        .where(inArray(products.sku, unique))
    : [];
  const variantSkus = unique.length
    ? await db.select({ sku: productVariants.sku, productId: productVariants.productId }).from(productVariants).where(inArray(productVariants.sku, unique))
    : [];
  const ownSkus = new Map(owners.filter((o) => o.supplierId === supplierId).map((o) => [o.sku, o.id]));
  const foreignSkus = new Set([...owners.filter((o) => o.supplierId !== supplierId).map((o) => o.sku), ...variantSkus.filter((v) => !ownSkus.has(v.sku)).map((v) => v.sku)]);
  return {
    categories: byName(cats, (c) => c.slug),
    brands: byName(brandRows, (b) => b.slug),
    warehouses: byName(whs, (w) => w.code),
    defaultWarehouseId: whs[0]?.id ?? null,
    ownSkus,
    foreignSkus,
  };
}

export interface ImportPreview {
  rows: CheckedImportRow[];
  counts: { create: number; update: number; error: number };
}

export async function previewImport(db: Db, supplierId: string, raw: RawImportRow[]): Promise<ImportPreview> {
  const rows = checkImportRows(raw, await importContext(db, supplierId, raw.map((r) => (r.sku ?? "").trim())));
  return {
    rows,
    counts: {
      create: rows.filter((r) => r.action === "create").length,
      update: rows.filter((r) => r.action === "update").length,
      error: rows.filter((r) => r.action === "error").length,
    },
  };
}

/**
 * Imports the good rows in one transaction: new SKUs become products on moderation; own SKUs
 * get price and stock at once and, when the row carries content, a revision. Rows with errors
 * are left out (the preview listed them). SKUs of other suppliers never match (foreign_sku).
 */
export async function applyImport(db: Db, actor: RevisionActor, raw: RawImportRow[]): Promise<ImportPreview & { created: number; updated: number }> {
  const preview = await previewImport(db, actor.supplierId, raw);
  const good = preview.rows.filter((r) => r.action !== "error");
  const [defaultType] = await db.select({ id: priceTypes.id }).from(priceTypes).where(eq(priceTypes.isDefault, true)).limit(1);
  await db.transaction(async (tx) => {
    for (const row of good) {
      let productId = row.productId;
      if (row.action === "create") {
        const content: ProductContent = { name: row.name!, description: row.description, brandId: row.brandId, categoryId: row.categoryId!, properties: [], images: [] };
        productId = await insertProductShell(tx, actor.supplierId, row.sku, content);
        await submitContent(tx, actor, productId, content);
      } else if (productId && (row.name || row.categoryId || row.description || row.brandId)) {
        const [pending] = await tx
          .select({ proposed: productRevisions.proposed })
          .from(productRevisions)
          .where(and(eq(productRevisions.productId, productId), eq(productRevisions.status, "pending")));
        const base = pending?.proposed ?? (await loadContent(tx, productId));
        if (base) {
          await submitContent(tx, actor, productId, {
            ...base,
            name: row.name ?? base.name,
            description: row.description ?? base.description,
            brandId: row.brandId ?? base.brandId,
            categoryId: row.categoryId ?? base.categoryId,
          });
        }
      }
      await writePricesAndStock(tx, actor.supplierId, [
        {
          productId: productId!,
          prices: row.priceMinor !== null && defaultType ? [{ priceTypeId: defaultType.id, amountMinor: row.priceMinor }] : [],
          stock: row.stock !== null && row.warehouseId ? [{ warehouseId: row.warehouseId, quantity: row.stock }] : [],
        },
      ]);
    }
  });
  return { ...preview, created: good.filter((r) => r.action === "create").length, updated: good.filter((r) => r.action === "update").length };
}

/** Example values for the template: a real category and warehouse. */
export async function templateExample(db: Db) {
  const [category] = await db.select({ name: categories.name }).from(categories).where(isNotNull(categories.parentId)).orderBy(categories.path).limit(1);
  const [warehouse] = await db.select({ code: warehouses.code }).from(warehouses).where(eq(warehouses.isActive, true)).orderBy(warehouses.name).limit(1);
  return { category: category?.name ?? "", warehouse: warehouse?.code ?? "" };
}
