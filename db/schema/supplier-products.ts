import { boolean, index, jsonb, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { products } from "./catalog";
import { suppliers } from "./suppliers";

/** One property as a supplier proposes it: exactly one of the value fields is set, by the kind's type. */
export interface ProposedProperty {
  kindId: string;
  valueId?: string | null;
  numberValue?: string | null;
  boolValue?: boolean | null;
  textValue?: string | null;
}

/** The content of a product that goes through moderation (prices and stock do not). */
export interface ProductContent {
  name: string;
  description: string | null;
  brandId: string | null;
  categoryId: string;
  properties: ProposedProperty[];
  images: Array<{ url: string; alt: string | null }>;
}

export const REVISION_KINDS = ["create", "update"] as const;
export const revisionKind = pgEnum("product_revision_kind", REVISION_KINDS);
export const REVISION_STATUSES = ["pending", "approved", "rejected"] as const;
export const revisionStatus = pgEnum("product_revision_status", REVISION_STATUSES);

/**
 * A supplier's proposed content of a product, waiting for a content moderator. The published
 * product stays as buyers see it until the revision is approved; at most one pending revision
 * per product (a new edit replaces the pending one).
 */
export const productRevisions = pgTable(
  "product_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    supplierId: uuid()
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    kind: revisionKind().notNull(),
    status: revisionStatus().notNull().default("pending"),
    proposed: jsonb().$type<ProductContent>().notNull(),
    /** The content buyers saw when the revision was decided (null for a new product): the diff stays readable afterwards. */
    previous: jsonb().$type<ProductContent>(),
    comment: text(),
    submittedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("product_revisions_one_pending_key").on(t.productId).where(sql`${t.status} = 'pending'`),
    index("product_revisions_queue_idx").on(t.status, t.createdAt),
    index("product_revisions_product_idx").on(t.productId, t.createdAt),
  ],
);

/** The supplier's default low-stock threshold (null: no alerts unless a product sets its own). */
export const supplierStockSettings = pgTable("supplier_stock_settings", {
  supplierId: uuid()
    .primaryKey()
    .references(() => suppliers.id, { onDelete: "cascade" }),
  defaultLowStockThreshold: numeric({ precision: 14, scale: 4 }),
});

/**
 * Per product: its own threshold and whether it is currently below it, so the alert goes out
 * once per crossing (set when it falls to/below, cleared when it rises above).
 */
export const productStockAlerts = pgTable("product_stock_alerts", {
  productId: uuid()
    .primaryKey()
    .references(() => products.id, { onDelete: "cascade" }),
  lowStockThreshold: numeric({ precision: 14, scale: 4 }),
  isLow: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
