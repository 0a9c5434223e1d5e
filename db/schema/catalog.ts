import { sql } from "drizzle-orm";
import {
  bigint, boolean, customType, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { suppliers } from "./suppliers";
import { priceTypes, warehouses } from "./b2b-reference";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const PRODUCT_STATUSES = ["draft", "on_moderation", "published", "rejected", "archived"] as const;
export const productStatus = pgEnum("product_status", PRODUCT_STATUSES);
export const PROPERTY_TYPES = ["enum", "number", "boolean", "text"] as const;
export const propertyType = pgEnum("property_type", PROPERTY_TYPES);
export const BADGES = ["new", "hit", "sale", "special_price"] as const;
export type Badge = (typeof BADGES)[number];

export const brands = pgTable(
  "brands",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    slug: text().notNull(),
    erpId: text(),
  },
  (t) => [uniqueIndex("brands_slug_key").on(t.slug)],
);

/** The category tree. `path` holds the ids from the root down ("/a/b/c/"), for subtree queries. */
export const categories = pgTable(
  "categories",
  {
    id: uuid().primaryKey().defaultRandom(),
    parentId: uuid().references((): AnyPgColumn => categories.id, { onDelete: "cascade" }),
    name: text().notNull(),
    slug: text().notNull(),
    path: text().notNull(),
    depth: integer().notNull().default(0),
    sort: integer().notNull().default(0),
    imageUrl: text(),
    erpId: text(),
  },
  (t) => [uniqueIndex("categories_slug_key").on(t.slug), index("categories_parent_idx").on(t.parentId, t.sort), uniqueIndex("categories_erp_id_key").on(t.erpId)],
);

/**
 * A product card. What is sold is a variant (1C "trade offer": every product has at least its
 * default one); prices and stock belong to variants.
 */
export const products = pgTable(
  "products",
  {
    id: uuid().primaryKey().defaultRandom(),
    sku: text().notNull(),
    name: text().notNull(),
    slug: text().notNull(),
    description: text(),
    brandId: uuid().references(() => brands.id, { onDelete: "set null" }),
    /** The producer's product line ("series"): mass price rules target a line of a brand. */
    line: text(),
    mainCategoryId: uuid().references(() => categories.id, { onDelete: "set null" }),
    /** Marketplace: the supplier who owns this product (null = the operator's own catalog). */
    supplierId: uuid().references(() => suppliers.id, { onDelete: "set null" }),
    status: productStatus().notNull().default("published"),
    badges: jsonb().$type<Badge[]>().notNull().default([]),
    /** Base unit of measure code ("pcs", "m", "kg"); other units are in product_units. */
    baseUnit: text().notNull().default("pcs"),
    ratingAvg: numeric({ precision: 3, scale: 2 }).notNull().default("0"),
    reviewsCount: integer().notNull().default(0),
    /** Units sold over all time: the "popular" sort. */
    salesCount: integer().notNull().default(0),
    barcode: text(),
    erpId: text(),
    /** SKU weighs most, then the name, then the brand and description; 'simple' keeps SKUs intact. */
    searchVector: tsvector().generatedAlwaysAs(
      (): ReturnType<typeof sql> =>
        sql`setweight(to_tsvector('simple', coalesce("sku", '')), 'A') || setweight(to_tsvector('russian', coalesce("name", '')), 'B') || setweight(to_tsvector('simple', coalesce("line", '')), 'C') || setweight(to_tsvector('russian', coalesce("description", '')), 'D')`,
    ),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_sku_key").on(t.sku),
    uniqueIndex("products_slug_key").on(t.slug),
    uniqueIndex("products_erp_id_key").on(t.erpId),
    index("products_brand_idx").on(t.brandId),
    index("products_supplier_idx").on(t.supplierId, t.status),
    index("products_search_idx").using("gin", t.searchVector),
    index("products_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
    index("products_sku_trgm_idx").using("gin", sql`lower(${t.sku}) gin_trgm_ops`),
  ],
);

/** A product may sit in several sections; rows exist for the sections and all their ancestors (isDirect marks the chosen ones). */
export const productCategories = pgTable(
  "product_categories",
  {
    categoryId: uuid()
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    isDirect: boolean().notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.productId] }), index("product_categories_product_idx").on(t.productId)],
);

/** What is actually sold: a trade offer of a product (size, colour …); the default one has the product's SKU. */
export const productVariants = pgTable(
  "product_variants",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sku: text().notNull(),
    name: text().notNull(),
    /** The options that tell it from its siblings, e.g. { "Цвет": "белый" }. */
    options: jsonb().$type<Record<string, string>>().notNull().default({}),
    isDefault: boolean().notNull().default(false),
    sort: integer().notNull().default(0),
    erpId: text(),
  },
  (t) => [uniqueIndex("product_variants_sku_key").on(t.sku), index("product_variants_product_idx").on(t.productId, t.sort), uniqueIndex("product_variants_erp_id_key").on(t.erpId)],
);

