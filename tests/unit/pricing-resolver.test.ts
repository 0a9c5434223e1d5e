import { describe, expect, it } from "vitest";
import type { DiscountRuleInfo, MassRuleInfo, PriceTierInfo, PricingContext, ProductFacts } from "@/server/domain/pricing/context-types";
import { explainLine } from "@/server/domain/pricing/explain";
import { resolvePrices } from "@/server/domain/pricing/resolve-prices";
import type { PricedLine, PriceRequestLine } from "@/server/domain/pricing/types";

/*
 * Every pricing rule and conflict, pinned with the explanation a manager reads. The world:
 * four RUB price types, a 3-level category tree Electrical > Sockets > Frames, brands Legrand
 * and Schneider, a company ACME in Moscow, in holding Stroy Group, with contract №12.
 */
const DAY = "2026-11-23";
const T = { retail: "t-retail", small: "t-small", wholesale: "t-wholesale", big: "t-big" };
const CAT = { electrical: "c-electrical", sockets: "c-sockets", frames: "c-frames", cables: "c-cables" };
const BRAND = { legrand: "b-legrand", schneider: "b-schneider" };

function context(overrides: Partial<PricingContext> = {}): PricingContext {
  return {
    day: DAY,
    company: { id: "co-acme", name: "ACME", priceTypeId: null, regionId: "r-msk", holdingId: "h-stroy" },
    contract: { id: "k-12", number: "12", priceTypeId: null },
    holding: { id: "h-stroy", name: "Stroy Group", priceTypeId: null },
    region: { id: "r-msk", code: "msk", name: "Moscow", priceTypeId: null },
    priceTypes: [
      { id: T.retail, code: "retail", name: "Retail", rank: 0, currency: "RUB", isDefault: true, isActive: true },
      { id: T.small, code: "small_wholesale", name: "Small wholesale", rank: 1, currency: "RUB", isDefault: false, isActive: true },
      { id: T.wholesale, code: "wholesale", name: "Wholesale", rank: 2, currency: "RUB", isDefault: false, isActive: true },
      { id: T.big, code: "big_wholesale", name: "Big wholesale", rank: 3, currency: "RUB", isDefault: false, isActive: true },
    ],
    discountRules: [],
    massRules: [],
    tiers: [],
    conflictRule: "largest",
    usdPerUnit: { RUB: "0.0108", EUR: "1.08" },
    personal: true,
    names: {
      brands: { [BRAND.legrand]: "Legrand", [BRAND.schneider]: "Schneider" },
      categories: { [CAT.electrical]: "Electrical", [CAT.sockets]: "Sockets", [CAT.frames]: "Frames", [CAT.cables]: "Cables" },
    },
    ...overrides,
  };
}

/** A Legrand Valena frame (Electrical > Sockets > Frames) and a Schneider cable. */
function product(overrides: Partial<ProductFacts> = {}): ProductFacts {
  return {
    variantId: "v-frame",
    productId: "p-frame",
    sku: "LG-774451",
    productSku: "LG-7744",
    brandId: BRAND.legrand,
    line: "Valena",
    categoryIds: [CAT.frames, CAT.sockets, CAT.electrical],
    prices: {
      [T.retail]: { amountMinor: 10_000, currency: "RUB" },
      [T.small]: { amountMinor: 9_500, currency: "RUB" },
      [T.wholesale]: { amountMinor: 9_000, currency: "RUB" },
      [T.big]: { amountMinor: 8_000, currency: "RUB" },
    },
    unitRatios: { box: "10" },
    baseUnit: "pcs",
    ...overrides,
  };
}

const cable = () =>
  product({ variantId: "v-cable", productId: "p-cable", sku: "SE-CBL-1", productSku: "SE-CBL", brandId: BRAND.schneider, line: null, categoryIds: [CAT.cables, CAT.electrical] });

let ruleCounter = 0;
function discount(overrides: Partial<DiscountRuleInfo>): DiscountRuleInfo {
  ruleCounter += 1;
  return {
    id: `d-${String(ruleCounter).padStart(3, "0")}`,
    name: `Rule ${ruleCounter}`,
    contractId: null,
    companyId: "co-acme",
    holdingId: null,
    regionId: null,
    target: "brand",
    categoryId: null,
    brandId: BRAND.legrand,
    skus: [],
    percent: "5.00",
    priority: 100,
    validFrom: null,
    validTo: null,
    isActive: true,
    ...overrides,
  };
}

