import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { priceTypes } from "./b2b-reference";

export const FEED_FORMATS = ["yml", "google"] as const;
export const feedFormat = pgEnum("feed_format", FEED_FORMATS);

/**
 * A product feed for Yandex Market (YML) or Google Merchant Center (RSS 2.0 + g:), filtered by
 * brands and sections, priced by one price type; fetched by the marketplace at /api/feeds/<token>.
 */
export const productFeeds = pgTable(
  "product_feeds",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    format: feedFormat().notNull(),
    shopName: text().notNull(),
    companyName: text().notNull(),
    shopUrl: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    /** Which product field is the offer id: our id or the SKU. */
    idField: text().$type<"id" | "sku">().notNull().default("sku"),
    priceTypeId: uuid()
      .notNull()
      .references(() => priceTypes.id, { onDelete: "restrict" }),
    brandIds: uuid().array().notNull().default([]),
    categoryIds: uuid().array().notNull().default([]),
    /** Regenerated every N minutes by the worker; null = on demand only. */
    everyMinutes: integer(),
    token: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("product_feeds_token_key").on(t.token)],
);

/** The files a feed produced, newest kept (the last FEED_FILES_KEPT per feed). */
export const productFeedFiles = pgTable(
  "product_feed_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    feedId: uuid()
      .notNull()
      .references(() => productFeeds.id, { onDelete: "cascade" }),
    trigger: text().$type<"manual" | "schedule">().notNull(),
    items: integer().notNull(),
    bytes: integer().notNull(),
    durationMs: integer().notNull(),
    content: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("product_feed_files_feed_idx").on(t.feedId, t.createdAt)],
);
