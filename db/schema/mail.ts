import { bigint, bigserial, boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ORDER_STATUSES } from "../../server/domain/orders/order-statuses";
import { users } from "./auth";
import { orders, outbox } from "./orders";

/** An admin's own wording of a status e-mail in one language; without a row the built-in text is used. */
export const emailTemplates = pgTable(
  "email_templates",
  {
    status: text({ enum: ORDER_STATUSES }).notNull(),
    locale: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    enabled: boolean().notNull().default(true),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.status, t.locale] })],
);

export const mailStatus = pgEnum("mail_status", ["queued", "sent", "retrying", "failed", "skipped"]);

/**
 * Every customer e-mail: the mail log, and with no SMTP or Resend configured, the local mailbox
 * staff read in the UI. One row per outbox job, so a retried job never makes a second message.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    outboxId: bigint({ mode: "number" }).references(() => outbox.id, { onDelete: "set null" }),
    orderId: text().references(() => orders.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    toAddress: text().notNull(),
    fromAddress: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    locale: text().notNull(),
    status: mailStatus().notNull().default("queued"),
    transport: text().notNull(),
    messageId: text().notNull(),
    providerId: text(),
    error: text(),
    attempts: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("mail_messages_outbox_key").on(t.outboxId), index("mail_messages_order_idx").on(t.orderId), index("mail_messages_created_idx").on(t.createdAt)],
);
