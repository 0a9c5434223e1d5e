import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderEvents, orders, shipments } from "@/db/schema";
import { createOrderFromShop } from "@/server/domain/orders/create-order";
import { orderRequestSchema } from "@/server/domain/orders/intake-schema";
import type { PublicShop } from "@/server/domain/shops/shops";
import { signedHeaders } from "@/server/integrations/payments/signature";
import { TEST_ENCRYPTION_KEY } from "./fixtures";

let counter = 0;

/** A shop order as the intake takes it: PayPal (no processor call), shipped to `country`. */
export async function placeOrder(db: Db, shop: PublicShop, options: { country?: string; email?: string; products?: Array<{ sku: string; quantity: number }> } = {}) {
  counter += 1;
  const country = options.country ?? "DE";
  const address = { country, state: "XX", city: "Berlin", zip: "10115", address: "Invalidenstr. 1" };
  const products = (options.products ?? [{ sku: "VTB-20-30", quantity: 1 }]).map((p, i) => ({ sku: p.sku, name: `Product ${i + 1}`, quantity: p.quantity, price: 20 }));
  const request = orderRequestSchema.parse({
    customer: { first_name: "Ann", last_name: "Lee", email: options.email ?? `ship${counter}@example.com`, phone: "+49 30 000 1111", ip: "203.0.113.9" },
    billing: address,
    shipping: address,
    payment: { method: "paypal" },
    options: { delivery_id: 1, currency: "USD", shop_domain: "vitastore.example", shop_order_id: `FUL-${Date.now().toString(36)}-${counter}` },
    products,
    shipping_method: { id: 1, price: 0 },
    language: "ENG",
  });
  const { orderId } = await createOrderFromShop(db, shop, request, { encryptionKey: TEST_ENCRYPTION_KEY });
  return orderId;
}

export async function orderRow(db: Db, id: string) {
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  if (!row) throw new Error(`order ${id} missing`);
  return row;
}

export async function shipmentsOf(db: Db, orderId: string) {
  return db.select().from(shipments).where(eq(shipments.orderId, orderId)).orderBy(shipments.id);
}

export async function eventsOf(db: Db, orderId: string) {
  return db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(orderEvents.id);
}

/** A tracking push as a shipper sends it, signed with its secret. */
export function trackingPush(shipperRef: string, secret: string | null, body: unknown, options: { raw?: string; now?: Date } = {}): Request {
  const raw = options.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json", ...(secret ? signedHeaders(secret, raw, options.now) : {}) };
  return new Request(`http://test/api/shippers/${shipperRef}/tracking`, { method: "POST", headers, body: raw });
}
