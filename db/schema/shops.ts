import { bigint, boolean, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, date } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** A storefront that submits orders through the shop API. The key is kept only as a hash. */
export const shops = pgTable(
  "shops",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    hostname: text().notNull(),
    apiId: text().notNull(),
    apiKeyHash: text().notNull(),
    /** The first characters of the key, so staff can tell which key a shop uses without seeing it. */
    apiKeyPrefix: text().notNull(),
    defaultCurrency: text().notNull().default("USD"),
    /** New customers of this shop are assigned to this manager. */
    defaultManagerId: uuid().references(() => users.id, { onDelete: "set null" }),
    isActive: boolean().notNull().default(true),
    keyRotatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("shops_api_id_key").on(t.apiId)],
);

/** USD value of one unit of a currency on a day; an order uses the rate of its day (or the last before). */
export const fxRates = pgTable(
  "fx_rates",
  {
    currency: text().notNull(),
    day: date({ mode: "string" }).notNull(),
    usdPerUnit: numeric({ precision: 20, scale: 10 }).notNull(),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.day] })],
);

/**
 * Payment processors: one row per merchant account at a gateway. `adapter` names the code that
 * talks to it (server/integrations/payments/); the router picks eligible rows by method,
 * currency, country, amount limits and volume caps, in `priority` order (lower first).
 */
export const processors = pgTable(
  "processors",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stable short name, also the callback path: POST /api/callbacks/<code>. */
    code: text().notNull(),
    name: text().notNull(),
    /**
     * Which adapter speaks to this processor ("sandbox"; real gateways add theirs). "manual": no
     * API — payments are taken outside the CRM and it only books the fee; never routed to.
     */
    adapter: text().notNull().default("manual"),
    /** Payment methods served: credit_card, paypal, crypto, echeck. */
    methods: jsonb().$type<string[]>().notNull().default(["credit_card"]),
    /** ISO currencies served; empty = any. */
    currencies: jsonb().$type<string[]>().notNull().default([]),
    /** ISO countries (of the billing address) served; empty = any. */
    countries: jsonb().$type<string[]>().notNull().default([]),
    /** Per-payment limits in US cents; null = no limit. */
    minAmountUsdMinor: bigint({ mode: "number" }),
    maxAmountUsdMinor: bigint({ mode: "number" }),
    /** Approved volume caps in US cents per UTC day / month; null = no cap. */
    dailyCapUsdMinor: bigint({ mode: "number" }),
    monthlyCapUsdMinor: bigint({ mode: "number" }),
    /** Lower is tried first. */
    priority: integer().notNull().default(100),
    /** Fee in hundredths of a percent (290 = 2.90 %). */
    feeBasisPoints: integer().notNull().default(0),
    /** Fixed fee per payment, in minor units of the order's currency. */
    feeFixedMinor: integer().notNull().default(0),
    isEnabled: boolean().notNull().default(true),
    /** Non-secret adapter settings (the gateway's base URL, our callback URL). */
    settings: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** API keys and the callback secret, JSON sealed with the secret box; never sent to a browser. */
    credentialsSealed: text(),
    /** Technical failures in a row; at `failureThreshold` the router switches the processor off. */
    consecutiveFailures: integer().notNull().default(0),
    failureThreshold: integer().notNull().default(5),
    /** Set when switched off automatically; cleared when an admin enables it again. */
    autoDisabledAt: timestamp({ withTimezone: true }),
    autoDisabledReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("processors_code_key").on(t.code), index("processors_enabled_idx").on(t.isEnabled)],
);
