import { sql } from "drizzle-orm";
import {
  bigint, boolean, customType, date, index, integer, jsonb, numeric, pgEnum, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { warehouses } from "./b2b-reference";
import { productVariants } from "./catalog";
import { companies } from "./companies";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * B2B ordering: named carts, company credit, B2B orders with their own status flow, stock
 * reservations, shipments and documents. Shop orders (orders.ts) are a different channel with a
 * different life; the staff Orders list shows both with a channel column.
 */

/** A buyer's named cart; several per buyer, exactly one active. Carts follow the buyer, not the company (prices do). */
export const CART_STATUSES = ["open", "saved", "ordered"] as const;
export const cartStatus = pgEnum("cart_status", CART_STATUSES);

export const carts = pgTable(
  "carts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** open: being filled; saved: put aside to restore later; ordered: turned into an order. */
    status: cartStatus().notNull().default("open"),
    isActive: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("carts_user_idx").on(t.userId, t.updatedAt), uniqueIndex("carts_one_active_key").on(t.userId).where(sql`${t.isActive}`)],
);

/** A cart line keeps the price it was added at, so a changed price can be shown struck through. */
export const cartLines = pgTable(
  "cart_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    cartId: uuid()
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    unit: text().notNull(),
    quantity: numeric({ precision: 14, scale: 4 }).notNull(),
    /** Unit price when added (minor units of `addedCurrency`). */
    addedUnitMinor: bigint({ mode: "number" }),
    addedCurrency: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("cart_lines_cart_variant_unit_key").on(t.cartId, t.variantId, t.unit)],
);

/** The company's address book of consignees (1C "адреса отгрузки"). */
export const companyAddresses = pgTable(
  "company_addresses",
  {
    id: uuid().primaryKey().defaultRandom(),
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    consignee: text().notNull(),
    address: text().notNull(),
    contactName: text(),
    phone: text(),
    isDefault: boolean().notNull().default(false),
    erpId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("company_addresses_company_idx").on(t.companyId)],
);

export interface PaymentScheduleEntry {
  dueDate: string;
  amountMinor: number;
  note?: string;
}

/** The company's finances as the ERP reports them: credit limit, debt, overdue, schedule, bonuses. */
export const companyBalances = pgTable("company_balances", {
  companyId: uuid()
    .primaryKey()
    .references(() => companies.id, { onDelete: "cascade" }),
  currency: text().notNull().default("RUB"),
  /** Null: no credit line (prepayment): no limit check. */
  creditLimitMinor: bigint({ mode: "number" }),
  debtMinor: bigint({ mode: "number" }).notNull().default(0),
  overdueDebtMinor: bigint({ mode: "number" }).notNull().default(0),
  daysOverdue: integer().notNull().default(0),
  bonusesMinor: bigint({ mode: "number" }).notNull().default(0),
  paymentSchedule: jsonb().$type<PaymentScheduleEntry[]>().notNull().default([]),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const B2B_ORDER_STATUSES = ["new", "confirmed", "assembling", "shipped", "delivered", "cancelled"] as const;
export const b2bOrderStatus = pgEnum("b2b_order_status", B2B_ORDER_STATUSES);
export const B2B_ORDER_SOURCES = ["online", "offline"] as const;
export const b2bOrderSource = pgEnum("b2b_order_source", B2B_ORDER_SOURCES);
export const DELIVERY_METHODS = ["pickup", "delivery"] as const;
export const deliveryMethod = pgEnum("b2b_delivery_method", DELIVERY_METHODS);
export const B2B_AVAILABILITY = ["in_stock", "later"] as const;
export const b2bAvailability = pgEnum("b2b_availability", B2B_AVAILABILITY);

export const b2bOrderNumberSeq = pgSequence("b2b_order_number_seq", { startWith: 1001 });

export const b2bOrders = pgTable(
  "b2b_orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull(),
    /** Orders placed in one checkout (the in-stock part and the later part) share it. */
    checkoutId: uuid(),
    availability: b2bAvailability().notNull().default("in_stock"),
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: "restrict" }),
    buyerId: uuid().references(() => users.id, { onDelete: "set null" }),
    status: b2bOrderStatus().notNull().default("new"),
    source: b2bOrderSource().notNull().default("online"),
    deliveryMethod: deliveryMethod().notNull().default("pickup"),
    addressId: uuid().references(() => companyAddresses.id, { onDelete: "set null" }),
    /** Snapshot of the consignee and address at order time. */
    consignee: text(),
    address: text(),
    shipmentDate: date({ mode: "string" }),
    warehouseId: uuid().references(() => warehouses.id, { onDelete: "set null" }),
    currency: text().notNull(),
    totalMinor: bigint({ mode: "number" }).notNull(),
    /** VAT included in the total (20 % by default). */
    vatMinor: bigint({ mode: "number" }).notNull().default(0),
    comment: text(),
    erpId: text(),
    reservedUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("b2b_orders_number_key").on(t.number),
    uniqueIndex("b2b_orders_erp_id_key").on(t.erpId),
    index("b2b_orders_company_idx").on(t.companyId, t.createdAt),
    index("b2b_orders_status_idx").on(t.status, t.createdAt),
    index("b2b_orders_checkout_idx").on(t.checkoutId),
  ],
);

