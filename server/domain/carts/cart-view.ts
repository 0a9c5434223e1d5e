import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cartLines, products, productVariants } from "@/db/schema";
import { priceForBuyer } from "../pricing/price-for-buyer";
import { activeCart, ownCart } from "./carts";

export interface CartViewLine {
  id: string;
  variantId: string;
  sku: string;
  name: string;
  slug: string;
  unit: string;
  quantity: number;
  /** The price now, from the resolver (null when the variant cannot be priced). */
  unitMinor: number | null;
  lineTotalMinor: number;
  /** The price when added, shown struck through when it differs from today's. */
  addedUnitMinor: number | null;
  priceChanged: boolean;
}

export interface CartView {
  id: string;
  name: string;
  status: string;
  currency: string;
  totalMinor: number;
  lines: CartViewLine[];
}

/** A cart with today's prices (priceForBuyer on every view, cart-total tiers included). */
export async function viewCart(db: Db, userId: string, cartId?: string, displayCurrency?: string): Promise<CartView> {
  const cart = cartId ? await ownCart(db, userId, cartId) : await activeCart(db, userId);
  const rows = await db
    .select({
      id: cartLines.id,
      variantId: cartLines.variantId,
      unit: cartLines.unit,
      quantity: cartLines.quantity,
      addedUnitMinor: cartLines.addedUnitMinor,
      addedCurrency: cartLines.addedCurrency,
      sku: productVariants.sku,
      name: productVariants.name,
      slug: products.slug,
    })
    .from(cartLines)
    .innerJoin(productVariants, eq(productVariants.id, cartLines.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(cartLines.cartId, cart.id))
    .orderBy(asc(cartLines.createdAt), asc(productVariants.sku));
  const priced = await priceForBuyer(
    db,
    userId,
    rows.map((r) => ({ variantId: r.variantId, quantity: Number(r.quantity), unit: r.unit })),
    displayCurrency,
  );
  const lines = rows.map((r, i): CartViewLine => {
    const p = priced.lines[i];
    const unitMinor = p?.available ? p.unitMinor : null;
    const sameCurrency = r.addedCurrency === priced.currency;
    return {
      id: r.id,
      variantId: r.variantId,
      sku: r.sku,
      name: r.name,
      slug: r.slug,
      unit: r.unit,
      quantity: Number(r.quantity),
      unitMinor,
      lineTotalMinor: p?.available ? p.lineTotalMinor : 0,
      addedUnitMinor: sameCurrency ? r.addedUnitMinor : null,
      priceChanged: sameCurrency && unitMinor !== null && r.addedUnitMinor !== null && r.addedUnitMinor !== unitMinor,
    };
  });
  return { id: cart.id, name: cart.name, status: cart.status, currency: priced.currency, totalMinor: lines.reduce((s, l) => s + l.lineTotalMinor, 0), lines };
}
