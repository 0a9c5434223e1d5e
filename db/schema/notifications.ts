import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** A notification's words in both interface languages, so each reader sees their own. */
export interface LocalizedText {
  en: string;
  ru: string;
}

/**
 * The in-app half of a notification (the bell with its unread count). Other channels (e-mail,
 * SMS, push) are delivered from the outbox according to the notification matrix.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The event key of the notification matrix, e.g. "quote.sent", "claim.status_changed". */
    event: text().notNull(),
    title: jsonb().$type<LocalizedText>().notNull(),
    body: jsonb().$type<LocalizedText>(),
    /** Where a click on it leads, a path inside the app. */
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);
