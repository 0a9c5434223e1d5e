import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * Price types ("retail" … "big wholesale"), as 1C calls them. `rank` orders them from the dearest
 * (retail, 0) to the cheapest; prices of a type are stored in its currency.
 */
export const priceTypes = pgTable(
  "price_types",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    rank: integer().notNull().default(0),
    currency: text().notNull().default("RUB"),
    /** The type everyone without another gets. Exactly one should be the default. */
    isDefault: boolean().notNull().default(false),
    /** The ERP's id of this type (CommerceML ИдТипаЦены), for the exchange. */
    erpId: text(),
    isActive: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("price_types_code_key").on(t.code), uniqueIndex("price_types_erp_id_key").on(t.erpId)],
);

/** Sales regions: own price type, own warehouses, own managers' contacts. */
export const regions = pgTable(
  "regions",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    /** Regional price type: used when neither contract, company nor holding sets one. */
    priceTypeId: uuid().references((): AnyPgColumn => priceTypes.id, { onDelete: "set null" }),
    isDefault: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("regions_code_key").on(t.code)],
);

/** Warehouses; each serves one region (pick-up points and regional stock). */
export const warehouses = pgTable(
  "warehouses",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    regionId: uuid().references(() => regions.id, { onDelete: "set null" }),
    address: text(),
    erpId: text(),
    isActive: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("warehouses_code_key").on(t.code), index("warehouses_region_idx").on(t.regionId), uniqueIndex("warehouses_erp_id_key").on(t.erpId)],
);
