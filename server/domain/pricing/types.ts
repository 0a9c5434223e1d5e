/**
 * The contract of the price resolver (server/domain/pricing/). Catalog, card, cart, quick order,
 * price lists and the API ask `priceForBuyer` / `resolvePrices`; nothing else computes prices.
 */
export interface PriceRequestLine {
  variantId: string;
  /** In `unit`s; the cart total that picks tiers is computed from these. */
  quantity: number;
  /** A product unit code (product_units.unit); the base unit when omitted. */
  unit?: string;
}

/** One step of the explanation, e.g. { code: "discount.brand", params: { name: "…", percent: 5 } }. */
export interface PriceStep {
  code: string;
  params: Record<string, string | number>;
}

export interface PricedLine {
  variantId: string;
  quantity: number;
  unit: string;
  /** The price type the base price came from, and why (contract, company, holding, region, tier, default). */
  priceTypeCode: string;
  priceTypeSource: "contract" | "company" | "holding" | "region" | "tier" | "default";
  /** Base price per unit before discounts and rules, in minor units of `currency`. */
  baseUnitMinor: number;
  /** Final price per unit, in minor units of `currency`. */
  unitMinor: number;
  lineTotalMinor: number;
  currency: string;
  /** Null when the variant has no price of the chosen type (not orderable). */
  available: boolean;
  steps: PriceStep[];
  /** Why `available` is false: no such variant, no price of the type, unknown unit, no exchange rate. */
  unavailableReason?: "unknown_variant" | "no_price" | "unknown_unit" | "no_rate";
  /** The variant's SKU, when known (price check, explanations). */
  sku?: string;
  /** The discount that won, as a decimal percent string ("7.5"); absent when none applied. */
  discountPercent?: string;
}

export interface PriceResult {
  lines: PricedLine[];
  currency: string;
  totalMinor: number;
  /** Individual prices hidden (client access level 1): the lines carry the base price of the default type. */
  personal: boolean;
}
