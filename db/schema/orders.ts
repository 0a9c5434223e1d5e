import { sql } from "drizzle-orm";
import {
  bigint, bigserial, boolean, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { CALL_CENTER_STATUSES, ORDER_STATUSES, PAYMENT_METHODS } from "../../server/domain/orders/order-statuses";
import { users } from "./auth";
import { processors, shops } from "./shops";

export const orderStatus = pgEnum("order_status", ORDER_STATUSES);
export const callCenterStatus = pgEnum("call_center_status", CALL_CENTER_STATUSES);
export const paymentMethod = pgEnum("payment_method", PAYMENT_METHODS);
export const customerStatus = pgEnum("customer_status", ["active", "blocked"]);

export interface PostalAddress {
  country: string;
  state: string;
  city: string;
  zip: string;
  address: string;
  address2?: string;
}

/** A shop customer, identified by e-mail (stored trimmed and lower-cased). */
export const customers = pgTable(
  "customers",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    phone: text(),
    /** Every phone the customer has given, newest first. */
    phones: jsonb().$type<string[]>().notNull().default([]),
    billingAddress: jsonb().$type<PostalAddress>(),
    shippingAddress: jsonb().$type<PostalAddress>(),
    country: text(),
    status: customerStatus().notNull().default("active"),
    managerId: uuid().references(() => users.id, { onDelete: "set null" }),
    ordersCount: integer().notNull().default(0),
    totalUsdMinor: bigint({ mode: "number" }).notNull().default(0),
    firstOrderAt: timestamp({ withTimezone: true }),
    lastOrderAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customers_email_key").on(t.email),
    index("customers_manager_idx").on(t.managerId),
    index("customers_created_idx").on(t.createdAt),
    // The customers list: keyset pagination on (sort key, id) for every sortable column (the
    // joining date uses customers_created_idx above), the manager's own list, the blocked ones,
    // and prefix search. Search expressions use the "C" collation so a
    // plain btree serves `like 'term%'` (and the name sort) whatever the database's locale.
    index("customers_manager_created_idx").on(t.managerId, t.createdAt, t.id),
    index("customers_orders_count_idx").on(t.ordersCount, t.id),
    index("customers_total_usd_idx").on(t.totalUsdMinor, t.id),
    index("customers_sort_name_idx").on(sql`(lower(${t.lastName} || ' ' || ${t.firstName}) collate "C")`, t.id),
    index("customers_full_name_idx").on(sql`(lower(${t.firstName} || ' ' || ${t.lastName}) collate "C")`),
    index("customers_email_prefix_idx").on(sql`(${t.email} collate "C")`),
    index("customers_blocked_idx").on(t.createdAt, t.id).where(sql`${t.status} = 'blocked'`),
    index("customers_phone_digits_idx").on(sql`(regexp_replace(coalesce(${t.phone}, ''), '[^0-9]', '', 'g') collate "C")`),
  ],
);

export interface DeviceMetrics {
  userAgent?: string;
  screenWidth?: number;
  screenHeight?: number;
  screenAvailWidth?: number;
  screenAvailHeight?: number;
  screenColorDepth?: number;
  language?: string;
  timezone?: string;
}

export interface CouponInfo {
  code: string;
  type: "percentage" | "fixed";
}

export interface RefillReminder {
  period?: string;
  channel?: string;
}