function mass(overrides: Partial<MassRuleInfo>): MassRuleInfo {
  ruleCounter += 1;
  return { id: `m-${ruleCounter}`, name: `Mass ${ruleCounter}`, brandId: null, line: null, categoryId: null, regionId: null, adjustPercent: "3", validFrom: null, validTo: null, isActive: true, ...overrides };
}

function tier(overrides: Partial<PriceTierInfo>): PriceTierInfo {
  return { id: "tier-1", name: "Big order", thresholdMinor: 5_000_000, currency: "RUB", priceTypeId: T.big, regionId: null, isActive: true, ...overrides };
}

function price(ctx: PricingContext, lines: PriceRequestLine[] = [{ variantId: "v-frame", quantity: 1 }], facts: ProductFacts[] = [product(), cable()], currency = "RUB") {
  return resolvePrices(ctx, lines, new Map(facts.map((f) => [f.variantId, f])), currency);
}

function one(ctx: PricingContext, line: Partial<PriceRequestLine> = {}, facts?: ProductFacts[], currency?: string): PricedLine & { text: string[]; ru: string[] } {
  const result = price(ctx, [{ variantId: "v-frame", quantity: 1, ...line }], facts, currency);
  const priced = result.lines[0]!;
  return { ...priced, text: explainLine(priced, "en"), ru: explainLine(priced, "ru") };
}

describe("base price type and where it came from", () => {
  it("uses the contract's type first", () => {
    const line = one(context({ contract: { id: "k-12", number: "12", priceTypeId: T.wholesale }, company: { ...context().company!, priceTypeId: T.small } }));
    expect(line).toMatchObject({ priceTypeCode: "wholesale", priceTypeSource: "contract", unitMinor: 9_000, baseUnitMinor: 9_000, available: true });
    expect(line.text[0]).toBe("Base price: Wholesale (contract №12)");
    expect(line.ru[0]).toBe("Базовая цена: Wholesale (договор №12)");
  });

  it("then the company's", () => {
    const line = one(context({ company: { ...context().company!, priceTypeId: T.small }, holding: { id: "h-stroy", name: "Stroy Group", priceTypeId: T.big } }));
    expect(line).toMatchObject({ priceTypeCode: "small_wholesale", priceTypeSource: "company", unitMinor: 9_500 });
    expect(line.text[0]).toBe("Base price: Small wholesale (company ACME)");
  });

  it("then the holding's", () => {
    const line = one(context({ holding: { id: "h-stroy", name: "Stroy Group", priceTypeId: T.big }, region: { ...context().region!, priceTypeId: T.small } }));
    expect(line).toMatchObject({ priceTypeCode: "big_wholesale", priceTypeSource: "holding", unitMinor: 8_000 });
    expect(line.text[0]).toBe("Base price: Big wholesale (holding Stroy Group)");
    expect(line.ru[0]).toBe("Базовая цена: Big wholesale (холдинг Stroy Group)");
  });

  it("then the region's", () => {
    const line = one(context({ region: { ...context().region!, priceTypeId: T.small } }));
    expect(line).toMatchObject({ priceTypeCode: "small_wholesale", priceTypeSource: "region", unitMinor: 9_500 });
    expect(line.text[0]).toBe("Base price: Small wholesale (region Moscow)");
  });

  it("else the default type", () => {
    const line = one(context());
    expect(line).toMatchObject({ priceTypeCode: "retail", priceTypeSource: "default", unitMinor: 10_000, lineTotalMinor: 10_000 });
    expect(line.text).toEqual(["Base price: Retail (default)", "Price 100.00 RUB", "Final price: 100.00 RUB"]);
    expect(line.ru).toEqual(["Базовая цена: Retail (по умолчанию)", "Цена 100,00 RUB", "Итоговая цена: 100,00 RUB"]);
  });

  it("skips an inactive type and falls through to the next source", () => {
    const ctx = context({ contract: { id: "k-12", number: "12", priceTypeId: T.wholesale }, company: { ...context().company!, priceTypeId: T.small } });
    ctx.priceTypes = ctx.priceTypes.map((t) => (t.id === T.wholesale ? { ...t, isActive: false } : t));
    expect(one(ctx)).toMatchObject({ priceTypeCode: "small_wholesale", priceTypeSource: "company" });
  });
});

