import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * A buyer's personal key to the catalog API. Only the SHA-256 of the key is kept (the key is
 * shown once); `prefix` lets the owner recognise it. One live key per user: issuing a new one
 * revokes the old.
 */
export const buyerApiKeys = pgTable(
  "buyer_api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    keyHash: text().notNull(),
    prefix: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("buyer_api_keys_hash_key").on(t.keyHash), index("buyer_api_keys_user_idx").on(t.userId, t.createdAt)],
);
