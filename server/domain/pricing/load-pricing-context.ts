import { and, asc, desc, eq, gte, isNull, lte, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  appSettings, brands, buyerProfiles, categories, companies, contracts, discountRules, fxRates, holdings, massRules, prices, priceTiers, priceTypes,
  productCategories, products, productUnits, productVariants, regions,
} from "@/db/schema";
import { dayOf } from "../money/fx-rates";
import { DISCOUNT_CONFLICT_RULES, type DiscountConflictRule, type PricingContext, type ProductFacts } from "./context-types";

/**
 * Everything the pure resolver needs, in a handful of batched queries: the company side
 * (company, holding, region, default contract, rules valid on the day, tiers, conflict rule,
 * exchange rates) and the product side (variants, categories with ancestors, prices, units).
 */

export const CONFLICT_SETTING_KEY = "pricing.discountConflict";

/** `column = any('{…}'::uuid[])` with ONE text parameter: the statement text stays the same for any list length (prepared once). */
export function anyUuid(column: AnyColumn, ids: readonly string[]): SQL {
  return sql`${column} = any(string_to_array(${ids.join(",")}, ',')::uuid[])`;
}

function anyText(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} = any(string_to_array(${values.join("\u001f")}, chr(31)))`;
}

export async function getDiscountConflictRule(db: Db): Promise<DiscountConflictRule> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, CONFLICT_SETTING_KEY)).limit(1);
  const value = row?.value;
  return (DISCOUNT_CONFLICT_RULES as readonly unknown[]).includes(value) ? (value as DiscountConflictRule) : "largest";
}

export function todayForPricing(): string {
  return dayOf(new Date());
}

const valid = (from: AnyColumn, to: AnyColumn, day: string) => and(or(isNull(from), lte(from, day)), or(isNull(to), gte(to, day)));

export interface LoadedContext {
  context: PricingContext;
  /** The contract's currency, the natural display currency for the company. */
  contractCurrency: string | null;
}

/** Who is priced: company, holding, region, contract valid on the day, the price types — what chooses the base price type. */
export type PricingParties = Pick<PricingContext, "day" | "company" | "contract" | "holding" | "region" | "priceTypes" | "personal"> & {
  /** The contract's currency, the natural display currency for the company. */
  contractCurrency: string | null;
};

/**
 * The parties of a company (null = no company: the default region's public prices), in two
 * round trips. `personal` false is client access level 1. The catalog uses it alone (for the
 * "price" sort's base type); loadPricingContext adds the rules.
 */
export async function loadPricingParties(db: Db, companyId: string | null, options: { day?: string; personal?: boolean } = {}): Promise<PricingParties> {
  const day = options.day ?? todayForPricing();
  const [companyRow] = companyId
    ? await db
        .select({ company: companies, holding: holdings })
        .from(companies)
        .leftJoin(holdings, eq(holdings.id, companies.holdingId))
        .where(eq(companies.id, companyId))
    : [];
  const company = companyRow?.company ?? null;
  const holding = companyRow?.holding ?? null;
  const [regionRows, contractRows, typeRows] = await Promise.all([
    db
      .select()
      .from(regions)
      .where(company?.regionId ? eq(regions.id, company.regionId) : eq(regions.isDefault, true))
      .limit(1),
    company
      ? db
          .select()
          .from(contracts)
          .where(and(eq(contracts.companyId, company.id), valid(contracts.validFrom, contracts.validTo, day)))
          .orderBy(desc(contracts.isDefault), asc(contracts.createdAt))
          .limit(1)
      : Promise.resolve([]),
    db.select().from(priceTypes).orderBy(asc(priceTypes.rank)),
  ]);
  const region = regionRows[0] ?? null;
  const contract = contractRows[0] ?? null;
  return {
    day,
    company: company ? { id: company.id, name: company.name, priceTypeId: company.priceTypeId, regionId: company.regionId, holdingId: company.holdingId } : null,
    contract: contract ? { id: contract.id, number: contract.number, priceTypeId: contract.priceTypeId } : null,
    holding: holding ? { id: holding.id, name: holding.name, priceTypeId: holding.priceTypeId } : null,
    region: region ? { id: region.id, code: region.code, name: region.name, priceTypeId: region.priceTypeId } : null,
    priceTypes: typeRows.map((t) => ({ id: t.id, code: t.code, name: t.name, rank: t.rank, currency: t.currency, isDefault: t.isDefault, isActive: t.isActive })),
    personal: Boolean(company) && (options.personal ?? true),
    contractCurrency: contract?.currency ?? null,
  };
}

/**
 * The pricing context of a company (null = no company: public prices of the default region).
 * `personal` false is client access level 1.
 */
export async function loadPricingContext(db: Db, companyId: string | null, options: { day?: string; personal?: boolean } = {}): Promise<LoadedContext> {
  const [{ contractCurrency, ...parties }, conflictRule] = await Promise.all([loadPricingParties(db, companyId, options), getDiscountConflictRule(db)]);
  const { day, company, contract, holding, region, personal } = parties;

  const scope = [isNull(discountRules.contractId), isNull(discountRules.companyId), isNull(discountRules.holdingId), isNull(discountRules.regionId)];
  const [discountRows, massRows, tierRows] = await Promise.all([
    personal && company
      ? db
          .select({ rule: discountRules, brandName: brands.name, categoryName: categories.name })
          .from(discountRules)
          .leftJoin(brands, eq(brands.id, discountRules.brandId))
          .leftJoin(categories, eq(categories.id, discountRules.categoryId))
          .where(
            and(
              eq(discountRules.isActive, true),
              valid(discountRules.validFrom, discountRules.validTo, day),
              or(
                contract ? eq(discountRules.contractId, contract.id) : undefined,
                eq(discountRules.companyId, company.id),
                holding ? eq(discountRules.holdingId, holding.id) : undefined,
                region ? eq(discountRules.regionId, region.id) : undefined,
                and(...scope),
              ),
            ),
          )
          .orderBy(asc(discountRules.createdAt))
      : Promise.resolve([]),
    db
      .select({ rule: massRules, brandName: brands.name, categoryName: categories.name })
      .from(massRules)
      .leftJoin(brands, eq(brands.id, massRules.brandId))
      .leftJoin(categories, eq(categories.id, massRules.categoryId))
      .where(and(eq(massRules.isActive, true), valid(massRules.validFrom, massRules.validTo, day), region ? or(isNull(massRules.regionId), eq(massRules.regionId, region.id)) : isNull(massRules.regionId)))
      .orderBy(asc(massRules.createdAt)),
    personal
      ? db
          .select()
          .from(priceTiers)
          .where(and(eq(priceTiers.isActive, true), region ? or(isNull(priceTiers.regionId), eq(priceTiers.regionId, region.id)) : isNull(priceTiers.regionId)))
      : Promise.resolve([]),
  ]);

  const names: PricingContext["names"] = { brands: {}, categories: {} };
  for (const row of [...discountRows, ...massRows]) {
    if (row.rule.brandId && row.brandName) names.brands[row.rule.brandId] = row.brandName;
    if (row.rule.categoryId && row.categoryName) names.categories[row.rule.categoryId] = row.categoryName;
  }

  const context: PricingContext = {
    ...parties,
    discountRules: discountRows.map(({ rule }) => ({
      id: rule.id,
      name: rule.name,
      contractId: rule.contractId,
      companyId: rule.companyId,
      holdingId: rule.holdingId,
      regionId: rule.regionId,
      target: rule.target,
      categoryId: rule.categoryId,
      brandId: rule.brandId,
      skus: rule.skus,
      percent: rule.percent,
      priority: rule.priority,
      validFrom: rule.validFrom,
      validTo: rule.validTo,
      isActive: rule.isActive,
    })),
    massRules: massRows.map(({ rule }) => ({
      id: rule.id,
      name: rule.name,
      brandId: rule.brandId,
      line: rule.line,
      categoryId: rule.categoryId,
      regionId: rule.regionId,
      adjustPercent: rule.adjustPercent,
      validFrom: rule.validFrom,
      validTo: rule.validTo,
      isActive: rule.isActive,
    })),
    tiers: tierRows.map((t) => ({ id: t.id, name: t.name, thresholdMinor: t.thresholdMinor, currency: t.currency, priceTypeId: t.priceTypeId, regionId: t.regionId, isActive: t.isActive })),
    conflictRule,
    usdPerUnit: {},
    names,
  };
  return { context, contractCurrency };
}

/**
 * USD per unit on or before `day` for every currency (the last known rate of each), in one
 * query; `currencies` narrows it. The table holds a row per currency per day, a few thousand at most.
 */
export async function loadFxRates(db: Db, day: string, currencies?: Iterable<string>): Promise<Record<string, string>> {
  const wanted = currencies ? [...new Set([...currencies].map((c) => c.toUpperCase()))].filter((c) => c !== "USD") : null;
  if (wanted && wanted.length === 0) return {};
  const rows = await db
    .selectDistinctOn([fxRates.currency], { currency: fxRates.currency, usdPerUnit: fxRates.usdPerUnit })
    .from(fxRates)
    .where(and(wanted ? anyText(fxRates.currency, wanted) : undefined, lte(fxRates.day, day)))
    .orderBy(fxRates.currency, desc(fxRates.day));
  return Object.fromEntries(rows.map((r) => [r.currency, r.usdPerUnit]));
}

/** The product side for a list of variants: 4 queries whatever the list length. */
export async function loadProductFacts(db: Db, variantIds: readonly string[]): Promise<Map<string, ProductFacts>> {
  const ids = [...new Set(variantIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const facts = new Map<string, ProductFacts>();
  if (ids.length === 0) return facts;
  const variantRows = await db
    .select({
      variantId: productVariants.id,
      productId: productVariants.productId,
      sku: productVariants.sku,
      productSku: products.sku,
      brandId: products.brandId,
      line: products.line,
      mainCategoryId: products.mainCategoryId,
      baseUnit: products.baseUnit,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(anyUuid(productVariants.id, ids));
  if (variantRows.length === 0) return facts;
  const productIds = [...new Set(variantRows.map((v) => v.productId))];
  const [categoryRows, priceRows, unitRows] = await Promise.all([
    db
      .select({ productId: productCategories.productId, categoryId: productCategories.categoryId, path: categories.path })
      .from(productCategories)
      .innerJoin(categories, eq(categories.id, productCategories.categoryId))
      .where(anyUuid(productCategories.productId, productIds)),
    db
      .select({ variantId: prices.variantId, priceTypeId: prices.priceTypeId, amountMinor: prices.amountMinor, currency: prices.currency })
      .from(prices)
      .where(anyUuid(prices.variantId, ids)),
    db
      .select({ productId: productUnits.productId, unit: productUnits.unit, ratio: productUnits.ratio })
      .from(productUnits)
      .where(anyUuid(productUnits.productId, productIds)),
  ]);
  // A category row brings its ancestors through its path ("/a/b/c/"), whether or not the
  // catalog stored ancestor rows too: discounts on a category cover its whole subtree.
  const categoriesOf = new Map<string, Set<string>>();
  for (const row of categoryRows) {
    let set = categoriesOf.get(row.productId);
    if (!set) categoriesOf.set(row.productId, (set = new Set()));
    set.add(row.categoryId);
    for (const id of row.path.split("/")) if (id) set.add(id);
  }
  const unitsOf = new Map<string, Record<string, string>>();
  for (const row of unitRows) {
    const units = unitsOf.get(row.productId) ?? {};
    units[row.unit] = row.ratio;
    unitsOf.set(row.productId, units);
  }
  for (const v of variantRows) {
    const categoryIds = categoriesOf.get(v.productId) ?? new Set<string>();
    if (v.mainCategoryId) categoryIds.add(v.mainCategoryId);
    facts.set(v.variantId, {
      variantId: v.variantId,
      productId: v.productId,
      sku: v.sku,
      productSku: v.productSku,
      brandId: v.brandId,
      line: v.line,
      categoryIds: [...categoryIds],
      prices: {},
      unitRatios: unitsOf.get(v.productId) ?? {},
      baseUnit: v.baseUnit,
    });
  }
  for (const p of priceRows) {
    const fact = facts.get(p.variantId);
    if (fact) fact.prices[p.priceTypeId] = { amountMinor: p.amountMinor, currency: p.currency };
  }
  return facts;
}

/** The display currency a buyer chose in the topbar, if any. */
export async function buyerDisplayCurrency(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ currency: buyerProfiles.displayCurrency }).from(buyerProfiles).where(eq(buyerProfiles.userId, userId));
  return row?.currency ?? null;
}
