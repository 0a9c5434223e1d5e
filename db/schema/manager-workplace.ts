import { bigint, boolean, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { regions } from "./b2b-reference";

/**
 * The default manager of a region: a new company of the region is given to him unless someone
 * chooses another. One manager per region; a manager may cover several regions.
 */
export const regionManagers = pgTable("region_managers", {
  regionId: uuid()
    .primaryKey()
    .references(() => regions.id, { onDelete: "cascade" }),
  managerId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The admin's changes to the notification matrix's defaults (code: server/domain/notifications/matrix.ts).
 * A missing row means the seed's default holds. Audience: the client column or the managers' column of seed 002.
 */
export const notificationDefaults = pgTable(
  "notification_defaults",
  {
    event: text().notNull(),
    audience: text({ enum: ["client", "staff"] }).notNull(),
    channel: text({ enum: ["email", "sms", "in_app", "push"] }).notNull(),
    enabled: boolean().notNull(),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.event, t.audience, t.channel] })],
);

/** A user's own choice for one event and channel, over the default. */
export const userNotificationPrefs = pgTable(
  "user_notification_prefs",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    event: text().notNull(),
    channel: text({ enum: ["email", "sms", "in_app", "push"] }).notNull(),
    enabled: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.event, t.channel] })],
);

/** Every SMS the app sent or tried to send, whichever provider: the stub's outbox and the real provider's log. */
export const smsMessages = pgTable(
  "sms_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    outboxId: bigint({ mode: "number" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    phone: text().notNull(),
    text: text().notNull(),
    provider: text().notNull(),
    status: text({ enum: ["queued", "sent", "failed"] }).notNull().default("queued"),
    providerId: text(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("sms_messages_created_idx").on(t.createdAt)],
);

/** A browser's Web Push subscription (PushSubscription.toJSON()). */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text().notNull().unique(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("push_subscriptions_user_idx").on(t.userId)],
);
