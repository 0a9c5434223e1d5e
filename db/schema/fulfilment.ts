import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { orders } from "./orders";

/** One line of a shipper's SKU map: the shop's SKU, the shipper's product code, and how many of it one unit means. */
export interface SkuMapping {
  sku: string;
  code: string;
  /** Units the shipper packs per ordered unit (bonus items: 2 = one bought, one free). */
  multiplier: number;
}

/**
 * Fulfilment suppliers. `adapter` names the code that hands orders over
 * (server/integrations/shippers/): http_json, email or manual. Routing: the enabled shipper
 * with the lowest `priority` whose countries include the destination (empty = any) and whose
 * SKU list covers every line of the order (empty = any) gets it.
 */
export const shippers = pgTable(
  "shippers",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    adapter: text().notNull().default("manual"),
    isEnabled: boolean().notNull().default(true),
    priority: integer().notNull().default(100),
    /** Destination countries (ISO-2) served; empty = any. */
    countries: jsonb().$type<string[]>().notNull().default([]),
    /** Shop SKUs this shipper stocks; empty = any. */
    skus: jsonb().$type<string[]>().notNull().default([]),
    skuMap: jsonb().$type<SkuMapping[]>().notNull().default([]),
    /** Non-secret adapter settings: url, email, format (csv/xlsx), carrier, trackingUrl template. */
    settings: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** The shared secret (signs our dispatches, authenticates its tracking pushes), sealed with the secret box. */
    secretSealed: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("shippers_code_key").on(t.code)],
);

export const shipmentKind = pgEnum("shipment_kind", ["ship", "reship"]);
export const shipmentStatus = pgEnum("shipment_status", ["queued", "accepted", "refused", "failed", "shipped", "delivered", "cancelled"]);

/**
 * One hand-over of an order to a shipper. A reship is a new row with its own tracking number;
 * the order keeps the latest tracking number for the list and the e-mails.
 */
export const shipments = pgTable(
  "shipments",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    shipperId: uuid()
      .notNull()
      .references(() => shippers.id),
    kind: shipmentKind().notNull().default("ship"),
    status: shipmentStatus().notNull().default("queued"),
    /** The shipper's id for this shipment, when it gives one. */
    externalId: text(),
    trackingNumber: text(),
    carrier: text(),
    trackingUrl: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp({ withTimezone: true }),
    shippedAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("shipments_order_idx").on(t.orderId, t.id),
    index("shipments_shipper_status_idx").on(t.shipperId, t.status),
    // At most one hand-over in flight per order: a double click or two managers queue one dispatch.
    uniqueIndex("shipments_open_per_order_key").on(t.orderId).where(sql`${t.status} = 'queued'`),
  ],
);