export const orders = pgTable(
  "orders",
  {
    /** Public, unguessable id given to the shop ("ord_" + 128 random bits). */
    id: text().primaryKey(),
    /** A short sequential number for people ("#10234"). */
    number: bigserial({ mode: "number" }).notNull(),
    shopId: uuid()
      .notNull()
      .references(() => shops.id),
    shopOrderId: text().notNull(),
    shopDomain: text(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    status: orderStatus().notNull().default("pending"),
    callCenterStatus: callCenterStatus(),
    /** When the order last entered the Call Center status: the age of the inquiry. */
    callCenterAt: timestamp({ withTimezone: true }),
    /** The operator's last status change on it: the last contact attempt. */
    callCenterContactAt: timestamp({ withTimezone: true }),
    currency: text().notNull(),
    /** The shop's conversion coefficient from its base currency, kept as sent. */
    currencyCoef: numeric({ precision: 20, scale: 10 }),
    subtotalMinor: bigint({ mode: "number" }).notNull(),
    discountMinor: bigint({ mode: "number" }).notNull().default(0),
    shippingMinor: bigint({ mode: "number" }).notNull().default(0),
    insuranceMinor: bigint({ mode: "number" }).notNull().default(0),
    /** What the customer pays: items after discount + shipping + insurance. */
    totalMinor: bigint({ mode: "number" }).notNull(),
    usdPerUnit: numeric({ precision: 20, scale: 10 }).notNull(),
    totalUsdMinor: bigint({ mode: "number" }).notNull(),
    deliveryMethodId: integer(),
    insurance: boolean().notNull().default(false),
    coupon: jsonb().$type<CouponInfo>(),
    paymentMethod: paymentMethod().notNull(),
    processorId: uuid().references(() => processors.id),
    /** The processor's payment or invoice id. */
    paymentId: text(),
    /** The processor's transaction reference (ARN where given), so a chargeback finds its payment. */
    paymentReference: text(),
    cardBrand: text(),
    cardLast4: text(),
    /** PAN, expiry, holder and birthday sealed with AES-256-GCM; the CVV is never stored. */
    cardSealed: text(),
    shipperId: uuid(),
    trackingNumber: text(),
    customerFirstName: text().notNull(),
    customerLastName: text().notNull(),
    customerEmail: text().notNull(),
    customerPhone: text().notNull(),
    customerIp: text(),
    billingAddress: jsonb().$type<PostalAddress>().notNull(),
    shippingAddress: jsonb().$type<PostalAddress>().notNull(),
    country: text().notNull(),
    language: text(),
    locale: text(),
    campaign: text(),
    bonus: text(),
    refillReminder: jsonb().$type<RefillReminder>(),
    device: jsonb().$type<DeviceMetrics>(),
    deviceType: text(),
    customerBlocked: boolean().notNull().default(false),
    /**
     * The customer's manager, copied onto the order so a manager's (or a head's team's) scope is an
     * index range, not a join over every customer. Kept equal to customers.manager_id by triggers
     * (migration 0010): set on insert, rewritten when a customer is reassigned.
     */
    managerId: uuid(),
    /** sha256 of the order's content, to tell a retry from a conflicting duplicate. */
    requestHash: text().notNull(),
    paidAt: timestamp({ withTimezone: true }),
    shippedAt: timestamp({ withTimezone: true }),
    refundedAt: timestamp({ withTimezone: true }),
    chargebackAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("orders_shop_order_key").on(t.shopId, t.shopOrderId),
    uniqueIndex("orders_number_key").on(t.number),
    index("orders_customer_idx").on(t.customerId, t.createdAt),
    index("orders_manager_created_idx").on(t.managerId, t.createdAt, t.number),
    index("orders_manager_status_created_idx").on(t.managerId, t.status, t.createdAt, t.number),
    index("orders_call_center_idx").on(t.callCenterStatus).where(sql`${t.callCenterStatus} is not null`),
    // Keyset pagination of the orders list: (sort value, number) per status tab and overall.
    index("orders_status_created_number_idx").on(t.status, t.createdAt, t.number),
    index("orders_created_number_idx").on(t.createdAt, t.number),
    // "Sorted by amount": a page walks this index instead of sorting every order in range.
    index("orders_total_number_idx").on(t.totalUsdMinor, t.number),
    // The list's search: exact ids, and prefix ranges on e-mail, names and phone digits. "C"
    // collation makes a prefix a plain range, usable by generic (prepared) plans too. created_at
    // rides along so the newest match of a broad prefix is read from the index alone (the list
    // jumps there instead of sorting every match).
    index("orders_shop_order_id_idx").on(t.shopOrderId),
    index("orders_email_prefix_idx").using("btree", sql`(${t.customerEmail} collate "C")`, t.createdAt),
    index("orders_last_name_prefix_idx").using("btree", sql`(lower(${t.customerLastName}) collate "C")`, t.createdAt),
    index("orders_first_name_prefix_idx").using("btree", sql`(lower(${t.customerFirstName}) collate "C")`, t.createdAt),
    index("orders_phone_digits_idx").using("btree", sql`(regexp_replace(${t.customerPhone}, '\\D', '', 'g') collate "C")`, t.createdAt),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    productId: text(),
    sku: text().notNull(),
    name: text().notNull(),
    option: text(),
    optionValue: text(),
    bonus: text(),
    quantity: integer().notNull(),
    priceMinor: bigint({ mode: "number" }).notNull(),
    lineTotalMinor: bigint({ mode: "number" }).notNull(),
    url: text(),
    thumbnail: text(),
  },
  (t) => [index("order_items_order_idx").on(t.orderId), index("order_items_sku_idx").on(t.sku)],
);

export const orderEventType = pgEnum("order_event_type", [
  "created",
  "status_changed",
  "call_center_status_changed",
  "payment",
  "callback",
  "email",
  "shipment",
  "note",
  "error",
  "duplicate_rejected",
]);
export const actorType = pgEnum("actor_type", ["user", "shop", "processor", "shipper", "system"]);

/** Every change to an order, append-only: the timeline and the log on Order Details. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    type: orderEventType().notNull(),
    actorType: actorType().notNull(),
    actorId: text(),
    actorName: text(),
    fromStatus: text(),
    toStatus: text(),
    message: text(),
    data: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.id)],
);

export const ledgerKind = pgEnum("ledger_kind", ["sale", "processor_fee", "refund", "chargeback"]);

/** The balance, append-only: sale net of the processor's fee, minus refunds and chargebacks. */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id),
    kind: ledgerKind().notNull(),
    /** Signed, in the order's currency. */
    amountMinor: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    /** Signed, converted at the order's rate. */
    usdMinor: bigint({ mode: "number" }).notNull(),
    processorId: uuid().references(() => processors.id),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // One entry of each kind per order: a repeated callback or click cannot count money twice.
  (t) => [uniqueIndex("ledger_order_kind_key").on(t.orderId, t.kind), index("ledger_created_idx").on(t.createdAt)],
);

/** Idempotency-Key header of the shop API: the same key returns the same order. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    shopId: uuid()
      .notNull()
      .references(() => shops.id),
    key: text().notNull(),
    requestHash: text().notNull(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("idempotency_keys_pk").on(t.shopId, t.key)],
);

export const outboxStatus = pgEnum("outbox_status", ["pending", "done", "failed"]);

/**
 * Side effects (e-mails, shipper and processor calls) written in the same transaction as the
 * change that causes them; the worker of the e-mail issue delivers them with retries.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    topic: text().notNull(),
    orderId: text().references(() => orders.id, { onDelete: "cascade" }),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    /** A claimed row is leased: if its worker dies before finishing, the lease runs out and another worker takes it. */
    lockedUntil: timestamp({ withTimezone: true }),
    lockedBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("outbox_pending_idx").on(t.runAt).where(sql`${t.status} = 'pending'`), index("outbox_order_idx").on(t.orderId)],
);
