import { eq as sqlEq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  appSettings, brands, categories, companies, companyMembers, contracts, discountRules, fxRates, holdings, massRules, prices, priceTiers, priceTypes, productCategories,
  products, productUnits, productVariants, regions,
} from "@/db/schema";
import { setActiveCompany } from "@/server/domain/companies/active-company";
import { explainLine } from "@/server/domain/pricing/explain";
import { loadPricingContext, loadProductFacts } from "@/server/domain/pricing/load-pricing-context";
import { priceForBuyer, priceForCompany } from "@/server/domain/pricing/price-for-buyer";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeUser } from "../helpers/fixtures";

/*
 * The loader and priceForBuyer against real rows on both drivers: companies in a holding and
 * regions, a contract, a 3-level category tree (products linked to their leaf only: ancestors
 * come from the category path), variants, prices of four types, units, rules, a tier, FX rates.
 */
const DAY = "2030-06-15";
let t: TestDatabase;
let w: Awaited<ReturnType<typeof world>>;

beforeAll(async () => {
  t = await createTestDatabase();
  w = await world(t.db);
});
afterAll(async () => {
  await t.destroy();
});

async function world(db: Db) {
  const [retail, small, wholesale, big] = await db
    .insert(priceTypes)
    .values([
      { code: "retail", name: "Retail", rank: 0, isDefault: true },
      { code: "small_wholesale", name: "Small wholesale", rank: 1 },
      { code: "wholesale", name: "Wholesale", rank: 2 },
      { code: "big_wholesale", name: "Big wholesale", rank: 3 },
    ])
    .returning();
  const [moscow, spb] = await db
    .insert(regions)
    .values([
      { code: "msk", name: "Moscow", isDefault: true },
      { code: "spb", name: "Saint Petersburg", priceTypeId: small!.id },
    ])
    .returning();
  const [holding] = await db.insert(holdings).values({ name: "Stroy Group" }).returning();
  const [acme, northern, other] = await db
    .insert(companies)
    .values([
      { name: "ACME", inn: "7707083893", kpp: "770701001", holdingId: holding!.id, regionId: moscow!.id },
      { name: "Northern", inn: "7802000001", kpp: "780201001", regionId: spb!.id, priceTypeId: small!.id },
      { name: "Other", inn: "7702000002", kpp: "770201001", regionId: moscow!.id },
    ])
    .returning();
  const [contract] = await db.insert(contracts).values({ companyId: acme!.id, number: "12", priceTypeId: wholesale!.id, currency: "RUB", isDefault: true }).returning();
  // A second, non-default contract with a cheaper type must not be picked.
  await db.insert(contracts).values({ companyId: acme!.id, number: "13-old", priceTypeId: big!.id, currency: "RUB", isDefault: false });

  const [legrand, schneider] = await db
    .insert(brands)
    .values([
      { name: "Legrand", slug: "legrand" },
      { name: "Schneider", slug: "schneider" },
    ])
    .returning();
  const [electrical] = await db.insert(categories).values({ name: "Electrical", slug: "electrical", path: "/", depth: 0 }).returning();
  await db.update(categories).set({ path: `/${electrical!.id}/` }).where(eqId(electrical!.id));
  const [sockets] = await db.insert(categories).values({ name: "Sockets", slug: "sockets", parentId: electrical!.id, path: `/${electrical!.id}/`, depth: 1 }).returning();
  const socketsPath = `/${electrical!.id}/${sockets!.id}/`;
  await db.update(categories).set({ path: socketsPath }).where(eqId(sockets!.id));
  const [frames] = await db.insert(categories).values({ name: "Frames", slug: "frames", parentId: sockets!.id, path: socketsPath, depth: 2 }).returning();
  await db.update(categories).set({ path: `${socketsPath}${frames!.id}/` }).where(eqId(frames!.id));

  const [frame, cable] = await db
    .insert(products)
    .values([
      { sku: "LG-7744", name: "Valena frame", slug: "valena-frame", brandId: legrand!.id, line: "Valena", mainCategoryId: frames!.id },
      { sku: "SE-CBL", name: "Cable", slug: "cable", brandId: schneider!.id, mainCategoryId: electrical!.id },
    ])
    .returning();
  await db.insert(productCategories).values([
    { productId: frame!.id, categoryId: frames!.id },
    { productId: cable!.id, categoryId: electrical!.id },
  ]);
  await db.insert(productUnits).values({ productId: frame!.id, unit: "box", ratio: "10", isDefault: false });
  const [frameWhite, cableV] = await db
    .insert(productVariants)
    .values([
      { productId: frame!.id, sku: "LG-774451", name: "white", isDefault: true },
      { productId: cable!.id, sku: "SE-CBL-1", name: "Cable 1 m", isDefault: true },
    ])
    .returning();
  const priceRows = (variantId: string, amounts: [number, number, number, number]) =>
    [retail, small, wholesale, big].map((type, i) => ({ variantId, priceTypeId: type!.id, amountMinor: amounts[i]!, currency: "RUB" }));
  await db.insert(prices).values([...priceRows(frameWhite!.id, [10_000, 9_500, 9_000, 8_000]), ...priceRows(cableV!.id, [5_000, 4_800, 4_500, 4_000])]);
  await db.insert(fxRates).values([
    { currency: "RUB", day: "2030-06-14", usdPerUnit: "0.0108" },
    { currency: "RUB", day: "2030-06-16", usdPerUnit: "0.0200" },
    { currency: "EUR", day: "2030-06-01", usdPerUnit: "1.0800" },
  ]);

  const buyer = await makeUser(db, { role: "buyer" });
  const basicBuyer = await makeUser(db, { role: "buyer" });
  await db.insert(companyMembers).values([
    { userId: buyer.id, companyId: acme!.id, accessLevel: 2, isDefault: true },
    { userId: buyer.id, companyId: northern!.id, accessLevel: 3 },
    { userId: basicBuyer.id, companyId: acme!.id, accessLevel: 1, isDefault: true },
  ]);
  return { retail: retail!, small: small!, wholesale: wholesale!, big: big!, moscow: moscow!, spb: spb!, holding: holding!, acme: acme!, northern: northern!, other: other!, contract: contract!, legrand: legrand!, schneider: schneider!, electrical: electrical!, sockets: sockets!, frames: frames!, frameWhite: frameWhite!, cableV: cableV!, buyer, basicBuyer };
}

