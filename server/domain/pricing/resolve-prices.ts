import { currencyExponent } from "../money/money";
import type { DiscountRuleInfo, MassRuleInfo, PriceTierInfo, PriceTypeInfo, PricingContext, ProductFacts } from "./context-types";
import { add, compare, div, fraction, mul, ONE, parseDecimal, percentFactor, reduce, roundHalfUp, toDecimalString, type Fraction } from "./decimal";
import type { PricedLine, PriceRequestLine, PriceResult, PriceStep } from "./types";

/**
 * THE price resolver: pure and batch-oriented (one call prices a whole cart, rules are indexed
 * once per call). Order of work for every line, each step recorded for the explanation:
 *   1. base price type: contract > company > holding > region > default (level 1: region > default);
 *   2. cart-total tier: when the cart at the buyer's base prices reaches a tier's threshold, a
 *      cheaper type is used (personal prices only);
 *   3. unit of measure: base price × the unit's ratio;
 *   4. one individual discount (category with its subtree, brand, category+brand, SKU list),
 *      the winner chosen by the conflict rule (personal prices only);
 *   5. mass rules (signed percents), all matching ones, after the discount;
 *   6. conversion to the display currency at the day's rate;
 *   7. rounding half up to minor units, once, on the unit price; line total = unit × quantity.
 */
export interface ResolveOptions {
  /**
   * false for listings (catalog tiles, product cards, price lists, the catalog API): their lines
   * are separate offers of one unit each, not a cart, so no cart-total tier may apply.
   */
  cartTiers?: boolean;
}

