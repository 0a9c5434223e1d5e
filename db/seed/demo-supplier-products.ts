import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { productRevisions, products, supplierMembers, suppliers, supplierStockSettings } from "../schema";
import { loadContent } from "../../server/domain/supplier-products/content";
import { checkLowStock } from "../../server/domain/supplier-products/low-stock";

/**
 * Marketplace products demo (idempotent; only while no revision exists): the demo supplier
 * proposes new descriptions for two of its published products, so the moderation queue shows
 * diffs on first start, and sets a default low-stock threshold.
 */
export async function seedDemoSupplierProducts(db: Db): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(productRevisions);
  if ((existing?.n ?? 0) > 0) return;
  const [supplier] = await db.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.status, "approved")).orderBy(asc(suppliers.createdAt)).limit(1);
  if (!supplier) return;
  const [owner] = await db.select({ userId: supplierMembers.userId }).from(supplierMembers).where(eq(supplierMembers.supplierId, supplier.id)).limit(1);
  const own = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.supplierId, supplier.id), eq(products.status, "published")))
    .orderBy(asc(products.sku))
    .limit(2);
  await db.transaction(async (tx) => {
    for (const [i, product] of own.entries()) {
      const live = await loadContent(tx, product.id);
      if (!live) continue;
      await tx.insert(productRevisions).values({
        productId: product.id,
        supplierId: supplier.id,
        kind: "update",
        proposed: {
          ...live,
          name: i === 0 ? `${live.name} (новая упаковка)` : live.name,
          description: `${live.description ?? ""}\nГарантия производителя 3 года. Поставка со склада поставщика за 1–2 дня.`.trim(),
        },
        submittedBy: owner?.userId ?? null,
      });
    }
    await tx.insert(supplierStockSettings).values({ supplierId: supplier.id, defaultLowStockThreshold: "5" }).onConflictDoNothing();
    const all = await tx.select({ id: products.id }).from(products).where(eq(products.supplierId, supplier.id));
    await checkLowStock(tx, all.map((p) => p.id));
  });
}
