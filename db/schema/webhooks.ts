import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orders } from "./orders";
import { shops } from "./shops";

import type { WebhookEvent } from "../../server/domain/webhooks/events";

export { WEBHOOK_EVENTS, type WebhookEvent } from "../../server/domain/webhooks/events";
export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["pending", "delivered", "failed"]);

/** An endpoint a shop's own system listens on; `shopId` null = every shop. The signing secret is sealed (AES-256-GCM). */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: uuid().primaryKey().defaultRandom(),
  shopId: uuid().references(() => shops.id, { onDelete: "cascade" }),
  url: text().notNull(),
  events: text().array().$type<WebhookEvent[]>().notNull(),
  secretSealed: text().notNull(),
  isActive: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One event for one endpoint: tried by the worker through the outbox, retried with backoff, resent by hand. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    event: text().$type<WebhookEvent>().notNull(),
    orderId: text().references(() => orders.id, { onDelete: "cascade" }),
    /** The fan-out job this delivery came from, so a retried fan-out never doubles deliveries. */
    sourceJobId: bigint({ mode: "number" }),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    responseCode: integer(),
    responseBody: text(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("webhook_deliveries_created_idx").on(t.createdAt), uniqueIndex("webhook_deliveries_source_key").on(t.sourceJobId, t.endpointId, t.event), index("webhook_deliveries_order_idx").on(t.orderId)],
);