export function resolvePrices(ctx: PricingContext, lines: PriceRequestLine[], facts: ReadonlyMap<string, ProductFacts>, displayCurrency: string, options: ResolveOptions = {}): PriceResult {
  const currency = displayCurrency.toUpperCase();
  const types = new Map(ctx.priceTypes.filter((t) => t.isActive).map((t) => [t.id, t]));
  const base = chooseBaseType(ctx, types);
  const discounts = indexDiscounts(ctx);
  const paramsOfCandidate = (candidate: Candidate) => (candidate.params ??= discountParams(candidate.rule, candidate.percentText, candidate.sku));
  // Parsed once per call, not once per line.
  const massRules = ctx.massRules
    .filter((rule) => rule.isActive && validOn(rule, ctx.day) && (!rule.regionId || rule.regionId === ctx.region?.id))
    .map((rule) => ({ rule, line: rule.line ? normalizeLine(rule.line) : null, factor: percentFactor(parseDecimal(rule.adjustPercent)), params: massParams(rule) }));
  const tier = base && ctx.personal && options.cartTiers !== false ? chooseTier(ctx, types, base.type, lines, facts) : null;
  // Shared, never-mutated params objects and per-call caches: a 1,000-line cart allocates little.
  const baseStepParams = base ? { type: base.type.name, typeCode: base.type.code, ...base.params } : {};
  const tierReachedParams = tier?.reached ? tierParams(tier.reached) : null;
  const tierNextParams = tier?.next ? tierParams(tier.next) : null;
  const rates = new Map<string, ReturnType<typeof exchangeFactor>>();
  const rateFor = (from: string) => {
    if (!rates.has(from)) rates.set(from, exchangeFactor(ctx, from, currency));
    return rates.get(from) ?? null;
  };
  const ratios = new Map<string, Fraction>();
  const ratioOf = (text: string) => {
    let ratio = ratios.get(text);
    if (!ratio) ratios.set(text, (ratio = parseDecimal(text)));
    return ratio;
  };

  const priced = lines.map((line) => priceLine(line));
  const totalMinor = priced.reduce((sum, l) => sum + (l.available ? l.lineTotalMinor : 0), 0);
  return { lines: priced, currency, totalMinor, personal: ctx.personal };

  function priceLine(line: PriceRequestLine): PricedLine {
    const fact = facts.get(line.variantId);
    const unit = line.unit ?? fact?.baseUnit ?? "pcs";
    const steps: PriceStep[] = [];
    if (!ctx.personal) steps.push({ code: "access.basic", params: {} });
    const empty = (reason: NonNullable<PricedLine["unavailableReason"]>, typeCode = base?.type.code ?? "none") => unavailable(line, unit, fact, steps, reason, typeCode, base?.source ?? "default", currency);
    if (!fact) {
      steps.push({ code: "variant.unknown", params: { variant: line.variantId } });
      return empty("unknown_variant");
    }
    if (!base) {
      steps.push({ code: "price.noType", params: {} });
      return empty("no_price");
    }

    // 1–2. The price type: the buyer's, or the tier's when the cart reached it and the variant has that price.
    let type = base.type;
    let source: PricedLine["priceTypeSource"] = base.source;
    steps.push({ code: `base.${base.source}`, params: baseStepParams });
    if (tier?.reached && tierReachedParams) {
      if (fact.prices[tier.reached.type.id]) {
        type = tier.reached.type;
        source = "tier";
        steps.push({ code: "tier.applied", params: tierReachedParams });
      } else {
        steps.push({ code: "tier.noPrice", params: tierReachedParams });
      }
    } else if (tierNextParams) {
      steps.push({ code: "tier.notReached", params: tierNextParams });
    }
    const price = fact.prices[type.id];
    if (!price) {
      steps.push({ code: "price.missing", params: { type: type.name, typeCode: type.code } });
      return empty("no_price", type.code);
    }

    // 3. Unit of measure.
    const ratioText = unit === fact.baseUnit ? "1" : fact.unitRatios[unit];
    if (ratioText === undefined) {
      steps.push({ code: "unit.unknown", params: { unit } });
      return empty("unknown_unit", type.code);
    }
    const ratio = ratioText === "1" ? ONE : ratioOf(ratioText);
    let value: Fraction = ratio === ONE ? fraction(price.amountMinor) : mul(fraction(price.amountMinor), ratio);
    steps.push({
      code: "price.base",
      params: ratio === ONE || compare(ratio, ONE) === 0 ? { amountMinor: price.amountMinor, currency: price.currency } : { amountMinor: price.amountMinor, currency: price.currency, unit, ratio: toDecimalString(ratio, 4) },
    });
    const baseValue = value;

    // 4. One individual discount, chosen by the conflict rule.
    let discountPercent: string | undefined;
    if (ctx.personal) {
      const candidates = discounts.candidatesFor(fact);
      if (candidates.length > 0) {
        const ordered = candidates.length > 1 ? candidates.sort(ctx.conflictRule === "largest" ? byLargest : byPriority) : candidates;
        const [winner, ...losers] = ordered as [Candidate, ...Candidate[]];
        value = mul(value, winner.factor);
        discountPercent = winner.percentText;
        steps.push({ code: "discount.applied", params: { ...paramsOfCandidate(winner), candidates: candidates.length } });
        // The losers' params are built once per rule (and SKU) and shared between lines (never mutated).
        for (const loser of losers) steps.push({ code: "discount.skipped", params: paramsOfCandidate(loser) });
      }
    }

    // 5. Mass rules, after the discount; base prices stay untouched.
    const productLine = massRules.length > 0 ? normalizeLine(fact.line ?? "") : "";
    for (const { rule, line: ruleLine, factor, params } of massRules) {
      if (!massRuleMatches(rule, ruleLine, productLine, fact)) continue;
      value = mul(value, factor);
      steps.push({ code: "mass.applied", params });
    }

    // 6. Conversion.
    let baseConverted = baseValue;
    if (price.currency !== currency) {
      const rate = rateFor(price.currency);
      if (!rate) {
        steps.push({ code: "currency.noRate", params: { from: price.currency, to: currency, day: ctx.day } });
        return empty("no_rate", type.code);
      }
      value = mul(value, rate.minorFactor);
      baseConverted = mul(baseValue, rate.minorFactor);
      steps.push({ code: "currency.converted", params: rate.params });
    }

    // 7. One rounding, on the unit price.
    const unitMinor = roundHalfUp(value);
    const lineTotalMinor = Number.isInteger(line.quantity) ? unitMinor * line.quantity : roundHalfUp(mul(fraction(unitMinor), parseDecimal(line.quantity)));
    steps.push({ code: "price.final", params: { amountMinor: unitMinor, currency } });
    return {
      variantId: line.variantId,
      quantity: line.quantity,
      unit,
      priceTypeCode: type.code,
      priceTypeSource: source,
      baseUnitMinor: baseConverted === value ? unitMinor : roundHalfUp(baseConverted),
      unitMinor,
      lineTotalMinor,
      currency,
      available: true,
      steps,
      sku: fact.sku,
      ...(discountPercent ? { discountPercent } : {}),
    };
  }

  function discountParams(rule: DiscountRuleInfo, percentText: string, sku?: string): Record<string, string | number> {
    const params: Record<string, string | number> = { rule: rule.name, percent: percentText, target: rule.target, priority: rule.priority, conflict: ctx.conflictRule };
    if (rule.categoryId) params.category = ctx.names.categories[rule.categoryId] ?? rule.categoryId;
    if (rule.brandId) params.brand = ctx.names.brands[rule.brandId] ?? rule.brandId;
    if (sku) params.sku = sku;
    return params;
  }

  function massParams(rule: MassRuleInfo): Record<string, string | number> {
    const params: Record<string, string | number> = { rule: rule.name, percent: toDecimalString(parseDecimal(rule.adjustPercent), 2) };
    if (rule.brandId) params.brand = ctx.names.brands[rule.brandId] ?? rule.brandId;
    if (rule.line) params.line = rule.line;
    if (rule.categoryId) params.category = ctx.names.categories[rule.categoryId] ?? rule.categoryId;
    if (rule.regionId) params.region = ctx.region?.id === rule.regionId ? ctx.region.name : rule.regionId;
    return params;
  }
}