export const b2bOrderLines = pgTable(
  "b2b_order_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => b2bOrders.id, { onDelete: "cascade" }),
    variantId: uuid().references(() => productVariants.id, { onDelete: "set null" }),
    sku: text().notNull(),
    name: text().notNull(),
    unit: text().notNull(),
    /** Base units per `unit`, at order time. */
    ratio: numeric({ precision: 14, scale: 4 }).notNull().default("1"),
    quantity: numeric({ precision: 14, scale: 4 }).notNull(),
    unitMinor: bigint({ mode: "number" }).notNull(),
    lineTotalMinor: bigint({ mode: "number" }).notNull(),
    sort: integer().notNull().default(0),
  },
  (t) => [index("b2b_order_lines_order_idx").on(t.orderId, t.sort)],
);

/** Who changed a B2B order and how (the order's timeline). */
export const b2bOrderEvents = pgTable(
  "b2b_order_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => b2bOrders.id, { onDelete: "cascade" }),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    kind: text().notNull(),
    fromStatus: text(),
    toStatus: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("b2b_order_events_order_idx").on(t.orderId, t.createdAt)],
);

/** Stock held for an order line at a warehouse until `expiresAt` (base units); released on expiry, cancel or shipment. */
export const stockReservations = pgTable(
  "stock_reservations",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => b2bOrders.id, { onDelete: "cascade" }),
    orderLineId: uuid().references(() => b2bOrderLines.id, { onDelete: "cascade" }),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    warehouseId: uuid()
      .notNull()
      .references(() => warehouses.id, { onDelete: "cascade" }),
    quantity: numeric({ precision: 14, scale: 4 }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    releasedAt: timestamp({ withTimezone: true }),
    releaseReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stock_reservations_order_idx").on(t.orderId), index("stock_reservations_open_idx").on(t.expiresAt).where(sql`${t.releasedAt} is null`)],
);

export const SHIPMENT_STATUSES = ["planned", "assembling", "shipped", "delivered", "cancelled"] as const;
export const b2bShipmentStatus = pgEnum("b2b_shipment_status", SHIPMENT_STATUSES);

export const b2bShipments = pgTable(
  "b2b_shipments",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => b2bOrders.id, { onDelete: "cascade" }),
    number: text().notNull(),
    status: b2bShipmentStatus().notNull().default("planned"),
    warehouseId: uuid().references(() => warehouses.id, { onDelete: "set null" }),
    plannedDate: date({ mode: "string" }),
    shippedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("b2b_shipments_order_idx").on(t.orderId)],
);

export const b2bShipmentLines = pgTable(
  "b2b_shipment_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    shipmentId: uuid()
      .notNull()
      .references(() => b2bShipments.id, { onDelete: "cascade" }),
    orderLineId: uuid()
      .notNull()
      .references(() => b2bOrderLines.id, { onDelete: "cascade" }),
    quantity: numeric({ precision: 14, scale: 4 }).notNull(),
  },
  (t) => [index("b2b_shipment_lines_shipment_idx").on(t.shipmentId)],
);

export const ORDER_DOCUMENT_KINDS = ["invoice", "waybill", "upd", "vat_invoice", "contract", "other"] as const;
export const orderDocumentKind = pgEnum("b2b_document_kind", ORDER_DOCUMENT_KINDS);
export const DOCUMENT_SOURCES = ["generated", "staff", "imported"] as const;
export const documentSource = pgEnum("b2b_document_source", DOCUMENT_SOURCES);

/** A document of an order or of one of its shipments: a generated invoice, a waybill a manager attached, a UPD from the ERP. */
export const b2bOrderDocuments = pgTable(
  "b2b_order_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => b2bOrders.id, { onDelete: "cascade" }),
    shipmentId: uuid().references(() => b2bShipments.id, { onDelete: "cascade" }),
    kind: orderDocumentKind().notNull(),
    number: text(),
    fileName: text().notNull(),
    contentType: text().notNull().default("application/pdf"),
    content: bytea().notNull(),
    sizeBytes: integer().notNull().default(0),
    source: documentSource().notNull().default("generated"),
    uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("b2b_order_documents_order_idx").on(t.orderId, t.createdAt)],
);

/** A buyer's request for a reconciliation act over a period; the manager prepares it in the ERP. */
export const reconciliationRequests = pgTable(
  "reconciliation_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    periodFrom: date({ mode: "string" }).notNull(),
    periodTo: date({ mode: "string" }).notNull(),
    status: text().notNull().default("requested"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("reconciliation_requests_company_idx").on(t.companyId, t.createdAt)],
);
