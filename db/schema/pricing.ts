import { bigint, boolean, date, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { priceTypes, regions } from "./b2b-reference";
import { brands, categories } from "./catalog";
import { companies, contracts, holdings } from "./companies";

export const DISCOUNT_TARGETS = ["category", "brand", "category_brand", "sku_list"] as const;
export const discountTarget = pgEnum("discount_target", DISCOUNT_TARGETS);

/**
 * An individual discount for a contract, company, holding or region (exactly one of them set, or
 * none for everyone) on a category (with its subtree), a brand, a category+brand, or a SKU list.
 * Conflicts are settled by the admin's rule (app setting "pricing.discountConflict": largest
 * wins, or the lowest `priority` wins).
 */
export const discountRules = pgTable(
  "discount_rules",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    contractId: uuid().references(() => contracts.id, { onDelete: "cascade" }),
    companyId: uuid().references(() => companies.id, { onDelete: "cascade" }),
    holdingId: uuid().references(() => holdings.id, { onDelete: "cascade" }),
    regionId: uuid().references(() => regions.id, { onDelete: "cascade" }),
    target: discountTarget().notNull(),
    categoryId: uuid().references(() => categories.id, { onDelete: "cascade" }),
    brandId: uuid().references(() => brands.id, { onDelete: "cascade" }),
    skus: jsonb().$type<string[]>().notNull().default([]),
    /** Percent off the base price, e.g. 7.5. */
    percent: numeric({ precision: 5, scale: 2 }).notNull(),
    priority: integer().notNull().default(100),
    validFrom: date({ mode: "string" }),
    validTo: date({ mode: "string" }),
    isActive: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("discount_rules_company_idx").on(t.companyId), index("discount_rules_holding_idx").on(t.holdingId), index("discount_rules_contract_idx").on(t.contractId)],
);

/**
 * Mass rules change prices of a slice of the catalog without touching base prices: e.g. +3 % for
 * line A of brand B in region C. Every condition left null matches anything.
 */
export const massRules = pgTable("mass_rules", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  brandId: uuid().references(() => brands.id, { onDelete: "cascade" }),
  line: text(),
  categoryId: uuid().references(() => categories.id, { onDelete: "cascade" }),
  regionId: uuid().references(() => regions.id, { onDelete: "cascade" }),
  /** Signed percent applied to the price after discounts: +3 raises, -5 lowers. */
  adjustPercent: numeric({ precision: 6, scale: 2 }).notNull(),
  validFrom: date({ mode: "string" }),
  validTo: date({ mode: "string" }),
  isActive: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Cart-total tiers: from this cart total on, the cart is priced at a cheaper price type. */
export const priceTiers = pgTable("price_tiers", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  /** Cart total at the buyer's base prices, in minor units of `currency`. */
  thresholdMinor: bigint({ mode: "number" }).notNull(),
  currency: text().notNull().default("RUB"),
  priceTypeId: uuid()
    .notNull()
    .references(() => priceTypes.id, { onDelete: "cascade" }),
  regionId: uuid().references(() => regions.id, { onDelete: "cascade" }),
  isActive: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
