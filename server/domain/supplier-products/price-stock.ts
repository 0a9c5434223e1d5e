import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../../db/client";
import { prices, priceTypes, productStockAlerts, products, productVariants, stock, warehouses } from "../../../db/schema";
import { badInput, notFound } from "../errors";
import { checkLowStock } from "./low-stock";

const quantity = z.number().min(0, "Stock cannot be negative").max(100_000_000);

export const priceStockInputSchema = z.object({
  productId: z.uuid(),
  /** Amount in minor units of the price type's currency; null removes the price. */
  prices: z.array(z.object({ priceTypeId: z.uuid(), amountMinor: z.number().int("Price: whole minor units").min(0, "Price cannot be negative").max(1e13).nullable() })).max(50).default([]),
  stock: z.array(z.object({ warehouseId: z.uuid(), quantity })).max(200).default([]),
  /** undefined leaves it; null falls back to the supplier's default. */
  lowStockThreshold: quantity.nullable().optional(),
});
export type PriceStockInput = z.input<typeof priceStockInputSchema>;

/** The product's default variant, only when the product belongs to this supplier (else "not found", never a hint it exists). */
export async function ownDefaultVariant(db: Pick<Db, "select">, supplierId: string, productId: string): Promise<string> {
  const [row] = await db
    .select({ variantId: productVariants.id })
    .from(products)
    .innerJoin(productVariants, and(eq(productVariants.productId, products.id), eq(productVariants.isDefault, true)))
    .where(and(eq(products.id, productId), eq(products.supplierId, supplierId)));
  if (!row) throw notFound("Product");
  return row.variantId;
}

/**
 * Prices and stock apply at once, without moderation. Writes go in the caller's transaction;
 * the low-stock check runs after them in the same transaction.
 */
export async function writePricesAndStock(tx: Tx, supplierId: string, inputs: ReadonlyArray<z.output<typeof priceStockInputSchema>>): Promise<void> {
  const typeIds = [...new Set(inputs.flatMap((i) => i.prices.map((p) => p.priceTypeId)))];
  const types = typeIds.length ? await tx.select({ id: priceTypes.id, currency: priceTypes.currency }).from(priceTypes).where(inArray(priceTypes.id, typeIds)) : [];
  const currencyOf = new Map(types.map((t) => [t.id, t.currency]));
  const warehouseIds = [...new Set(inputs.flatMap((i) => i.stock.map((s) => s.warehouseId)))];
  const known = warehouseIds.length ? await tx.select({ id: warehouses.id }).from(warehouses).where(inArray(warehouses.id, warehouseIds)) : [];
  if (known.length !== warehouseIds.length) throw badInput("Unknown warehouse", "stock");
  for (const input of inputs) {
    const variantId = await ownDefaultVariant(tx, supplierId, input.productId);
    for (const p of input.prices) {
      const currency = currencyOf.get(p.priceTypeId);
      if (!currency) throw badInput("Unknown price type", "prices");
      if (p.amountMinor === null) {
        await tx.delete(prices).where(and(eq(prices.variantId, variantId), eq(prices.priceTypeId, p.priceTypeId)));
        continue;
      }
      await tx
        .insert(prices)
        .values({ variantId, priceTypeId: p.priceTypeId, amountMinor: p.amountMinor, currency })
        .onConflictDoUpdate({ target: [prices.priceTypeId, prices.variantId], set: { amountMinor: p.amountMinor, currency, updatedAt: new Date() } });
    }
    for (const s of input.stock) {
      await tx
        .insert(stock)
        .values({ variantId, warehouseId: s.warehouseId, quantity: String(s.quantity) })
        .onConflictDoUpdate({ target: [stock.variantId, stock.warehouseId], set: { quantity: String(s.quantity), updatedAt: new Date() } });
    }
    if (input.lowStockThreshold !== undefined) {
      const value = input.lowStockThreshold === null ? null : String(input.lowStockThreshold);
      await tx
        .insert(productStockAlerts)
        .values({ productId: input.productId, lowStockThreshold: value })
        .onConflictDoUpdate({ target: productStockAlerts.productId, set: { lowStockThreshold: value, updatedAt: sql`now()` } });
    }
  }
  await checkLowStock(tx, inputs.map((i) => i.productId));
}

/** The form's and the bulk editor's entry point: one transaction for all rows. */
export async function updatePricesAndStock(db: Db, supplierId: string, inputs: ReadonlyArray<z.output<typeof priceStockInputSchema>>): Promise<{ updated: number }> {
  await db.transaction((tx) => writePricesAndStock(tx, supplierId, inputs));
  return { updated: inputs.length };
}
