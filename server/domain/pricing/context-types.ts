/**
 * What the pure resolver (resolve-prices.ts) needs, loaded by load-pricing-context.ts. Plain data:
 * tests and the benchmark build it in memory; nothing here touches the database.
 */
export type DiscountConflictRule = "largest" | "priority";
export const DISCOUNT_CONFLICT_RULES = ["largest", "priority"] as const satisfies readonly DiscountConflictRule[];

export interface PriceTypeInfo {
  id: string;
  code: string;
  name: string;
  /** 0 = dearest (retail); higher = cheaper. A tier only ever switches to a higher rank. */
  rank: number;
  currency: string;
  isDefault: boolean;
  isActive: boolean;
}

export type DiscountTargetKind = "category" | "brand" | "category_brand" | "sku_list";

export interface DiscountRuleInfo {
  id: string;
  name: string;
  /** Who it is for: at most one of these set; none = everyone. */
  contractId: string | null;
  companyId: string | null;
  holdingId: string | null;
  regionId: string | null;
  target: DiscountTargetKind;
  categoryId: string | null;
  brandId: string | null;
  skus: string[];
  /** Percent off, a decimal string ("7.50"). */
  percent: string;
  /** Lower wins under the "priority" conflict rule. */
  priority: number;
  validFrom: string | null;
  validTo: string | null;
  isActive: boolean;
}

export interface MassRuleInfo {
  id: string;
  name: string;
  brandId: string | null;
  line: string | null;
  categoryId: string | null;
  regionId: string | null;
  /** Signed percent, a decimal string ("3.00", "-5"). */
  adjustPercent: string;
  validFrom: string | null;
  validTo: string | null;
  isActive: boolean;
}

export interface PriceTierInfo {
  id: string;
  name: string;
  thresholdMinor: number;
  currency: string;
  priceTypeId: string;
  regionId: string | null;
  isActive: boolean;
}

export interface PricingContext {
  /** The pricing day (YYYY-MM-DD): rule validity and the exchange rate are taken for it. */
  day: string;
  company: { id: string; name: string; priceTypeId: string | null; regionId: string | null; holdingId: string | null } | null;
  contract: { id: string; number: string; priceTypeId: string | null } | null;
  holding: { id: string; name: string; priceTypeId: string | null } | null;
  region: { id: string; code: string; name: string; priceTypeId: string | null } | null;
  priceTypes: PriceTypeInfo[];
  discountRules: DiscountRuleInfo[];
  massRules: MassRuleInfo[];
  tiers: PriceTierInfo[];
  conflictRule: DiscountConflictRule;
  /** USD per one unit of each currency on `day` (decimal strings); USD itself may be omitted. */
  usdPerUnit: Record<string, string>;
  /** False for client access level 1 (and anonymous previews): no individual prices, no discounts, no tiers. */
  personal: boolean;
  /** Display names for the explanation. */
  names: { brands: Record<string, string>; categories: Record<string, string> };
}

/** What the resolver needs to know about one requested variant. */
export interface ProductFacts {
  variantId: string;
  productId: string;
  /** The variant's SKU; SKU-list discounts also match the product's SKU. */
  sku: string;
  productSku: string;
  brandId: string | null;
  line: string | null;
  /** Every category the product sits in, with all their ancestors (subtree matching). */
  categoryIds: string[];
  /** Base prices per price type id, in minor units of `currency`, per base unit. */
  prices: Record<string, { amountMinor: number; currency: string }>;
  /** Base units per unit of measure (product_units.ratio), decimal strings; the base unit is 1. */
  unitRatios: Record<string, string>;
  baseUnit: string;
}
