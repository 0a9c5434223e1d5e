import { bigint, bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orders } from "./orders";
import { processors } from "./shops";

export const paymentKind = pgEnum("payment_kind", ["charge", "refund"]);
export const paymentStatus = pgEnum("payment_status", ["approved", "pending", "declined", "failed", "refunded", "chargeback"]);

/**
 * Every processor transaction that got an id from the processor (charges, links, refunds). The
 * order keeps the one that took the money; this table lets a callback or a chargeback find the
 * exact payment by the processor's payment id or transaction reference (ARN).
 */
export const payments = pgTable(
  "payments",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    processorId: uuid()
      .notNull()
      .references(() => processors.id),
    kind: paymentKind().notNull(),
    status: paymentStatus().notNull(),
    /** The processor's payment / invoice / refund id. */
    externalId: text().notNull(),
    /** The transaction reference (ARN where the processor gives one). */
    reference: text(),
    amountMinor: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    /** The payment link for PayPal, crypto and eCheck. */
    paymentUrl: text(),
    /** "customer" (with the CVV, at intake) or "merchant" (stored card, no CVV). */
    initiator: text(),
    code: text(),
    message: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payments_processor_external_key").on(t.processorId, t.kind, t.externalId),
    index("payments_reference_idx").on(t.processorId, t.reference),
    index("payments_order_idx").on(t.orderId, t.id),
  ],
);

/**
 * Callback events already processed, one row per (processor, event id): a processor re-sending
 * an event finds its row and changes nothing twice. Unknown orders are kept too (order_id null).
 */
export const processorEvents = pgTable(
  "processor_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    processorId: uuid()
      .notNull()
      .references(() => processors.id),
    eventId: text().notNull(),
    eventType: text().notNull(),
    orderId: text().references(() => orders.id, { onDelete: "set null" }),
    /** What was done: applied, ignored (with why), unknown_order. */
    outcome: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>(),
    httpStatus: integer(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("processor_events_key").on(t.processorId, t.eventId), index("processor_events_order_idx").on(t.orderId)],
);