function unavailable(
  line: PriceRequestLine,
  unit: string,
  fact: ProductFacts | undefined,
  steps: PriceStep[],
  reason: NonNullable<PricedLine["unavailableReason"]>,
  typeCode: string,
  source: PricedLine["priceTypeSource"],
  currency: string,
): PricedLine {
  return {
    variantId: line.variantId,
    quantity: line.quantity,
    unit,
    priceTypeCode: typeCode,
    priceTypeSource: source,
    baseUnitMinor: 0,
    unitMinor: 0,
    lineTotalMinor: 0,
    currency,
    available: false,
    steps,
    unavailableReason: reason,
    ...(fact ? { sku: fact.sku } : {}),
  };
}

interface BaseChoice {
  type: PriceTypeInfo;
  source: "contract" | "company" | "holding" | "region" | "default";
  params: Record<string, string>;
}

/** The buyer's own price type and where it came from; level 1 only sees the region's or the default. */
export function chooseBaseType(ctx: Pick<PricingContext, "personal" | "contract" | "company" | "holding" | "region">, types: ReadonlyMap<string, PriceTypeInfo>): BaseChoice | null {
  const pick = (id: string | null | undefined) => (id ? types.get(id) : undefined);
  if (ctx.personal) {
    const fromContract = pick(ctx.contract?.priceTypeId);
    if (fromContract && ctx.contract) return { type: fromContract, source: "contract", params: { contract: ctx.contract.number } };
    const fromCompany = pick(ctx.company?.priceTypeId);
    if (fromCompany && ctx.company) return { type: fromCompany, source: "company", params: { company: ctx.company.name } };
    const fromHolding = pick(ctx.holding?.priceTypeId);
    if (fromHolding && ctx.holding) return { type: fromHolding, source: "holding", params: { holding: ctx.holding.name } };
  }
  const fromRegion = pick(ctx.region?.priceTypeId);
  if (fromRegion && ctx.region) return { type: fromRegion, source: "region", params: { region: ctx.region.name } };
  const fallback = [...types.values()].filter((t) => t.isDefault).sort((a, b) => a.rank - b.rank)[0];
  return fallback ? { type: fallback, source: "default", params: {} } : null;
}

interface TierChoice {
  tier: PriceTierInfo;
  type: PriceTypeInfo;
  cartTotalMinor: number;
}

function tierParams(choice: TierChoice): Record<string, string | number> {
  return {
    tier: choice.tier.name,
    type: choice.type.name,
    typeCode: choice.type.code,
    thresholdMinor: choice.tier.thresholdMinor,
    cartTotalMinor: choice.cartTotalMinor,
    currency: choice.tier.currency,
  };
}

/**
 * The cheapest tier whose threshold the cart reaches, measured at the buyer's base prices (before
 * discounts) in the tier's currency; and, for the explanation, the nearest one not yet reached.
 * Only tiers that make the price cheaper than the buyer's own type count.
 */
