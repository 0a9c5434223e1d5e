import { bigint, customType, index, integer, jsonb, numeric, pgEnum, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { b2bOrderLines, b2bOrders, carts } from "./b2b-ordering";
import { productVariants } from "./catalog";
import { companies } from "./companies";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * "Log in as this client": a staff user works in a buyer's cabinet through a session of the
 * buyer's own, which this row ties to the real staff user and to the staff session to return to.
 */
export const impersonations = pgTable(
  "impersonations",
  {
    id: uuid().primaryKey().defaultRandom(),
    staffUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    staffSessionId: text().notNull(),
    buyerUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The buyer-side session row (user_sessions.id) the staff user browses with. */
    buyerSessionId: text().notNull(),
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("impersonations_buyer_session_key").on(t.buyerSessionId), index("impersonations_staff_idx").on(t.staffUserId, t.startedAt)],
);

export const QUOTE_STATUSES = ["requested", "sent", "accepted", "declined", "expired"] as const;
export const quoteStatus = pgEnum("quote_status", QUOTE_STATUSES);
export const quoteNumberSeq = pgSequence("quote_number_seq", { startWith: 101 });

/** A commercial offer: requested by a buyer from a cart (or drafted by a manager logged in as the client), priced and sent by the manager. */
export const quotes = pgTable(
  "quotes",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull(),
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    buyerId: uuid().references(() => users.id, { onDelete: "set null" }),
    managerId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The staff user who made the request while logged in as the client, if any. */
    createdByStaffId: uuid().references(() => users.id, { onDelete: "set null" }),
    cartId: uuid().references(() => carts.id, { onDelete: "set null" }),
    status: quoteStatus().notNull().default("requested"),
    buyerComment: text(),
    terms: text(),
    validUntil: timestamp({ withTimezone: true }),
    currency: text().notNull(),
    totalMinor: bigint({ mode: "number" }).notNull().default(0),
    orderId: uuid().references(() => b2bOrders.id, { onDelete: "set null" }),
    sentAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("quotes_number_key").on(t.number), index("quotes_company_idx").on(t.companyId, t.createdAt), index("quotes_status_idx").on(t.status, t.createdAt)],
);

export const quoteLines = pgTable(
  "quote_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    quoteId: uuid()
      .notNull()
      .references(() => quotes.id, { onDelete: "cascade" }),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: "restrict" }),
    sku: text().notNull(),
    name: text().notNull(),
    unit: text().notNull(),
    quantity: numeric({ precision: 14, scale: 4 }).notNull(),
    unitMinor: bigint({ mode: "number" }).notNull(),
    lineTotalMinor: bigint({ mode: "number" }).notNull(),
    sort: integer().notNull().default(0),
  },
  (t) => [index("quote_lines_quote_idx").on(t.quoteId, t.sort)],
);

export const CLAIM_KINDS = ["claim", "return"] as const;
export const claimKind = pgEnum("claim_kind", CLAIM_KINDS);
export const CLAIM_STATUSES = ["new", "in_work", "under_review", "closed"] as const;
export const claimStatus = pgEnum("claim_status", CLAIM_STATUSES);
export const claimNumberSeq = pgSequence("claim_number_seq", { startWith: 101 });

/** A buyer's claim (рекламация) or return request on one of the company's B2B orders. */
export const claims = pgTable(
  "claims",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull(),
    kind: claimKind().notNull(),
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    orderId: uuid()
      .notNull()
      .references(() => b2bOrders.id, { onDelete: "cascade" }),
    buyerId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdByStaffId: uuid().references(() => users.id, { onDelete: "set null" }),
    reason: text().notNull(),
    description: text(),
    status: claimStatus().notNull().default("new"),
    resolution: text(),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("claims_number_key").on(t.number), index("claims_company_idx").on(t.companyId, t.createdAt), index("claims_status_idx").on(t.status, t.createdAt)],
);

export const claimLines = pgTable(
  "claim_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    claimId: uuid()
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    orderLineId: uuid()
      .notNull()
      .references(() => b2bOrderLines.id, { onDelete: "cascade" }),
    quantity: numeric({ precision: 14, scale: 4 }).notNull(),
  },
  (t) => [index("claim_lines_claim_idx").on(t.claimId)],
);

/** The thread of a claim: comments of both sides and status changes. */
export const claimMessages = pgTable(
  "claim_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    claimId: uuid()
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    side: text().$type<"buyer" | "staff">().notNull(),
    body: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("claim_messages_claim_idx").on(t.claimId, t.createdAt)],
);

/** Photos and documents attached to a claim; stored in the database like order documents. */
export const claimFiles = pgTable(
  "claim_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    claimId: uuid()
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    content: bytea().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("claim_files_claim_idx").on(t.claimId)],
);

export type Quote = typeof quotes.$inferSelect;
export type QuoteLine = typeof quoteLines.$inferSelect;
export type Claim = typeof claims.$inferSelect;
