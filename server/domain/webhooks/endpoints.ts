import { randomBytes } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { outbox, shops, webhookDeliveries, webhookEndpoints, WEBHOOK_EVENTS } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { seal } from "../crypto/secret-box";
import { notFound } from "../errors";
import { WEBHOOK_DELIVER_TOPIC } from "./fanout";

export const endpointInputSchema = z.object({
  shopId: z.uuid({ error: "shopId: a shop id, or null for every shop" }).nullable().default(null),
  url: z.url({ protocol: /^https?$/, error: "url: an http(s) address like https://shop.example/hooks/t3" }).max(2000),
  events: z.array(z.enum(WEBHOOK_EVENTS, { error: `events: one of ${WEBHOOK_EVENTS.join(", ")}` })).min(1, { error: "events: choose at least one" }),
  isActive: z.boolean().default(true),
});
export type EndpointInput = z.input<typeof endpointInputSchema>;

/** Registers an endpoint; the signing secret is returned once and kept sealed. */
export async function createEndpoint(db: Db, actorId: string, raw: EndpointInput, encryptionKey: Buffer) {
  const input = endpointInputSchema.parse(raw);
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const [row] = await db.insert(webhookEndpoints).values({ ...input, events: [...new Set(input.events)], secretSealed: seal(secret, encryptionKey) }).returning({ id: webhookEndpoints.id });
  await recordAudit(db, { actorId, action: "webhook.created", targetType: "webhook", targetId: row!.id, details: { url: input.url, events: input.events } });
  return { id: row!.id, secret };
}

export async function updateEndpoint(db: Db, actorId: string, id: string, raw: EndpointInput) {
  const input = endpointInputSchema.parse(raw);
  const updated = await db.update(webhookEndpoints).set({ ...input, events: [...new Set(input.events)] }).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
  if (!updated.length) throw notFound("Webhook endpoint");
  await recordAudit(db, { actorId, action: "webhook.updated", targetType: "webhook", targetId: id, details: { url: input.url, events: input.events, isActive: input.isActive } });
}

export async function deleteEndpoint(db: Db, actorId: string, id: string) {
  const deleted = await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
  if (!deleted.length) throw notFound("Webhook endpoint");
  await recordAudit(db, { actorId, action: "webhook.deleted", targetType: "webhook", targetId: id });
}

export function listEndpoints(db: Db) {
  return db
    .select({ id: webhookEndpoints.id, shopId: webhookEndpoints.shopId, shopName: shops.name, url: webhookEndpoints.url, events: webhookEndpoints.events, isActive: webhookEndpoints.isActive, createdAt: webhookEndpoints.createdAt })
    .from(webhookEndpoints)
    .leftJoin(shops, eq(shops.id, webhookEndpoints.shopId))
    .orderBy(webhookEndpoints.createdAt);
}

export const deliveriesQuerySchema = z.object({
  status: z.enum(["pending", "delivered", "failed"]).optional(),
  endpointId: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** The delivery log, newest first, with the endpoint's URL and the answer it gave. */
export function listDeliveries(db: Db, raw: z.input<typeof deliveriesQuerySchema>) {
  const query = deliveriesQuerySchema.parse(raw);
  return db
    .select({
      id: webhookDeliveries.id, event: webhookDeliveries.event, orderId: webhookDeliveries.orderId, status: webhookDeliveries.status, attempts: webhookDeliveries.attempts,
      responseCode: webhookDeliveries.responseCode, error: webhookDeliveries.error, createdAt: webhookDeliveries.createdAt, deliveredAt: webhookDeliveries.deliveredAt, url: webhookEndpoints.url,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(sql`true ${query.status ? sql`and ${webhookDeliveries.status} = ${query.status}` : sql``} ${query.endpointId ? sql`and ${webhookDeliveries.endpointId} = ${query.endpointId}` : sql``}`)
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(query.limit);
}

/** "Resend": the same delivery (same id and body) queued again, whatever its last outcome. */
export async function resendDelivery(db: Db, actorId: string, deliveryId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(webhookDeliveries).set({ status: "pending", error: null }).where(eq(webhookDeliveries.id, deliveryId)).returning({ id: webhookDeliveries.id, orderId: webhookDeliveries.orderId });
    if (!row) throw notFound("Delivery");
    await tx.insert(outbox).values({ topic: WEBHOOK_DELIVER_TOPIC, orderId: row.orderId, payload: { deliveryId }, runAt: now });
    await recordAudit(tx, { actorId, action: "webhook.resent", targetType: "webhook_delivery", targetId: deliveryId });
    return { queued: true };
  });
}