function eqId(id: string) {
  return sqlEq(categories.id, id);
}

describe("loadProductFacts", () => {
  it("brings categories with their ancestors from the path, prices of every type and unit ratios", async () => {
    const facts = await loadProductFacts(t.db, [w.frameWhite.id, w.cableV.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]);
    expect(facts.size).toBe(2);
    const frame = facts.get(w.frameWhite.id)!;
    expect(new Set(frame.categoryIds)).toEqual(new Set([w.electrical.id, w.sockets.id, w.frames.id]));
    expect(frame).toMatchObject({ sku: "LG-774451", productSku: "LG-7744", brandId: w.legrand.id, line: "Valena", baseUnit: "pcs", unitRatios: { box: "10.0000" } });
    expect(frame.prices[w.wholesale.id]).toEqual({ amountMinor: 9_000, currency: "RUB" });
    expect(Object.keys(frame.prices)).toHaveLength(4);
  });
});

describe("loadPricingContext", () => {
  it("loads the company, its default contract, holding and region, and only the rules that may apply today", async () => {
    const rules = await t.db
      .insert(discountRules)
      .values([
        { name: "ctx-company", target: "brand", brandId: w.legrand.id, companyId: w.acme.id, percent: "1" },
        { name: "ctx-other-company", target: "brand", brandId: w.legrand.id, companyId: w.other.id, percent: "1" },
        { name: "ctx-inactive", target: "brand", brandId: w.legrand.id, percent: "1", isActive: false },
        { name: "ctx-expired", target: "brand", brandId: w.legrand.id, percent: "1", validTo: "2030-06-14" },
        { name: "ctx-future", target: "brand", brandId: w.legrand.id, percent: "1", validFrom: "2030-06-16" },
        { name: "ctx-holding", target: "brand", brandId: w.legrand.id, holdingId: w.holding.id, percent: "1" },
        { name: "ctx-region-spb", target: "brand", brandId: w.legrand.id, regionId: w.spb.id, percent: "1" },
      ])
      .returning();
    try {
      const { context, contractCurrency } = await loadPricingContext(t.db, w.acme.id, { day: DAY });
      expect(context.company?.name).toBe("ACME");
      expect(context.contract).toMatchObject({ number: "12", priceTypeId: w.wholesale.id });
      expect(context.holding?.name).toBe("Stroy Group");
      expect(context.region?.name).toBe("Moscow");
      expect(contractCurrency).toBe("RUB");
      expect(context.conflictRule).toBe("largest");
      expect(context.personal).toBe(true);
      expect(context.discountRules.map((r) => r.name).filter((n) => n.startsWith("ctx-")).sort()).toEqual(["ctx-company", "ctx-holding"]);
      expect(context.names.brands[w.legrand.id]).toBe("Legrand");
    } finally {
      await t.db.delete(discountRules).where(sqlEq(discountRules.target, "brand"));
      expect(rules).toHaveLength(7);
    }
  });

  it("for no company: the default region's public context, no rules, no tiers", async () => {
    const { context } = await loadPricingContext(t.db, null, { day: DAY });
    expect(context).toMatchObject({ company: null, contract: null, personal: false, discountRules: [], tiers: [] });
    expect(context.region?.code).toBe("msk");
  });
});

