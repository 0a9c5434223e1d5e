import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { orderRequestSchema } from "../domain/orders/intake-schema";

/**
 * The yardstick for `npm run bench:intake`: the least a Next.js handler can do for an order —
 * validate the body and run the same inserts (customer upsert, order, lines, event, outbox) in
 * one transaction with raw postgres.js. No auth, no idempotency, no FX lookup, no card sealing.
 */
const globalForBench = globalThis as unknown as { __benchSql?: postgres.Sql };

function sql(): postgres.Sql {
  globalForBench.__benchSql ??= postgres(process.env.DATABASE_URL ?? "", { max: 10, onnotice: () => {} });
  return globalForBench.__benchSql;
}

export async function baselineIntake(body: unknown, shopId: string): Promise<{ status: number; id?: string; error?: string }> {
  const parsed = orderRequestSchema.safeParse(body);
  if (!parsed.success) return { status: 422, error: parsed.error.issues[0]?.message };
  const order = parsed.data;
  const c = order.customer;
  const id = `ord_${randomBytes(16).toString("base64url")}`;
  const total = order.products.reduce((sum, p) => sum + Math.round(Number(p.price) * 100) * p.quantity, 0);
  await sql().begin(async (tx) => {
    const [customer] = await tx`
      insert into customers (email, first_name, last_name, phone, phones, country)
      values (${c.email}, ${c.first_name}, ${c.last_name}, ${c.phone}, ${tx.json([c.phone])}, ${order.shipping.country})
      on conflict (email) do update set first_name = excluded.first_name, last_name = excluded.last_name, updated_at = now()
      returning id`;
    await tx`
      insert into orders (id, shop_id, shop_order_id, customer_id, currency, subtotal_minor, total_minor, usd_per_unit, total_usd_minor,
        payment_method, customer_first_name, customer_last_name, customer_email, customer_phone, billing_address, shipping_address, country, request_hash)
      values (${id}, ${shopId}, ${order.options.shop_order_id}, ${customer!.id}, ${order.options.currency ?? "USD"}, ${total}, ${total}, '1', ${total},
        ${order.payment.method}, ${c.first_name}, ${c.last_name}, ${c.email}, ${c.phone}, ${tx.json(order.billing)}, ${tx.json(order.shipping)}, ${order.shipping.country}, 'baseline')`;
    const lines = order.products.map((p, i) => ({
      order_id: id,
      position: i + 1,
      sku: p.sku,
      name: p.name,
      quantity: p.quantity,
      price_minor: Math.round(Number(p.price) * 100),
      line_total_minor: Math.round(Number(p.price) * 100) * p.quantity,
    }));
    await tx`insert into order_items ${tx(lines)}`;
    await tx`insert into order_events (order_id, type, actor_type, to_status) values (${id}, 'created', 'shop', 'pending')`;
    await tx`insert into outbox (topic, order_id, payload) values ('email.order_status', ${id}, ${tx.json({ orderId: id, status: "pending" })})`;
  });
  return { status: 201, id };
}