describe("cart-total tiers", () => {
  const wholesale = () => context({ contract: { id: "k-12", number: "12", priceTypeId: T.wholesale }, tiers: [tier({})] });

  it("switches to the tier's cheaper type when the cart at base prices reaches the threshold", () => {
    // 556 × 90.00 = 50,040.00 RUB ≥ 50,000.00 at the buyer's wholesale prices.
    const line = one(wholesale(), { quantity: 556 });
    expect(line).toMatchObject({ priceTypeCode: "big_wholesale", priceTypeSource: "tier", unitMinor: 8_000, lineTotalMinor: 4_448_000 });
    expect(line.text.slice(0, 2)).toEqual(["Base price: Wholesale (contract №12)", "Cart total 50,040.00 RUB reached tier “Big order” (from 50,000.00 RUB): price type Big wholesale"]);
    expect(line.ru[1]).toBe("Сумма корзины 50\u00a0040,00 RUB достигла порога «Big order» (от 50\u00a0000,00 RUB): тип цен Big wholesale");
  });

  it("switches exactly at the threshold", () => {
    const ctx = wholesale();
    ctx.tiers = [tier({ thresholdMinor: 5_004_000 })];
    expect(one(ctx, { quantity: 556 }).priceTypeSource).toBe("tier");
  });

  it("does not switch below the threshold, and says how far it is", () => {
    const line = one(wholesale(), { quantity: 555 });
    expect(line).toMatchObject({ priceTypeCode: "wholesale", priceTypeSource: "contract", unitMinor: 9_000 });
    expect(line.text[1]).toBe("Tier “Big order” (Big wholesale) from 50,000.00 RUB not reached: cart total 49,950.00 RUB");
  });

  it("counts the whole cart, so a small line gets the tier thanks to the others", () => {
    const result = price(wholesale(), [
      { variantId: "v-frame", quantity: 1 },
      { variantId: "v-cable", quantity: 555 },
    ]);
    expect(result.lines.map((l) => l.priceTypeSource)).toEqual(["tier", "tier"]);
    expect(result.totalMinor).toBe(8_000 * 556);
  });

  it("applies no tier to a listing: its lines are separate offers, not a cart", () => {
    const lines = [
      { variantId: "v-frame", quantity: 1 },
      { variantId: "v-cable", quantity: 556 },
    ];
    const facts = new Map([product(), cable()].map((f) => [f.variantId, f]));
    const listing = resolvePrices(wholesale(), lines, facts, "RUB", { cartTiers: false });
    expect(listing.lines.map((l) => l.priceTypeSource)).toEqual(["contract", "contract"]);
    expect(listing.lines.flatMap((l) => l.steps).some((s) => s.code.startsWith("tier."))).toBe(false);
    expect(resolvePrices(wholesale(), lines, facts, "RUB").lines.map((l) => l.priceTypeSource)).toEqual(["tier", "tier"]);
  });

  it("never switches to a dearer type, ignores inactive tiers and tiers of another region", () => {
    const ctx = wholesale();
    ctx.tiers = [
      tier({ id: "dear", priceTypeId: T.small, thresholdMinor: 1 }),
      tier({ id: "off", isActive: false, thresholdMinor: 1 }),
      tier({ id: "spb", regionId: "r-spb", thresholdMinor: 1 }),
    ];
    const line = one(ctx, { quantity: 1000 });
    expect(line.priceTypeSource).toBe("contract");
    expect(line.steps.some((s) => s.code.startsWith("tier."))).toBe(false);
  });

  it("picks the cheapest of several reached tiers", () => {
    const ctx = context({ tiers: [tier({ id: "a", name: "Wholesale from 10k", priceTypeId: T.wholesale, thresholdMinor: 1_000_000 }), tier({ id: "b", name: "Big from 50k", thresholdMinor: 5_000_000 })] });
    expect(one(ctx, { quantity: 600 })).toMatchObject({ priceTypeCode: "big_wholesale", priceTypeSource: "tier" });
    expect(one(ctx, { quantity: 200 })).toMatchObject({ priceTypeCode: "wholesale", priceTypeSource: "tier" });
  });

  it("keeps the base type for an item without a price of the tier's type", () => {
    const noBig = product({ prices: { [T.wholesale]: { amountMinor: 9_000, currency: "RUB" } } });
    const line = one(wholesale(), { quantity: 600 }, [noBig]);
    expect(line).toMatchObject({ priceTypeCode: "wholesale", priceTypeSource: "contract", unitMinor: 9_000 });
    expect(line.text[1]).toBe("Tier “Big order” reached, but the item has no Big wholesale price: base type kept");
  });
});

