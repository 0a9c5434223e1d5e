import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cartLines, carts, products, productUnits, productVariants } from "@/db/schema";
import { isValidQuantity, normalizeQuantity } from "../catalog/quantity";
import { badInput, notFound } from "../errors";
import { priceForBuyer } from "../pricing/price-for-buyer";
import { activeCart, ownCart } from "./carts";

export interface OrderableUnit {
  variantId: string;
  sku: string;
  productId: string;
  name: string;
  status: string;
  unit: string;
  ratio: number;
  minQty: number;
  multiple: number;
}

/**
 * What a variant can be ordered in: its published product's units (default one when `unit` is
 * omitted) with the min/multiple rules, keyed by "variantId|unit" and "variantId|" for the default.
 */
export async function loadOrderableUnits(db: Db, variantIds: string[]): Promise<Map<string, OrderableUnit>> {
  const map = new Map<string, OrderableUnit>();
  if (variantIds.length === 0) return map;
  const rows = await db
    .select({
      variantId: productVariants.id,
      sku: productVariants.sku,
      productId: products.id,
      name: productVariants.name,
      status: products.status,
      unit: productUnits.unit,
      ratio: productUnits.ratio,
      minQty: productUnits.minQty,
      multiple: productUnits.multiple,
      isDefault: productUnits.isDefault,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .innerJoin(productUnits, eq(productUnits.productId, products.id))
    .where(inArray(productVariants.id, [...new Set(variantIds)]));
  for (const r of rows) {
    const unit: OrderableUnit = { ...r, ratio: Number(r.ratio), minQty: Number(r.minQty), multiple: Number(r.multiple) };
    map.set(`${r.variantId}|${r.unit}`, unit);
    if (r.isDefault || !map.has(`${r.variantId}|`)) map.set(`${r.variantId}|`, unit);
  }
  return map;
}

/** Why a quantity cannot be ordered, or null when it can. */
export function quantityProblem(quantity: number, rule: { minQty: number; multiple: number }): "min" | "multiple" | null {
  if (!(quantity > 0) || quantity < rule.minQty) return "min";
  if (!isValidQuantity(quantity, rule)) return "multiple";
  return null;
}

function checkQuantity(quantity: number, unit: OrderableUnit) {
  const problem = quantityProblem(quantity, unit);
  if (problem === "min") throw badInput(`Quantity: at least ${unit.minQty} ${unit.unit} of ${unit.sku}`, "quantity");
  if (problem === "multiple") throw badInput(`Quantity: ${unit.sku} is sold in multiples of ${unit.multiple} ${unit.unit} (e.g. ${normalizeQuantity(quantity, unit)})`, "quantity");
}

export interface AddLineInput {
  cartId?: string;
  variantId: string;
  unit?: string;
  quantity: number;
}

/**
 * Adds to a cart (the active one by default); the same variant and unit again adds up. The price
 * at add time is kept so a later change shows struck through.
 */
export async function addCartLine(db: Db, userId: string, input: AddLineInput) {
  const cart = input.cartId ? await ownCart(db, userId, input.cartId) : await activeCart(db, userId);
  const units = await loadOrderableUnits(db, [input.variantId]);
  const unit = units.get(`${input.variantId}|${input.unit ?? ""}`);
  if (!unit || unit.status !== "published") throw notFound("Product");
  const [existing] = await db
    .select({ quantity: cartLines.quantity })
    .from(cartLines)
    .where(and(eq(cartLines.cartId, cart.id), eq(cartLines.variantId, input.variantId), eq(cartLines.unit, unit.unit)));
  const total = Math.round(((existing ? Number(existing.quantity) : 0) + input.quantity) * 10_000) / 10_000;
  checkQuantity(total, unit);
  const priced = await priceForBuyer(db, userId, [{ variantId: input.variantId, quantity: total, unit: unit.unit }]);
  const line = priced.lines[0];
  await db
    .insert(cartLines)
    .values({ cartId: cart.id, variantId: input.variantId, unit: unit.unit, quantity: String(total), addedUnitMinor: line?.available ? line.unitMinor : null, addedCurrency: line?.available ? line.currency : null })
    .onConflictDoUpdate({ target: [cartLines.cartId, cartLines.variantId, cartLines.unit], set: { quantity: String(total) } });
  await db.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cart.id));
  return { cartId: cart.id, cartName: cart.name, quantity: total, unit: unit.unit };
}

async function ownLine(db: Db, userId: string, lineId: string) {
  const [row] = await db
    .select({ line: cartLines, userId: carts.userId, status: carts.status })
    .from(cartLines)
    .innerJoin(carts, eq(carts.id, cartLines.cartId))
    .where(eq(cartLines.id, lineId));
  if (!row || row.userId !== userId || row.status === "ordered") throw notFound("Cart line");
  return row.line;
}

export async function setCartLineQuantity(db: Db, userId: string, lineId: string, quantity: number) {
  const line = await ownLine(db, userId, lineId);
  const unit = (await loadOrderableUnits(db, [line.variantId])).get(`${line.variantId}|${line.unit}`);
  if (!unit) throw notFound("Product");
  checkQuantity(quantity, unit);
  await db.update(cartLines).set({ quantity: String(quantity) }).where(eq(cartLines.id, lineId));
  await db.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, line.cartId));
  return { id: lineId, quantity };
}

export async function removeCartLine(db: Db, userId: string, lineId: string) {
  const line = await ownLine(db, userId, lineId);
  await db.delete(cartLines).where(eq(cartLines.id, lineId));
  await db.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, line.cartId));
  return { id: lineId };
}
