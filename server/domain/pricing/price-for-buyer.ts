import type { Db } from "@/db/client";
import { getActiveCompany } from "../companies/active-company";
import { buyerDisplayCurrency, loadFxRates, loadPricingContext, loadProductFacts, todayForPricing, type LoadedContext } from "./load-pricing-context";
import { resolvePrices } from "./resolve-prices";
import type { PriceRequestLine, PriceResult } from "./types";

export interface PricingOptions {
  /** The pricing day (YYYY-MM-DD), today (UTC) by default: rule validity and exchange rates. */
  day?: string;
  /** Price the lines as a listing of separate offers (tiles, price list, catalog API), not as a cart: no cart-total tier. */
  listing?: boolean;
}

/**
 * Prices lines for a buyer: the active company (getActiveCompany), its default contract, holding
 * and region, the rules valid today and the buyer's access level (level 1 sees public prices
 * only). `userId` null prices for an anonymous visitor or a staff preview without a company:
 * the default region's public prices. Display currency: the argument, else the buyer's choice
 * in the topbar, else the contract's currency, else the base price type's.
 */
export async function priceForBuyer(db: Db, userId: string | null, lines: PriceRequestLine[], displayCurrency?: string, options: PricingOptions = {}): Promise<PriceResult> {
  return (await buyerPricer(db, userId, displayCurrency, options))(lines);
}

/**
 * priceForBuyer with the buyer's context loaded once, for callers that price many batches for
 * the same buyer (price lists): each call prices its lines as priceForBuyer would.
 */
export async function buyerPricer(db: Db, userId: string | null, displayCurrency?: string, options: PricingOptions = {}): Promise<(lines: PriceRequestLine[]) => Promise<PriceResult>> {
  const active = userId ? await getActiveCompany(db, userId) : null;
  const [loaded, chosenCurrency] = await Promise.all([
    loadPricingContext(db, active?.companyId ?? null, { day: options.day, personal: (active?.accessLevel ?? 1) >= 2 }),
    !displayCurrency && userId ? buyerDisplayCurrency(db, userId) : Promise.resolve(null),
  ]);
  return (lines) => priceWithContext(db, loaded, lines, displayCurrency ?? chosenCurrency ?? undefined, options);
}

/**
 * A manager's preview: the company's full individual prices (as a buyer with access level 2+
 * would see them), whoever the buyer users are.
 */
export async function priceForCompany(db: Db, companyId: string, lines: PriceRequestLine[], displayCurrency?: string, options: PricingOptions = {}): Promise<PriceResult> {
  const loaded = await loadPricingContext(db, companyId, { day: options.day, personal: true });
  return priceWithContext(db, loaded, lines, displayCurrency, options);
}

async function priceWithContext(db: Db, loaded: LoadedContext, lines: PriceRequestLine[], displayCurrency: string | undefined, options: PricingOptions): Promise<PriceResult> {
  const { context } = loaded;
  const defaultType = context.priceTypes.find((t) => t.isDefault && t.isActive);
  const currency = (displayCurrency ?? loaded.contractCurrency ?? defaultType?.currency ?? "RUB").toUpperCase();
  const day = context.day || todayForPricing();
  const [facts, usdPerUnit] = await Promise.all([
    loadProductFacts(
      db,
      lines.map((l) => l.variantId),
    ),
    loadFxRates(db, day),
  ]);
  return resolvePrices({ ...context, usdPerUnit }, lines, facts, currency, { cartTiers: !options.listing });
}
