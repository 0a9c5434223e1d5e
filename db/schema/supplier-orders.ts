import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { b2bOrderLines, b2bOrders } from "./b2b-ordering";
import { categories, products } from "./catalog";
import { companies } from "./companies";
import { suppliers } from "./suppliers";

/**
 * The marketplace side of a B2B order: the lines of one supplier's products form that supplier's
 * part of the order. The supplier confirms or rejects it and ships it; the operator keeps a
 * commission, snapshotted per line at checkout, and pays the rest out in monthly statements.
 */

export const SUPPLIER_PART_STATUSES = ["new", "confirmed", "rejected", "shipped", "delivered"] as const;
export const supplierPartStatus = pgEnum("supplier_part_status", SUPPLIER_PART_STATUSES);

export const supplierOrderParts = pgTable(
  "supplier_order_parts",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The order number with the supplier's index: "B2B-1042/S1". */
    number: text().notNull(),
    b2bOrderId: uuid()
      .notNull()
      .references(() => b2bOrders.id, { onDelete: "cascade" }),
    supplierId: uuid()
      .notNull()
      .references(() => suppliers.id, { onDelete: "restrict" }),
    /** The buyer's company (denormalised from the order for the supplier's list and search). */
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: "restrict" }),
    status: supplierPartStatus().notNull().default("new"),
    currency: text().notNull(),
    totalMinor: bigint({ mode: "number" }).notNull(),
    /** Sum of the lines' commission snapshots. */
    commissionMinor: bigint({ mode: "number" }).notNull(),
    rejectReason: text(),
    carrier: text(),
    trackingNumber: text(),
    confirmedAt: timestamp({ withTimezone: true }),
    rejectedAt: timestamp({ withTimezone: true }),
    shippedAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("supplier_order_parts_order_supplier_key").on(t.b2bOrderId, t.supplierId),
    uniqueIndex("supplier_order_parts_number_key").on(t.number),
    index("supplier_order_parts_supplier_idx").on(t.supplierId, t.status, t.createdAt),
    index("supplier_order_parts_delivered_idx").on(t.supplierId, t.deliveredAt),
  ],
);

/** A line of a supplier part: the order line plus its commission snapshot (rate and amount). */
export const supplierOrderPartLines = pgTable(
  "supplier_order_part_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    partId: uuid()
      .notNull()
      .references(() => supplierOrderParts.id, { onDelete: "cascade" }),
    orderLineId: uuid()
      .notNull()
      .references(() => b2bOrderLines.id, { onDelete: "cascade" }),
    productId: uuid().references(() => products.id, { onDelete: "set null" }),
    sku: text().notNull(),
    name: text().notNull(),
    unit: text().notNull(),
    quantity: numeric({ precision: 14, scale: 4 }).notNull(),
    unitMinor: bigint({ mode: "number" }).notNull(),
    lineTotalMinor: bigint({ mode: "number" }).notNull(),
    /** Commission rate in basis points (1 % = 100) at checkout, and which rule gave it. */
    commissionBp: integer().notNull(),
    commissionRuleId: uuid(),
    commissionMinor: bigint({ mode: "number" }).notNull(),
  },
  (t) => [index("supplier_order_part_lines_part_idx").on(t.partId)],
);

/** Shipment documents (waybill, UPD …) the supplier uploads when shipping; bytes live in file storage. */
export const supplierPartDocuments = pgTable(
  "supplier_part_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    partId: uuid()
      .notNull()
      .references(() => supplierOrderParts.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    storageKey: text().notNull(),
    sizeBytes: integer().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("supplier_part_documents_part_idx").on(t.partId)],
);

/**
 * Commission rules: one per supplier, one per category, and one default (neither). A supplier's
 * rule beats a category's (the nearest ancestor of the product's main category), which beats the default.
 */
export const commissionRules = pgTable(
  "commission_rules",
  {
    id: uuid().primaryKey().defaultRandom(),
    supplierId: uuid().references(() => suppliers.id, { onDelete: "cascade" }),
    categoryId: uuid().references(() => categories.id, { onDelete: "cascade" }),
    /** Basis points: 1 % = 100, so 12.5 % = 1250 — integer, never a float. */
    percentBp: integer().notNull(),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("commission_rules_supplier_key").on(t.supplierId).where(sql`${t.supplierId} is not null`),
    uniqueIndex("commission_rules_category_key").on(t.categoryId).where(sql`${t.categoryId} is not null`),
    uniqueIndex("commission_rules_default_key").on(sql`(true)`).where(sql`${t.supplierId} is null and ${t.categoryId} is null`),
    check("commission_rules_one_target", sql`not (${t.supplierId} is not null and ${t.categoryId} is not null)`),
    check("commission_rules_percent", sql`${t.percentBp} between 0 and 10000`),
  ],
);

export const PAYOUT_STATUSES = ["pending", "paid"] as const;
export const payoutStatus = pgEnum("supplier_payout_status", PAYOUT_STATUSES);

/** A supplier's monthly statement: the parts delivered in the month, the commission and the payout due. */
export const supplierStatements = pgTable(
  "supplier_statements",
  {
    id: uuid().primaryKey().defaultRandom(),
    supplierId: uuid()
      .notNull()
      .references(() => suppliers.id, { onDelete: "restrict" }),
    /** First day of the month. */
    periodStart: date({ mode: "string" }).notNull(),
    currency: text().notNull(),
    partsCount: integer().notNull(),
    salesMinor: bigint({ mode: "number" }).notNull(),
    commissionMinor: bigint({ mode: "number" }).notNull(),
    payoutMinor: bigint({ mode: "number" }).notNull(),
    payoutStatus: payoutStatus().notNull().default("pending"),
    paidAt: date({ mode: "string" }),
    paymentReference: text(),
    paidBy: uuid().references(() => users.id, { onDelete: "set null" }),
    generatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("supplier_statements_period_key").on(t.supplierId, t.periodStart, t.currency), index("supplier_statements_status_idx").on(t.payoutStatus, t.periodStart)],
);

export const supplierStatementRows = pgTable(
  "supplier_statement_rows",
  {
    id: uuid().primaryKey().defaultRandom(),
    statementId: uuid()
      .notNull()
      .references(() => supplierStatements.id, { onDelete: "cascade" }),
    partId: uuid().references(() => supplierOrderParts.id, { onDelete: "set null" }),
    partNumber: text().notNull(),
    companyName: text().notNull(),
    deliveredAt: timestamp({ withTimezone: true }).notNull(),
    salesMinor: bigint({ mode: "number" }).notNull(),
    commissionMinor: bigint({ mode: "number" }).notNull(),
    payoutMinor: bigint({ mode: "number" }).notNull(),
  },
  (t) => [index("supplier_statement_rows_statement_idx").on(t.statementId)],
);
