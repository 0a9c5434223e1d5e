import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, outbox, shipments, webhookDeliveries, webhookEndpoints, type WebhookEvent } from "@/db/schema";
import type { OrderStatus } from "../orders/order-statuses";

export const WEBHOOK_FANOUT_TOPIC = "webhooks.fanout";
export const WEBHOOK_DELIVER_TOPIC = "webhooks.deliver";

/** The events a status change raises: always status_changed, plus shipped/refunded/chargeback. */
export function eventsForStatus(to: OrderStatus): WebhookEvent[] {
  const events: WebhookEvent[] = ["order.status_changed"];
  if (to === "shipped") events.push("order.shipped");
  if (to === "refunded") events.push("order.refunded");
  if (to === "chargeback") events.push("order.chargeback");
  return events;
}

/**
 * Written in the same transaction as the order change (intake, status machine): one fan-out job,
 * and only when some endpoint is active, so shops without webhooks pay nothing.
 */
export async function queueWebhookFanout(tx: Db, orderId: string, events: WebhookEvent[], data: Record<string, unknown>, now: Date) {
  await tx.execute(sql`
    insert into ${outbox} (topic, order_id, payload, run_at)
    select ${WEBHOOK_FANOUT_TOPIC}, ${orderId}, ${JSON.stringify({ orderId, events, ...data })}::jsonb, ${now.toISOString()}::timestamptz
    where exists (select 1 from ${webhookEndpoints} where ${webhookEndpoints.isActive})`);
}

/** The body an endpoint receives: the event and the order's current state (tracking when shipped). */
async function orderPayload(db: Db, orderId: string) {
  const [order] = await db
    .select({
      id: orders.id, number: orders.number, shopId: orders.shopId, shopOrderId: orders.shopOrderId, status: orders.status, currency: orders.currency,
      totalMinor: orders.totalMinor, customerEmail: orders.customerEmail, updatedAt: orders.updatedAt,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) return null;
  const tracking = await db
    .select({ carrier: shipments.carrier, trackingNumber: shipments.trackingNumber })
    .from(shipments)
    .where(and(eq(shipments.orderId, orderId), sql`${shipments.trackingNumber} is not null`));
  return { ...order, tracking };
}

/** The worker's fan-out: one delivery (and one delivery job) per matching active endpoint and event. */
export async function fanOutWebhooks(db: Db, job: { id: number; payload: Record<string, unknown> }, now: Date) {
  const orderId = String(job.payload.orderId ?? "");
  const events = (Array.isArray(job.payload.events) ? job.payload.events : []) as WebhookEvent[];
  const order = await orderPayload(db, orderId);
  if (!order) return;
  const endpoints = await db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.isActive, true), sql`(${webhookEndpoints.shopId} is null or ${webhookEndpoints.shopId} = ${order.shopId})`));
  const { orderId: _o, events: _e, ...extra } = job.payload;
  await db.transaction(async (tx) => {
    for (const endpoint of endpoints) {
      for (const event of events.filter((e) => endpoint.events.includes(e))) {
        const payload = { event, occurredAt: now.toISOString(), order, ...extra };
        const [delivery] = await tx
          .insert(webhookDeliveries)
          .values({ endpointId: endpoint.id, event, orderId, sourceJobId: job.id, payload, createdAt: now })
          .onConflictDoNothing()
          .returning({ id: webhookDeliveries.id });
        if (delivery) await tx.insert(outbox).values({ topic: WEBHOOK_DELIVER_TOPIC, orderId, payload: { deliveryId: delivery.id }, runAt: now });
      }
    }
  });
}
