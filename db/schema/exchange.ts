import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { EXCHANGE_CATEGORIES, EXCHANGE_ITEM_STATUSES, EXCHANGE_RUN_STATUSES } from "../../server/domain/exchange/exchange-categories";

export { EXCHANGE_CATEGORIES, EXCHANGE_ITEM_STATUSES, EXCHANGE_RUN_STATUSES };
export type { ExchangeCategory, ExchangeItemStatus, ExchangeRunStatus } from "../../server/domain/exchange/exchange-categories";
export const exchangeCategory = pgEnum("exchange_category", EXCHANGE_CATEGORIES);
export const exchangeRunStatus = pgEnum("exchange_run_status", EXCHANGE_RUN_STATUSES);
export const exchangeItemStatus = pgEnum("exchange_item_status", EXCHANGE_ITEM_STATUSES);

/**
 * One run of one category of the 1C exchange (an imported file's step, an orders export). Written
 * outside the import's transaction, so a failed import leaves its "error" run behind.
 */
export const exchangeRuns = pgTable(
  "exchange_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    category: exchangeCategory().notNull(),
    status: exchangeRunStatus().notNull().default("running"),
    fileName: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    /** Items read from the file (or exported). */
    itemsTotal: integer().notNull().default(0),
    itemsCreated: integer().notNull().default(0),
    itemsUpdated: integer().notNull().default(0),
    itemsFailed: integer().notNull().default(0),
    error: text(),
  },
  (t) => [index("exchange_runs_category_started_idx").on(t.category, t.startedAt), index("exchange_runs_started_idx").on(t.startedAt)],
);

/** The history of single items: a product, an offer, an order, a counterparty, with its error. */
export const exchangeRunItems = pgTable(
  "exchange_run_items",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    runId: uuid()
      .notNull()
      .references(() => exchangeRuns.id, { onDelete: "cascade" }),
    category: exchangeCategory().notNull(),
    /** "product", "offer", "order", "counterparty", "group", "property". */
    entity: text().notNull(),
    externalId: text(),
    label: text(),
    status: exchangeItemStatus().notNull(),
    message: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("exchange_run_items_run_idx").on(t.runId, t.id),
    index("exchange_run_items_filter_idx").on(t.category, t.status, t.id),
    index("exchange_run_items_external_idx").on(t.externalId),
  ],
);

/** How often each category is exchanged (e.g. stock every 10 minutes); the ERP side follows it. */
export const exchangeSchedules = pgTable("exchange_schedules", {
  category: exchangeCategory().primaryKey(),
  intervalMinutes: integer().notNull(),
  enabled: boolean().notNull().default(true),
  updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export interface ExchangeSessionState {
  /** Per uploaded file: how many import steps are done. */
  steps: Record<string, number>;
}

/** A CommerceML session opened by checkauth: the cookie's hash, its upload folder and progress. */
export const exchangeSessions = pgTable(
  "exchange_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull(),
    login: text().notNull(),
    state: jsonb().$type<ExchangeSessionState>().notNull().default({ steps: {} }),
    /** The moment the last sale `query` exported up to; `success` makes it the new mark. */
    ordersQueriedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("exchange_sessions_token_key").on(t.tokenHash)],
);