describe("individual discounts: targets", () => {
  it("a category discount covers the category's whole subtree", () => {
    const line = one(context({ discountRules: [discount({ target: "category", categoryId: CAT.electrical, brandId: null, percent: "7.00", name: "Electrical 7" })] }));
    expect(line).toMatchObject({ unitMinor: 9_300, discountPercent: "7" });
    expect(line.text[2]).toBe("Discount 7% on category Electrical, rule “Electrical 7”");
    expect(line.ru[2]).toBe("Скидка 7% на категорию Electrical, правило «Electrical 7»");
  });

  it("a category discount does not touch products outside the subtree", () => {
    const ctx = context({ discountRules: [discount({ target: "category", categoryId: CAT.sockets, brandId: null, percent: "7" })] });
    const result = price(ctx, [
      { variantId: "v-frame", quantity: 1 },
      { variantId: "v-cable", quantity: 1 },
    ]);
    expect(result.lines.map((l) => l.unitMinor)).toEqual([9_300, 10_000]);
  });

  it("a brand discount", () => {
    const line = one(context({ discountRules: [discount({ target: "brand", brandId: BRAND.legrand, percent: "7.00" })] }));
    expect(line.unitMinor).toBe(9_300);
    expect(line.text[2]).toMatch(/^Discount 7% on brand Legrand, rule/);
    expect(one(context({ discountRules: [discount({ brandId: BRAND.schneider })] })).unitMinor).toBe(10_000);
  });

  it("a category+brand discount needs both", () => {
    const rule = discount({ target: "category_brand", categoryId: CAT.sockets, brandId: BRAND.legrand, percent: "12.5" });
    const ctx = context({ discountRules: [rule] });
    expect(one(ctx)).toMatchObject({ unitMinor: 8_750, discountPercent: "12.5" });
    expect(one(ctx).text[2]).toBe(`Discount 12.5% on brand Legrand in category Sockets, rule “${rule.name}”`);
    const otherBrandSameCategory = product({ brandId: BRAND.schneider });
    expect(one(ctx, {}, [otherBrandSameCategory]).unitMinor).toBe(10_000);
    const sameBrandOtherCategory = product({ categoryIds: [CAT.cables, CAT.electrical] });
    expect(one(ctx, {}, [sameBrandOtherCategory]).unitMinor).toBe(10_000);
  });

  it("a SKU-list discount matches the variant's or the product's SKU, ignoring case and spaces", () => {
    const byVariant = context({ discountRules: [discount({ target: "sku_list", brandId: null, skus: [" lg-774451 ", "X-1"], percent: "10" })] });
    expect(one(byVariant)).toMatchObject({ unitMinor: 9_000 });
    expect(one(byVariant).text[2]).toMatch(/^Discount 10% on SKU LG-774451, rule/);
    const byProduct = context({ discountRules: [discount({ target: "sku_list", brandId: null, skus: ["LG-7744"], percent: "10" })] });
    expect(one(byProduct).unitMinor).toBe(9_000);
    const other = context({ discountRules: [discount({ target: "sku_list", brandId: null, skus: ["LG-77445"], percent: "10" })] });
    expect(one(other).unitMinor).toBe(10_000);
  });

  it("applies to the chosen base type's price (after a tier switch)", () => {
    const ctx = context({ tiers: [tier({ thresholdMinor: 1 })], discountRules: [discount({ percent: "10" })] });
    expect(one(ctx)).toMatchObject({ priceTypeSource: "tier", baseUnitMinor: 8_000, unitMinor: 7_200 });
  });
});

