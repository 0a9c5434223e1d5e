import { boolean, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import type { BankDetails } from "./companies";

export const SUPPLIER_STATUSES = ["pending", "approved", "rejected", "blocked"] as const;
export const supplierStatus = pgEnum("supplier_status", SUPPLIER_STATUSES);

/**
 * A marketplace supplier: a legal entity with its requisites. It applies (pending), an admin
 * approves or rejects it; only an approved supplier's members reach the supplier cabinet.
 * Products belong to the supplier (products.supplierId), not to one of its users.
 */
export const suppliers = pgTable(
  "suppliers",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** 10 digits for organisations, 12 for individual entrepreneurs; checksums validated. */
    inn: text().notNull(),
    kpp: text(),
    ogrn: text(),
    legalAddress: text(),
    postalAddress: text(),
    bank: jsonb().$type<BankDetails>(),
    contactName: text(),
    contactEmail: text(),
    contactPhone: text(),
    website: text(),
    description: text(),
    status: supplierStatus().notNull().default("pending"),
    /** Why an application was rejected or a supplier blocked; shown to the supplier. */
    reason: text(),
    reviewedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("suppliers_inn_kpp_key").on(t.inn, t.kpp), index("suppliers_status_idx").on(t.status, t.createdAt)],
);

/**
 * Who works for a supplier. A user may belong to a supplier and also be a buyer of companies:
 * such a user switches between the buyer and the supplier cabinet from the menu.
 */
export const supplierMembers = pgTable(
  "supplier_members",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    supplierId: uuid()
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    isOwner: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.supplierId] }), index("supplier_members_supplier_idx").on(t.supplierId)],
);