function chooseTier(
  ctx: PricingContext,
  types: ReadonlyMap<string, PriceTypeInfo>,
  baseType: PriceTypeInfo,
  lines: PriceRequestLine[],
  facts: ReadonlyMap<string, ProductFacts>,
): { reached: TierChoice | null; next: TierChoice | null } | null {
  const usable = ctx.tiers
    .filter((tier) => tier.isActive && (!tier.regionId || tier.regionId === ctx.region?.id))
    .map((tier) => ({ tier, type: types.get(tier.priceTypeId) }))
    .filter((x): x is { tier: PriceTierInfo; type: PriceTypeInfo } => x.type !== undefined && x.type.rank > baseType.rank);
  if (usable.length === 0) return null;
  const totals = new Map<string, Fraction | null>();
  const totalIn = (currency: string): Fraction | null => {
    if (totals.has(currency)) return totals.get(currency) ?? null;
    let sum: Fraction = fraction(0);
    for (const line of lines) {
      const fact = facts.get(line.variantId);
      const price = fact?.prices[baseType.id];
      if (!fact || !price) continue;
      const unit = line.unit ?? fact.baseUnit;
      const ratio = unit === fact.baseUnit ? "1" : fact.unitRatios[unit];
      if (ratio === undefined) continue;
      let amount = mul(mul(fraction(price.amountMinor), parseDecimal(ratio)), parseDecimal(line.quantity));
      if (price.currency !== currency) {
        const rate = exchangeFactor(ctx, price.currency, currency);
        if (!rate) return remember(null);
        amount = mul(amount, rate.minorFactor);
      }
      sum = add(sum, reduce(amount));
    }
    return remember(sum);
    function remember(value: Fraction | null) {
      totals.set(currency, value);
      return value;
    }
  };
  let reached: TierChoice | null = null;
  let next: TierChoice | null = null;
  for (const { tier, type } of usable) {
    const total = totalIn(tier.currency);
    if (!total) continue;
    const choice = { tier, type, cartTotalMinor: roundHalfUp(total) };
    if (compare(total, fraction(tier.thresholdMinor)) >= 0) {
      if (!reached || type.rank > reached.type.rank || (type.rank === reached.type.rank && tier.thresholdMinor > reached.tier.thresholdMinor)) reached = choice;
    } else if (!next || tier.thresholdMinor < next.tier.thresholdMinor) {
      next = choice;
    }
  }
  // The hint about a next tier only makes sense when it would be cheaper than what was reached.
  if (reached && next && next.type.rank <= reached.type.rank) next = null;
  return { reached, next };
}

/**
 * From minor units of `from` to minor units of `to`: × usd(from) / usd(to) × 10^(exp(to) − exp(from)).
 * Null when a rate for the day is missing.
 */
export function exchangeFactor(
  ctx: Pick<PricingContext, "usdPerUnit" | "day">,
  from: string,
  to: string,
): { minorFactor: Fraction; majorRate: Fraction; params: Record<string, string> } | null {
  if (from === to) return { minorFactor: ONE, majorRate: ONE, params: { from, to, rate: "1", day: ctx.day } };
  const rateOf = (currency: string) => (currency === "USD" ? "1" : ctx.usdPerUnit[currency]);
  const fromRate = rateOf(from);
  const toRate = rateOf(to);
  if (!fromRate || !toRate) return null;
  const majorRate = div(parseDecimal(fromRate), parseDecimal(toRate));
  if (majorRate.n <= 0n) return null;
  const shift = currencyExponent(to) - currencyExponent(from);
  const minorFactor = shift >= 0 ? mul(majorRate, fraction(10n ** BigInt(shift))) : div(majorRate, fraction(10n ** BigInt(-shift)));
  return { minorFactor, majorRate, params: { from, to, rate: toDecimalString(majorRate, 6), day: ctx.day } };
}

function validOn(rule: { validFrom: string | null; validTo: string | null }, day: string): boolean {
  return (!rule.validFrom || rule.validFrom <= day) && (!rule.validTo || rule.validTo >= day);
}