describe("individual discounts: who they are for, when, and conflicts", () => {
  it("a rule for a contract, the company, its holding, its region or everyone applies; one for another company does not", () => {
    for (const scope of [{ contractId: "k-12", companyId: null }, { companyId: "co-acme" }, { holdingId: "h-stroy", companyId: null }, { regionId: "r-msk", companyId: null }, { companyId: null }]) {
      expect(one(context({ discountRules: [discount({ ...scope, percent: "10" })] })).unitMinor, JSON.stringify(scope)).toBe(9_000);
    }
    for (const scope of [{ contractId: "k-99", companyId: null }, { companyId: "co-other" }, { holdingId: "h-other", companyId: null }, { regionId: "r-spb", companyId: null }]) {
      expect(one(context({ discountRules: [discount({ ...scope, percent: "10" })] })).unitMinor, JSON.stringify(scope)).toBe(10_000);
    }
  });

  it("ignores inactive rules and rules outside their dates; the dates are inclusive", () => {
    const at = (overrides: Partial<DiscountRuleInfo>) => one(context({ discountRules: [discount({ percent: "10", ...overrides })] })).unitMinor;
    expect(at({ isActive: false })).toBe(10_000);
    expect(at({ validTo: "2026-11-22" })).toBe(10_000);
    expect(at({ validFrom: "2026-11-24" })).toBe(10_000);
    expect(at({ validFrom: DAY, validTo: DAY })).toBe(9_000);
    expect(at({ validFrom: "2026-01-01", validTo: "2026-12-31" })).toBe(9_000);
  });

  it("under “largest” the biggest discount wins, and the others are listed as not applied", () => {
    const brand = discount({ name: "Legrand 5", target: "brand", percent: "5", priority: 1 });
    const category = discount({ name: "Frames 7", target: "category", brandId: null, categoryId: CAT.frames, percent: "7", priority: 50 });
    const line = one(context({ conflictRule: "largest", discountRules: [brand, category] }));
    expect(line).toMatchObject({ unitMinor: 9_300, discountPercent: "7" });
    expect(line.text.slice(2, 4)).toEqual([
      "Discount 7% on category Frames (largest of 2 applicable), rule “Frames 7”",
      "Not applied: discount 5% on brand Legrand, rule “Legrand 5” — a larger discount won",
    ]);
    expect(line.ru[2]).toBe("Скидка 7% на категорию Frames (наибольшая из 2 подходящих), правило «Frames 7»");
  });

  it("under “priority” the lowest priority number wins even when smaller", () => {
    const brand = discount({ name: "Legrand 5", target: "brand", percent: "5", priority: 10 });
    const category = discount({ name: "Frames 7", target: "category", brandId: null, categoryId: CAT.frames, percent: "7", priority: 50 });
    const line = one(context({ conflictRule: "priority", discountRules: [category, brand] }));
    expect(line).toMatchObject({ unitMinor: 9_500, discountPercent: "5" });
    expect(line.text.slice(2, 4)).toEqual([
      "Discount 5% on brand Legrand (priority 10, first of 2 applicable), rule “Legrand 5”",
      "Not applied: discount 7% on category Frames, rule “Frames 7” — another discount has a higher priority",
    ]);
  });

  it("breaks ties: equal percents go to the lower priority; equal priorities to the larger percent", () => {
    const a = discount({ name: "A", percent: "5", priority: 20 });
    const b = discount({ name: "B", target: "category", brandId: null, categoryId: CAT.sockets, percent: "5", priority: 10 });
    expect(one(context({ discountRules: [a, b] })).text[2]).toContain("rule “B”");
    const c = discount({ name: "C", percent: "4", priority: 10 });
    const d = discount({ name: "D", target: "category", brandId: null, categoryId: CAT.sockets, percent: "6", priority: 10 });
    expect(one(context({ conflictRule: "priority", discountRules: [c, d] })).text[2]).toContain("rule “D”");
  });

  it("never stacks two discounts", () => {
    const rules = [discount({ percent: "5" }), discount({ target: "category", brandId: null, categoryId: CAT.frames, percent: "5" }), discount({ target: "sku_list", brandId: null, skus: ["LG-774451"], percent: "5" })];
    const line = one(context({ discountRules: rules }));
    expect(line.unitMinor).toBe(9_500);
    expect(line.steps.filter((s) => s.code === "discount.applied")).toHaveLength(1);
    expect(line.steps.filter((s) => s.code === "discount.skipped")).toHaveLength(2);
  });
});