/** Units a product is sold in: `ratio` base units each, with the minimum and the multiple to order. */
export const productUnits = pgTable(
  "product_units",
  {
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    unit: text().notNull(),
    ratio: numeric({ precision: 14, scale: 4 }).notNull().default("1"),
    minQty: numeric({ precision: 14, scale: 4 }).notNull().default("1"),
    multiple: numeric({ precision: 14, scale: 4 }).notNull().default("1"),
    isDefault: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.productId, t.unit] })],
);

/** Base prices per variant and price type, in minor units of the type's currency (per base unit). */
export const prices = pgTable(
  "prices",
  {
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    priceTypeId: uuid()
      .notNull()
      .references(() => priceTypes.id, { onDelete: "cascade" }),
    amountMinor: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.priceTypeId, t.variantId] }), index("prices_variant_idx").on(t.variantId)],
);

export const stock = pgTable(
  "stock",
  {
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    warehouseId: uuid()
      .notNull()
      .references(() => warehouses.id, { onDelete: "cascade" }),
    quantity: numeric({ precision: 14, scale: 4 }).notNull().default("0"),
    /** Held by placed orders (reserve), not yet shipped. */
    reserved: numeric({ precision: 14, scale: 4 }).notNull().default("0"),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.variantId, t.warehouseId] }), index("stock_warehouse_idx").on(t.warehouseId)],
);

/** Kinds of properties (a catalog has 1000+); `isFilterable` ones become facets. */
export const propertyKinds = pgTable(
  "property_kinds",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    type: propertyType().notNull().default("enum"),
    unit: text(),
    isFilterable: boolean().notNull().default(true),
    sort: integer().notNull().default(0),
    erpId: text(),
  },
  (t) => [uniqueIndex("property_kinds_code_key").on(t.code), uniqueIndex("property_kinds_erp_id_key").on(t.erpId)],
);

/** The options of an enum property (facet values). */
export const propertyValues = pgTable(
  "property_values",
  {
    id: uuid().primaryKey().defaultRandom(),
    kindId: uuid()
      .notNull()
      .references(() => propertyKinds.id, { onDelete: "cascade" }),
    value: text().notNull(),
    sort: integer().notNull().default(0),
    erpId: text(),
  },
  (t) => [uniqueIndex("property_values_kind_value_key").on(t.kindId, t.value), index("property_values_erp_id_idx").on(t.erpId)],
);

/** One property of a product: an enum option, a number, a flag or a text. */
export const productProperties = pgTable(
  "product_properties",
  {
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    kindId: uuid()
      .notNull()
      .references(() => propertyKinds.id, { onDelete: "cascade" }),
    valueId: uuid().references(() => propertyValues.id, { onDelete: "cascade" }),
    numberValue: numeric({ precision: 18, scale: 4 }),
    boolValue: boolean(),
    textValue: text(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.kindId] }),
    index("product_properties_value_idx").on(t.valueId, t.productId),
    index("product_properties_number_idx").on(t.kindId, t.numberValue),
  ],
);

export const productImages = pgTable(
  "product_images",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    url: text().notNull(),
    alt: text(),
    sort: integer().notNull().default(0),
  },
  (t) => [index("product_images_product_idx").on(t.productId, t.sort)],
);

/** Downloadable documents (certificates, manuals), each linked to many products. */
export const catalogDocuments = pgTable("catalog_documents", {
  id: uuid().primaryKey().defaultRandom(),
  title: text().notNull(),
  kind: text().notNull().default("certificate"),
  fileName: text().notNull(),
  /** Key in the file storage (server/storage). */
  storageKey: text().notNull(),
  contentType: text().notNull().default("application/pdf"),
  sizeBytes: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const productDocuments = pgTable(
  "product_documents",
  {
    documentId: uuid()
      .notNull()
      .references(() => catalogDocuments.id, { onDelete: "cascade" }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.productId] }), index("product_documents_product_idx").on(t.productId)],
);

/** "Recommended with this product" (the card's slider). */
export const productRelations = pgTable(
  "product_relations",
  {
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    relatedId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sort: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.productId, t.relatedId] })],
);

export const favorites = pgTable(
  "favorites",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.productId] })],
);

export const REVIEW_STATUSES = ["published", "hidden"] as const;
export const reviewStatus = pgEnum("review_status", REVIEW_STATUSES);

export const reviews = pgTable(
  "reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rating: integer().notNull(),
    text: text(),
    status: reviewStatus().notNull().default("published"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("reviews_product_user_key").on(t.productId, t.userId), index("reviews_product_idx").on(t.productId, t.createdAt)],
);