interface Candidate {
  rule: DiscountRuleInfo;
  percent: Fraction;
  /** (100 − percent) / 100, ready to multiply. */
  factor: Fraction;
  percentText: string;
  /** For SKU-list rules: the listed SKU that matched. */
  sku?: string;
  /** The explanation params, built on first use and then shared (thousands of listed SKUs, few ever matched). */
  params?: Record<string, string | number>;
}

/** Largest percent first; a tie goes to the lower priority number, then to the rule id (stable). */
function byLargest(a: Candidate, b: Candidate): number {
  return compare(b.percent, a.percent) || a.rule.priority - b.rule.priority || a.rule.id.localeCompare(b.rule.id);
}

/** Lowest priority number first; a tie goes to the larger percent, then to the rule id. */
function byPriority(a: Candidate, b: Candidate): number {
  return a.rule.priority - b.rule.priority || compare(b.percent, a.percent) || a.rule.id.localeCompare(b.rule.id);
}

/** The discount rules that apply to this buyer today, indexed by what they target. */
function indexDiscounts(ctx: PricingContext) {
  const byCategory = new Map<string, Candidate[]>();
  const byBrand = new Map<string, Candidate[]>();
  const byCategoryBrand = new Map<string, Candidate[]>();
  const bySku = new Map<string, Candidate[]>();
  const push = (map: Map<string, Candidate[]>, key: string, candidate: Candidate) => {
    const list = map.get(key);
    if (list) list.push(candidate);
    else map.set(key, [candidate]);
  };
  for (const rule of ctx.discountRules) {
    if (!rule.isActive || !validOn(rule, ctx.day) || !scopeMatches(ctx, rule)) continue;
    const percent = parseDecimal(rule.percent);
    if (percent.n <= 0n) continue;
    const percentText = toDecimalString(percent, 2);
    const candidate: Candidate = { rule, percent, factor: percentFactor({ n: -percent.n, d: percent.d }), percentText };
    if (rule.target === "category" && rule.categoryId) push(byCategory, rule.categoryId, candidate);
    else if (rule.target === "brand" && rule.brandId) push(byBrand, rule.brandId, candidate);
    else if (rule.target === "category_brand" && rule.categoryId && rule.brandId) push(byCategoryBrand, `${rule.categoryId}|${rule.brandId}`, candidate);
    else if (rule.target === "sku_list") {
      for (const sku of new Set(rule.skus.map(normalizeSku))) push(bySku, sku, { ...candidate, sku });
    }
  }
  return {
    /** A fresh array per line (the caller sorts it in place). */
    candidatesFor(fact: ProductFacts): Candidate[] {
      const found: Candidate[] = [];
      const add = (list: Candidate[] | undefined) => {
        if (!list) return;
        for (const c of list) if (!found.some((f) => f.rule.id === c.rule.id)) found.push(c);
      };
      for (const categoryId of fact.categoryIds) {
        add(byCategory.get(categoryId));
        if (fact.brandId) add(byCategoryBrand.get(`${categoryId}|${fact.brandId}`));
      }
      if (fact.brandId) add(byBrand.get(fact.brandId));
      add(bySku.get(normalizeSku(fact.sku)));
      if (fact.productSku !== fact.sku) add(bySku.get(normalizeSku(fact.productSku)));
      return found;
    },
  };
}

export function normalizeSku(sku: string): string {
  return sku.trim().toUpperCase();
}

/** A rule for a contract, company, holding or region applies to that one; a rule for none applies to all. */
function scopeMatches(ctx: PricingContext, rule: DiscountRuleInfo): boolean {
  if (rule.contractId) return rule.contractId === ctx.contract?.id;
  if (rule.companyId) return rule.companyId === ctx.company?.id;
  if (rule.holdingId) return rule.holdingId === ctx.holding?.id;
  if (rule.regionId) return rule.regionId === ctx.region?.id;
  return true;
}

function normalizeLine(line: string): string {
  return line.trim().toLowerCase();
}

/** Every condition the rule sets must match; the line is compared case-insensitively (both normalised once). */
function massRuleMatches(rule: MassRuleInfo, ruleLine: string | null, productLine: string, fact: ProductFacts): boolean {
  if (rule.brandId && rule.brandId !== fact.brandId) return false;
  if (ruleLine !== null && ruleLine !== productLine) return false;
  if (rule.categoryId && !fact.categoryIds.includes(rule.categoryId)) return false;
  return true;
}