describe("mass rules", () => {
  it("+3% for a line of a brand in a region, applied after the discount, base price untouched", () => {
    const ctx = context({
      discountRules: [discount({ percent: "10" })],
      massRules: [mass({ name: "Valena +3", brandId: BRAND.legrand, line: "Valena", regionId: "r-msk", adjustPercent: "3.00" })],
    });
    const line = one(ctx);
    // 100.00 − 10 % = 90.00, + 3 % = 92.70
    expect(line).toMatchObject({ baseUnitMinor: 10_000, unitMinor: 9_270 });
    expect(line.text[3]).toBe("Mass rule +3%: Legrand line Valena in Moscow");
    expect(line.ru[3]).toBe("Массовое правило +3%: Legrand серия Valena в регионе Moscow");
  });

  it("stack multiplicatively, in order, and may lower prices", () => {
    const ctx = context({ massRules: [mass({ name: "Up", brandId: BRAND.legrand, adjustPercent: "3" }), mass({ name: "Down", categoryId: CAT.sockets, adjustPercent: "-5" })] });
    const line = one(ctx);
    // 10000 × 1.03 × 0.95 = 9785 (not 10000 × 0.98 = 9800)
    expect(line.unitMinor).toBe(9_785);
    expect(line.text.slice(2, 4)).toEqual(["Mass rule +3%: Legrand", "Mass rule −5%: category Sockets"]);
  });

  it("skip products, lines and regions they do not name, and inactive or expired rules", () => {
    const rules = [
      mass({ brandId: BRAND.schneider }),
      mass({ brandId: BRAND.legrand, line: "Etika" }),
      mass({ regionId: "r-spb" }),
      mass({ categoryId: CAT.cables }),
      mass({ isActive: false }),
      mass({ validTo: "2026-11-01" }),
    ];
    const line = one(context({ massRules: rules }));
    expect(line.unitMinor).toBe(10_000);
    expect(line.steps.some((s) => s.code === "mass.applied")).toBe(false);
  });

  it("a rule with no conditions covers everything", () => {
    expect(one(context({ massRules: [mass({ adjustPercent: "1.5" })] })).text[2]).toBe("Mass rule +1.5%: all products");
  });
});

describe("currency and rounding", () => {
  it("converts at the day's rate", () => {
    const line = one(context(), {}, undefined, "USD");
    expect(line).toMatchObject({ currency: "USD", unitMinor: 108, baseUnitMinor: 108 });
    expect(line.text).toContain("Converted RUB→USD at 0.0108");
    expect(line.ru).toContain("Пересчёт RUB→USD по курсу 0.0108");
  });

  it("converts between two non-USD currencies through USD", () => {
    const line = one(context(), {}, undefined, "EUR");
    expect(line).toMatchObject({ currency: "EUR", unitMinor: 100 });
    expect(line.text).toContain("Converted RUB→EUR at 0.01");
  });

  it("converts a type priced in USD to RUB", () => {
    const ctx = context();
    ctx.priceTypes = ctx.priceTypes.map((t) => (t.id === T.retail ? { ...t, currency: "USD" } : t));
    const usdPriced = product({ prices: { [T.retail]: { amountMinor: 108, currency: "USD" } } });
    expect(one(ctx, {}, [usdPriced], "RUB")).toMatchObject({ unitMinor: 10_000, currency: "RUB" });
  });

  it("rounds half up once, on the unit price, not after every step", () => {
    // 10.05 − 10 % = 9.045, + 10 % = 9.9495 → 9.95 (rounding after the discount would give 9.96).
    const ctx = context({ discountRules: [discount({ percent: "10" })], massRules: [mass({ adjustPercent: "10" })] });
    expect(one(ctx, {}, [product({ prices: { [T.retail]: { amountMinor: 1_005, currency: "RUB" } } })]).unitMinor).toBe(995);
    // 123.50 RUB × 0.01 = 1.235 EUR → 1.24 (half up)
    expect(one(context(), {}, [product({ prices: { [T.retail]: { amountMinor: 12_350, currency: "RUB" } } })], "EUR").unitMinor).toBe(124);
    // 7.5 % off 100.01 = 92.50925 → 92.51
    expect(one(context({ discountRules: [discount({ percent: "7.5" })] }), {}, [product({ prices: { [T.retail]: { amountMinor: 10_001, currency: "RUB" } } })]).unitMinor).toBe(9_251);
  });

  it("line total = rounded unit price × quantity (fractional quantities rounded half up)", () => {
    const ctx = context({ discountRules: [discount({ percent: "7.5" })] });
    const line = one(ctx, { quantity: 2.5 }, [product({ prices: { [T.retail]: { amountMinor: 10_001, currency: "RUB" } } })]);
    expect(line.unitMinor).toBe(9_251);
    expect(line.lineTotalMinor).toBe(23_128); // 9251 × 2.5 = 23127.5 → 23128
  });

  it("without a rate for the day the line is not available", () => {
    const line = one(context({ usdPerUnit: {} }), {}, undefined, "EUR");
    expect(line).toMatchObject({ available: false, unavailableReason: "no_rate", unitMinor: 0 });
    expect(line.text.at(-1)).toBe(`No RUB→EUR rate on ${DAY}: not available`);
  });
});

