import { eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db, type Tx } from "../../../db/client";
import { productStockAlerts, productVariants, supplierStockSettings } from "../../../db/schema";
import { notify } from "../notifications/notify";
import { supplierMemberIds } from "../suppliers/supplier-scope";

interface StockState {
  id: string;
  sku: string;
  name: string;
  supplier_id: string;
  threshold: string | null;
  is_low: boolean | null;
  available: string;
}

/**
 * Re-checks the free stock (quantity − reserved, all warehouses) of supplier products against
 * their threshold (the product's own, else the supplier's default) and notifies the supplier's
 * members once per crossing: when a product falls to/below the threshold; rising above it
 * re-arms the alert. Call it in the transaction that changed the stock (supplier edits, import,
 * orders). Returns the products that crossed now.
 */
export async function checkLowStock(tx: Tx | Db, productIds: readonly string[]): Promise<string[]> {
  if (productIds.length === 0) return [];
  const states = rowsOf<StockState>(
    await tx.execute(sql`
      select p.id, p.sku, p.name, p.supplier_id,
        coalesce(a.low_stock_threshold, s.default_low_stock_threshold)::text as threshold,
        a.is_low,
        (select coalesce(sum(st.quantity - st.reserved), 0) from stock st join product_variants v on v.id = st.variant_id where v.product_id = p.id)::text as available
      from products p
      left join product_stock_alerts a on a.product_id = p.id
      left join supplier_stock_settings s on s.supplier_id = p.supplier_id
      where p.id = any(${`{${[...new Set(productIds)].join(",")}}`}::uuid[]) and p.supplier_id is not null`),
  );
  const crossed: string[] = [];
  for (const s of states) {
    const low = s.threshold !== null && Number(s.available) <= Number(s.threshold);
    if (low === Boolean(s.is_low)) continue;
    await tx
      .insert(productStockAlerts)
      .values({ productId: s.id, isLow: low })
      .onConflictDoUpdate({ target: productStockAlerts.productId, set: { isLow: low, updatedAt: new Date() } });
    if (!low) continue;
    crossed.push(s.id);
    await notify(tx, {
      event: "supplier.low_stock",
      userIds: await supplierMemberIds(tx, s.supplier_id),
      title: { en: `Low stock: ${s.sku}`, ru: `Заканчивается товар: ${s.sku}` },
      body: {
        en: `${s.name}: ${Number(s.available)} left (threshold ${Number(s.threshold)}).`,
        ru: `${s.name}: осталось ${Number(s.available)} (порог ${Number(s.threshold)}).`,
      },
      link: `/supplier/products/${s.id}`,
    });
  }
  return crossed;
}

/** The supplier's default threshold (null switches the default off). */
export async function setDefaultLowStockThreshold(db: Db, supplierId: string, threshold: number | null): Promise<void> {
  await db.transaction(async (tx) => {
    const value = threshold === null ? null : String(threshold);
    await tx
      .insert(supplierStockSettings)
      .values({ supplierId, defaultLowStockThreshold: value })
      .onConflictDoUpdate({ target: supplierStockSettings.supplierId, set: { defaultLowStockThreshold: value } });
    const ids = rowsOf<{ id: string }>(await tx.execute(sql`select id from products where supplier_id = ${supplierId}`)).map((r) => r.id);
    await checkLowStock(tx, ids);
  });
}

export async function defaultLowStockThreshold(db: Db, supplierId: string): Promise<number | null> {
  const [row] = await db.select().from(supplierStockSettings).where(eq(supplierStockSettings.supplierId, supplierId));
  return row?.defaultLowStockThreshold == null ? null : Number(row.defaultLowStockThreshold);
}

/** checkLowStock for the products of these variants: what orders reserve, release and ship. */
export async function checkLowStockOfVariants(tx: Tx | Db, variantIds: readonly string[]): Promise<string[]> {
  if (variantIds.length === 0) return [];
  const rows = await tx.selectDistinct({ productId: productVariants.productId }).from(productVariants).where(inArray(productVariants.id, [...new Set(variantIds)]));
  return checkLowStock(tx, rows.map((r) => r.productId));
}