describe("priceForBuyer", () => {
  it("prices with the contract type, a category discount over the subtree, a mass rule and the explanation", async () => {
    const [rule] = await t.db.insert(discountRules).values({ name: "Electrical 7", target: "category", categoryId: w.electrical.id, companyId: w.acme.id, percent: "7.00" }).returning();
    const [mass] = await t.db.insert(massRules).values({ name: "Valena +3", brandId: w.legrand.id, line: "valena", regionId: w.moscow.id, adjustPercent: "3.00" }).returning();
    try {
      const result = await priceForBuyer(t.db, w.buyer.id, [{ variantId: w.frameWhite.id, quantity: 2 }], undefined, { day: DAY });
      expect(result).toMatchObject({ currency: "RUB", personal: true });
      const line = result.lines[0]!;
      // 90.00 − 7 % = 83.70, + 3 % = 86.211 → 86.21
      expect(line).toMatchObject({ priceTypeCode: "wholesale", priceTypeSource: "contract", baseUnitMinor: 9_000, unitMinor: 8_621, lineTotalMinor: 17_242, available: true, sku: "LG-774451" });
      expect(explainLine(line)).toEqual([
        "Base price: Wholesale (contract №12)",
        "Price 90.00 RUB",
        "Discount 7% on category Electrical, rule “Electrical 7”",
        "Mass rule +3%: Legrand line valena in Moscow",
        "Final price: 86.21 RUB",
      ]);
      expect(result.totalMinor).toBe(17_242);
    } finally {
      await t.db.delete(discountRules).where(sqlEq(discountRules.id, rule!.id));
      await t.db.delete(massRules).where(sqlEq(massRules.id, mass!.id));
    }
  });

  it("follows the conflict rule stored in app settings", async () => {
    const inserted = await t.db
      .insert(discountRules)
      .values([
        { name: "Brand 5", target: "brand", brandId: w.legrand.id, companyId: w.acme.id, percent: "5", priority: 10 },
        { name: "Frames 8", target: "category", categoryId: w.frames.id, companyId: w.acme.id, percent: "8", priority: 50 },
      ])
      .returning();
    try {
      const largest = await priceForBuyer(t.db, w.buyer.id, [{ variantId: w.frameWhite.id, quantity: 1 }], "RUB", { day: DAY });
      expect(largest.lines[0]).toMatchObject({ unitMinor: 8_280, discountPercent: "8" });
      await t.db.insert(appSettings).values({ key: "pricing.discountConflict", value: "priority" });
      const priority = await priceForBuyer(t.db, w.buyer.id, [{ variantId: w.frameWhite.id, quantity: 1 }], "RUB", { day: DAY });
      expect(priority.lines[0]).toMatchObject({ unitMinor: 8_550, discountPercent: "5" });
      expect(explainLine(priority.lines[0]!)[2]).toBe("Discount 5% on brand Legrand (priority 10, first of 2 applicable), rule “Brand 5”");
    } finally {
      await t.db.delete(appSettings).where(sqlEq(appSettings.key, "pricing.discountConflict"));
      for (const r of inserted) await t.db.delete(discountRules).where(sqlEq(discountRules.id, r.id));
    }
  });

  it("switches to a tier's type when the cart reaches the threshold, not below it", async () => {
    const [tier] = await t.db.insert(priceTiers).values({ name: "Big order", thresholdMinor: 1_000_000, currency: "RUB", priceTypeId: w.big.id }).returning();
    try {
      // At wholesale: 100 × 90.00 + 20 × 45.00 = 9,900.00 < 10,000.00
      const below = await priceForBuyer(
        t.db,
        w.buyer.id,
        [
          { variantId: w.frameWhite.id, quantity: 100 },
          { variantId: w.cableV.id, quantity: 20 },
        ],
        "RUB",
        { day: DAY },
      );
      expect(below.lines.map((l) => l.priceTypeSource)).toEqual(["contract", "contract"]);
      // + 1 box of 10 frames: 10,800.00 ≥ 10,000.00 → big wholesale for the whole cart
      const reached = await priceForBuyer(
        t.db,
        w.buyer.id,
        [
          { variantId: w.frameWhite.id, quantity: 100 },
          { variantId: w.cableV.id, quantity: 20 },
          { variantId: w.frameWhite.id, quantity: 1, unit: "box" },
        ],
        "RUB",
        { day: DAY },
      );
      expect(reached.lines.map((l) => [l.priceTypeCode, l.unitMinor])).toEqual([
        ["big_wholesale", 8_000],
        ["big_wholesale", 4_000],
        ["big_wholesale", 80_000],
      ]);
      expect(explainLine(reached.lines[0]!)[1]).toBe("Cart total 10,800.00 RUB reached tier “Big order” (from 10,000.00 RUB): price type Big wholesale");
    } finally {
      await t.db.delete(priceTiers).where(sqlEq(priceTiers.id, tier!.id));
    }
  });

  it("converts at the last rate on or before the day", async () => {
    const result = await priceForBuyer(t.db, w.buyer.id, [{ variantId: w.frameWhite.id, quantity: 1 }], "USD", { day: DAY });
    expect(result.lines[0]).toMatchObject({ currency: "USD", unitMinor: 97 }); // 90.00 RUB × 0.0108 = 0.972 → 0.97
    expect(explainLine(result.lines[0]!)).toContain("Converted RUB→USD at 0.0108");
    const eur = await priceForBuyer(t.db, w.buyer.id, [{ variantId: w.frameWhite.id, quantity: 1 }], "EUR", { day: DAY });
    expect(eur.lines[0]).toMatchObject({ currency: "EUR", unitMinor: 90 }); // × 0.0108 / 1.08 = 0.01
    const tooEarly = await priceForBuyer(t.db, w.buyer.id, [{ variantId: w.frameWhite.id, quantity: 1 }], "USD", { day: "2030-06-01" });
    expect(tooEarly.lines[0]).toMatchObject({ available: false, unavailableReason: "no_rate" });
  });

  it("follows the active company: switching it changes the price type and the rules", async () => {
    await setActiveCompany(t.db, w.buyer.id, w.northern.id);
    try {
      const result = await priceForBuyer(t.db, w.buyer.id, [{ variantId: w.frameWhite.id, quantity: 1 }], "RUB", { day: DAY });
      expect(result.lines[0]).toMatchObject({ priceTypeCode: "small_wholesale", priceTypeSource: "company", unitMinor: 9_500 });
      expect(explainLine(result.lines[0]!)[0]).toBe("Base price: Small wholesale (company Northern)");
    } finally {
      await setActiveCompany(t.db, w.buyer.id, w.acme.id);
    }
    const back = await priceForBuyer(t.db, w.buyer.id, [{ variantId: w.frameWhite.id, quantity: 1 }], "RUB", { day: DAY });
    expect(back.lines[0]).toMatchObject({ priceTypeCode: "wholesale", priceTypeSource: "contract" });
  });

  it("shows a level-1 member of the same company public prices only", async () => {
    const [rule] = await t.db.insert(discountRules).values({ name: "All 10", target: "brand", brandId: w.legrand.id, percent: "10" }).returning();
    try {
      const result = await priceForBuyer(t.db, w.basicBuyer.id, [{ variantId: w.frameWhite.id, quantity: 1 }], "RUB", { day: DAY });
      expect(result.personal).toBe(false);
      expect(result.lines[0]).toMatchObject({ priceTypeCode: "retail", priceTypeSource: "default", unitMinor: 10_000 });
      expect(result.lines[0]!.discountPercent).toBeUndefined();
      const full = await priceForBuyer(t.db, w.buyer.id, [{ variantId: w.frameWhite.id, quantity: 1 }], "RUB", { day: DAY });
      expect(full.lines[0]).toMatchObject({ unitMinor: 8_100, discountPercent: "10" });
    } finally {
      await t.db.delete(discountRules).where(sqlEq(discountRules.id, rule!.id));
    }
  });

  it("prices an anonymous visitor and a buyer without a company at the default type", async () => {
    const loner = await makeUser(t.db, { role: "buyer" });
    for (const userId of [null, loner.id]) {
      const result = await priceForBuyer(t.db, userId, [{ variantId: w.cableV.id, quantity: 3 }], undefined, { day: DAY });
      expect(result).toMatchObject({ personal: false, currency: "RUB", totalMinor: 15_000 });
      expect(result.lines[0]).toMatchObject({ priceTypeCode: "retail", priceTypeSource: "default", unitMinor: 5_000 });
    }
  });

  it("marks unknown variants and variants without a price of the type as not available", async () => {
    await t.db.delete(prices).where(sqlEq(prices.priceTypeId, w.wholesale.id));
    try {
      const result = await priceForBuyer(
        t.db,
        w.buyer.id,
        [
          { variantId: w.cableV.id, quantity: 1 },
          { variantId: "00000000-0000-4000-8000-000000000000", quantity: 1 },
        ],
        "RUB",
        { day: DAY },
      );
      expect(result.lines.map((l) => [l.available, l.unavailableReason])).toEqual([
        [false, "no_price"],
        [false, "unknown_variant"],
      ]);
      expect(result.totalMinor).toBe(0);
    } finally {
      await t.db.insert(prices).values([
        { variantId: w.frameWhite.id, priceTypeId: w.wholesale.id, amountMinor: 9_000, currency: "RUB" },
        { variantId: w.cableV.id, priceTypeId: w.wholesale.id, amountMinor: 4_500, currency: "RUB" },
      ]);
    }
  });
});

describe("priceForCompany (manager preview)", () => {
  it("prices as the company's full-access buyers see it, whoever asks", async () => {
    const preview = await priceForCompany(t.db, w.acme.id, [{ variantId: w.frameWhite.id, quantity: 3 }], "RUB", { day: DAY });
    const buyer = await priceForBuyer(t.db, w.buyer.id, [{ variantId: w.frameWhite.id, quantity: 3 }], "RUB", { day: DAY });
    expect(preview).toEqual(buyer);
    expect(preview.lines[0]).toMatchObject({ priceTypeSource: "contract", unitMinor: 9_000, lineTotalMinor: 27_000 });
  });
});