describe("units of measure", () => {
  it("prices a box of 10 at ten base units", () => {
    const line = one(context({ discountRules: [discount({ percent: "10" })] }), { unit: "box", quantity: 2 });
    expect(line).toMatchObject({ unit: "box", baseUnitMinor: 100_000, unitMinor: 90_000, lineTotalMinor: 180_000 });
    expect(line.text[1]).toBe("Price 100.00 RUB per base unit × 10 per box");
  });

  it("refuses an unknown unit", () => {
    expect(one(context(), { unit: "pallet" })).toMatchObject({ available: false, unavailableReason: "unknown_unit" });
  });
});

describe("client access level 1", () => {
  const restricted = () =>
    context({
      personal: false,
      contract: { id: "k-12", number: "12", priceTypeId: T.wholesale },
      company: { ...context().company!, priceTypeId: T.big },
      discountRules: [discount({ percent: "10" })],
      tiers: [tier({ thresholdMinor: 1 })],
      massRules: [mass({ brandId: BRAND.legrand, adjustPercent: "3" })],
    });

  it("sees the default type's price with public mass rules, but no individual type, tier or discount", () => {
    const result = price(restricted());
    expect(result.personal).toBe(false);
    const line = result.lines[0]!;
    expect(line).toMatchObject({ priceTypeCode: "retail", priceTypeSource: "default", unitMinor: 10_300 });
    expect(line.discountPercent).toBeUndefined();
    expect(explainLine(line)).toEqual(["Access level 1: public prices, no individual prices or discounts", "Base price: Retail (default)", "Price 100.00 RUB", "Mass rule +3%: Legrand", "Final price: 103.00 RUB"]);
  });

  it("sees the region's type when the region has one", () => {
    const ctx = restricted();
    ctx.region = { ...ctx.region!, priceTypeId: T.small };
    expect(price(ctx).lines[0]).toMatchObject({ priceTypeCode: "small_wholesale", priceTypeSource: "region" });
  });
});

describe("missing prices and unknown items", () => {
  it("marks a line without a price of the type as not available, and leaves it out of the total", () => {
    const ctx = context({ contract: { id: "k-12", number: "12", priceTypeId: T.wholesale } });
    const result = price(
      ctx,
      [
        { variantId: "v-frame", quantity: 2 },
        { variantId: "v-cable", quantity: 1 },
      ],
      [product(), { ...cable(), prices: { [T.retail]: { amountMinor: 5_000, currency: "RUB" } } }],
    );
    expect(result.lines[1]).toMatchObject({ available: false, unavailableReason: "no_price", unitMinor: 0, lineTotalMinor: 0 });
    expect(explainLine(result.lines[1]!).at(-1)).toBe("No Wholesale price: not available");
    expect(result.totalMinor).toBe(18_000);
  });

  it("marks an unknown variant", () => {
    const result = price(context(), [{ variantId: "v-ghost", quantity: 1 }]);
    expect(result.lines[0]).toMatchObject({ available: false, unavailableReason: "unknown_variant" });
    expect(explainLine(result.lines[0]!)).toEqual(["Unknown product"]);
  });

  it("prices nothing when no price type exists at all", () => {
    const result = price(context({ priceTypes: [] }));
    expect(result.lines[0]).toMatchObject({ available: false, unavailableReason: "no_price" });
  });
});

describe("a whole cart", () => {
  it("keeps the order of the lines and sums available ones", () => {
    const result = price(context({ discountRules: [discount({ percent: "10" })] }), [
      { variantId: "v-cable", quantity: 3 },
      { variantId: "v-frame", quantity: 2 },
    ]);
    expect(result.lines.map((l) => [l.variantId, l.unitMinor, l.lineTotalMinor])).toEqual([
      ["v-cable", 10_000, 30_000],
      ["v-frame", 9_000, 18_000],
    ]);
    expect(result).toMatchObject({ currency: "RUB", totalMinor: 48_000, personal: true });
  });
});
