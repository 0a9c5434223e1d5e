import { customType, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { suppliers } from "./suppliers";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Documents a supplier attaches to its application (charter, registration certificate, bank
 * letter). Kept in the database like B2B order documents: small (a few MB each), few per
 * supplier, and backed up with everything else — no separate file store to lose.
 */
export const supplierDocuments = pgTable(
  "supplier_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    supplierId: uuid()
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    content: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("supplier_documents_supplier_idx").on(t.supplierId)],
);

export const SUPPLIER_NEWS_KINDS = ["news", "promotion"] as const;
export const supplierNewsKind = pgEnum("supplier_news_kind", SUPPLIER_NEWS_KINDS);
export const SUPPLIER_NEWS_STATUSES = ["pending", "approved", "rejected"] as const;
export const supplierNewsStatus = pgEnum("supplier_news_status", SUPPLIER_NEWS_STATUSES);

/**
 * A supplier's news item or promotion. Buyers see it only after a content moderator approves
 * it, and a promotion only within its period; an edit sends it back to moderation.
 */
export const supplierNews = pgTable(
  "supplier_news",
  {
    id: uuid().primaryKey().defaultRandom(),
    supplierId: uuid()
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    kind: supplierNewsKind().notNull().default("news"),
    title: text().notNull(),
    body: text().notNull(),
    imageUrl: text(),
    startsOn: date({ mode: "string" }),
    endsOn: date({ mode: "string" }),
    status: supplierNewsStatus().notNull().default("pending"),
    moderatorComment: text(),
    reviewedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("supplier_news_supplier_idx").on(t.supplierId, t.createdAt), index("supplier_news_status_idx").on(t.status, t.createdAt)],
);
