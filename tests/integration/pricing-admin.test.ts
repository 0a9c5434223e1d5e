import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoPricing } from "@/db/seed/demo-pricing";
import { appSettings, auditLog, brands, categories, companies, discountRules, massRules, prices, priceTiers, priceTypes, products, productVariants, regions } from "@/db/schema";
import { ROLES, type Role } from "@/server/auth/roles";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { outcomeOf, trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

async function callerAs(role: Role) {
  const user = await makeUser(t.db, { role });
  return { user, caller: callerFor(t.db, await sessionFor(t.db, user.id)) };
}

describe("demo pricing seed", () => {
  it("seeds the four price types even without a catalog, skipping rules whose targets are missing; idempotent", async () => {
    const first = await seedDemoPricing(t.db);
    expect(first).toMatchObject({ priceTypes: 4, discountRules: 0, massRules: 0, tiers: 2 });
    const types = await t.db.select().from(priceTypes).orderBy(priceTypes.rank);
    expect(types.map((x) => [x.code, x.isDefault])).toEqual([
      ["retail", true],
      ["small_wholesale", false],
      ["wholesale", false],
      ["big_wholesale", false],
    ]);
    const [conflict] = await t.db.select().from(appSettings).where(eq(appSettings.key, "pricing.discountConflict"));
    expect(conflict?.value).toBe("largest");
    await seedDemoPricing(t.db);
    expect(await t.db.select().from(priceTypes)).toHaveLength(4);
    expect(await t.db.select().from(priceTiers)).toHaveLength(2);
  });

  it("adds discount and mass rules once the catalog has brands, categories and products", async () => {
    const fresh = await createTestDatabase();
    try {
      const [brand] = await fresh.db.insert(brands).values({ name: "Legrand", slug: "legrand" }).returning();
      const [root] = await fresh.db.insert(categories).values({ name: "Electrical", slug: "electrical", path: "/" }).returning();
      await fresh.db.insert(products).values({ sku: "LG-1", name: "Frame", slug: "lg-1", brandId: brand!.id, line: "Valena", mainCategoryId: root!.id });
      const summary = await seedDemoPricing(fresh.db);
      expect(summary).toMatchObject({ priceTypes: 4, discountRules: 4, massRules: 1, tiers: 2 });
      const mass = await fresh.db.select().from(massRules);
      expect(mass[0]).toMatchObject({ brandId: brand!.id, line: "Valena", adjustPercent: "3.00" });
      expect((await fresh.db.select().from(discountRules)).map((r) => r.target).sort()).toEqual(["brand", "category", "category_brand", "sku_list"]);
    } finally {
      await fresh.destroy();
    }
  });
});

describe("pricing admin through tRPC", () => {
  it("an admin adds a price type; one default at a time; a duplicate code is a CONFLICT on the code", async () => {
    const { caller } = await callerAs("admin");
    const created = await caller.pricing.createPriceType({ code: "vip", name: "VIP", rank: 5, currency: "rub", isDefault: true, isActive: true, erpId: null });
    expect(created).toMatchObject({ code: "vip", currency: "RUB", isDefault: true });
    const defaults = (await caller.pricing.priceTypes()).filter((x) => x.isDefault);
    expect(defaults.map((x) => x.code)).toEqual(["vip"]);
    const retail = (await caller.pricing.priceTypes()).find((x) => x.code === "retail")!;
    await caller.pricing.updatePriceType({ ...retail, isDefault: true });
    expect((await caller.pricing.priceTypes()).filter((x) => x.isDefault).map((x) => x.code)).toEqual(["retail"]);
    const duplicate = await trpcError(caller.pricing.createPriceType({ code: "VIP", name: "Again", rank: 6, currency: "RUB", isDefault: false, isActive: true, erpId: null }));
    expect(duplicate.code).toBe("CONFLICT");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "pricing.priceType.create"));
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it("a director manages discount rules: create with targets, validate, filter, edit, deactivate", async () => {
    const { caller } = await callerAs("director");
    const [brand] = await t.db.insert(brands).values({ name: "Schneider", slug: "schneider-adm" }).returning();
    const [company] = await t.db.insert(companies).values({ name: "Filter Co", inn: "7707083893", kpp: "770701009" }).returning();
    const missingBrand = await trpcError(caller.pricing.createDiscountRule({ name: "No brand", scope: "all", scopeId: null, target: "brand", categoryId: null, brandId: null, skus: [], percent: "5", priority: 100, validFrom: null, validTo: null, isActive: true }));
    expect(missingBrand.code).toBe("BAD_REQUEST");
    const backwards = await trpcError(
      caller.pricing.createDiscountRule({ name: "Dates", scope: "all", scopeId: null, target: "brand", categoryId: null, brandId: brand!.id, skus: [], percent: "5", priority: 100, validFrom: "2030-02-01", validTo: "2030-01-01", isActive: true }),
    );
    expect(backwards.code).toBe("BAD_REQUEST");
    const ghost = await trpcError(
      caller.pricing.createDiscountRule({ name: "Ghost", scope: "company", scopeId: "00000000-0000-4000-8000-000000000000", target: "brand", categoryId: null, brandId: brand!.id, skus: [], percent: "5", priority: 100, validFrom: null, validTo: null, isActive: true }),
    );
    expect(ghost.code).toBe("BAD_REQUEST");

    const rule = await caller.pricing.createDiscountRule({
      name: "Filter Co Schneider",
      scope: "company",
      scopeId: company!.id,
      target: "brand",
      categoryId: "00000000-0000-4000-8000-000000000001",
      brandId: brand!.id,
      skus: ["ignored"],
      percent: "7.5",
      priority: 20,
      validFrom: null,
      validTo: null,
      isActive: true,
    });
    // Only the columns the target uses are kept.
    expect(rule).toMatchObject({ companyId: company!.id, brandId: brand!.id, categoryId: null, skus: [], percent: "7.50" });
    const skuRule = await caller.pricing.createDiscountRule({ name: "SKU list", scope: "all", scopeId: null, target: "sku_list", categoryId: null, brandId: null, skus: ["ab-1", "AB-1", " cd-2 "], percent: "3", priority: 100, validFrom: null, validTo: null, isActive: true });
    expect(skuRule.skus).toEqual(["AB-1", "CD-2"]);

    const byCompany = await caller.pricing.discountRules({ q: "filter co", status: "active", limit: 50 });
    expect(byCompany.map((r) => r.name)).toEqual(["Filter Co Schneider"]);
    expect(byCompany[0]).toMatchObject({ scope: "company", scopeName: "Filter Co", brandName: "Schneider" });
    expect((await caller.pricing.discountRules({ target: "sku_list", status: "any", limit: 50 })).map((r) => r.id)).toContain(skuRule.id);

    const edited = await caller.pricing.updateDiscountRule({ id: rule.id, rule: { name: "Filter Co Schneider 9", scope: "all", scopeId: null, target: "brand", categoryId: null, brandId: brand!.id, skus: [], percent: "9", priority: 5, validFrom: "2030-01-01", validTo: null, isActive: true } });
    expect(edited).toMatchObject({ companyId: null, percent: "9.00", priority: 5, validFrom: "2030-01-01" });
    await caller.pricing.setDiscountRuleActive({ id: rule.id, isActive: false });
    expect((await caller.pricing.discountRules({ q: "Filter Co Schneider", status: "active", limit: 50 })).map((r) => r.id)).not.toContain(rule.id);
    expect((await caller.pricing.discountRules({ q: "Filter Co Schneider", status: "inactive", limit: 50 })).map((r) => r.id)).toContain(rule.id);
    expect((await trpcError(caller.pricing.setDiscountRuleActive({ id: "00000000-0000-4000-8000-000000000000", isActive: true }))).code).toBe("NOT_FOUND");
  });

  it("an admin manages mass rules, tiers and the conflict rule", async () => {
    const { caller } = await callerAs("admin");
    const [region] = await t.db.insert(regions).values({ code: "kzn", name: "Kazan" }).returning();
    const mass = await caller.pricing.createMassRule({ name: "Kazan +3", brandId: null, line: " ", categoryId: null, regionId: region!.id, adjustPercent: "+3", validFrom: null, validTo: null, isActive: true });
    expect(mass).toMatchObject({ line: null, adjustPercent: "3.00" });
    expect((await trpcError(caller.pricing.createMassRule({ name: "Zero", brandId: null, line: null, categoryId: null, regionId: null, adjustPercent: "0", validFrom: null, validTo: null, isActive: true }))).code).toBe("BAD_REQUEST");
    await caller.pricing.updateMassRule({ id: mass.id, rule: { name: "Kazan -2", brandId: null, line: "Valena", categoryId: null, regionId: region!.id, adjustPercent: "-2", validFrom: null, validTo: null, isActive: true } });
    expect((await caller.pricing.massRules()).find((r) => r.id === mass.id)).toMatchObject({ name: "Kazan -2", adjustPercent: "-2.00", regionName: "Kazan", line: "Valena" });
    await caller.pricing.setMassRuleActive({ id: mass.id, isActive: false });

    const big = (await caller.pricing.priceTypes()).find((x) => x.code === "big_wholesale")!;
    const tier = await caller.pricing.createTier({ name: "From 1M", thresholdMinor: 100_000_000, currency: "RUB", priceTypeId: big.id, regionId: null, isActive: true });
    await caller.pricing.updateTier({ id: tier.id, name: "From 2M", thresholdMinor: 200_000_000, currency: "RUB", priceTypeId: big.id, regionId: region!.id, isActive: true });
    expect((await caller.pricing.tiers()).find((x) => x.id === tier.id)).toMatchObject({ name: "From 2M", priceTypeCode: "big_wholesale", regionName: "Kazan" });
    await caller.pricing.setTierActive({ id: tier.id, isActive: false });

    expect(await caller.pricing.conflictRule()).toEqual({ rule: "largest" });
    expect(await caller.pricing.setConflictRule({ rule: "priority" })).toEqual({ rule: "priority" });
    expect(await caller.pricing.conflictRule()).toEqual({ rule: "priority" });
    expect((await trpcError(caller.pricing.setConflictRule({ rule: "smallest" as "largest" }))).code).toBe("BAD_REQUEST");
    await caller.pricing.setConflictRule({ rule: "largest" });
  });
});

describe("who may call what", () => {
  const ADMIN_CALLS: [string, (c: ReturnType<typeof callerFor>) => Promise<unknown>][] = [
    ["priceTypes", (c) => c.pricing.priceTypes()],
    ["createPriceType", (c) => c.pricing.createPriceType({ code: "nope", name: "Nope", rank: 9, currency: "RUB", isDefault: false, isActive: true, erpId: null })],
    ["discountRules", (c) => c.pricing.discountRules({ status: "any", limit: 10 })],
    ["setDiscountRuleActive", (c) => c.pricing.setDiscountRuleActive({ id: "00000000-0000-4000-8000-000000000000", isActive: false })],
    ["massRules", (c) => c.pricing.massRules()],
    ["tiers", (c) => c.pricing.tiers()],
    ["conflictRule", (c) => c.pricing.conflictRule()],
    ["setConflictRule", (c) => c.pricing.setConflictRule({ rule: "priority" })],
  ];
  const refused = ROLES.filter((r) => r !== "admin" && r !== "director");

  it.each(refused)("%s is refused every admin procedure", async (role) => {
    const { caller } = await callerAs(role);
    for (const [name, call] of ADMIN_CALLS) expect(await outcomeOf(call(caller)), name).toBe("FORBIDDEN");
  });

  it.each(["buyer", "supplier", "call_center", "content_moderator"] as const)("%s may not price-check either", async (role) => {
    const { caller } = await callerAs(role);
    expect(await outcomeOf(caller.pricing.priceCheck({ companyId: null, items: [{ sku: "X", quantity: 1 }] }))).toBe("FORBIDDEN");
    expect(await outcomeOf(caller.pricing.lookup({ kind: "company", q: "", limit: 5 }))).toBe("FORBIDDEN");
  });

  it("anonymous callers must log in", async () => {
    expect(await outcomeOf(callerFor(t.db, null).pricing.priceTypes())).toBe("UNAUTHORIZED");
    expect(await outcomeOf(callerFor(t.db, null).pricing.priceCheck({ companyId: null, items: [{ sku: "X", quantity: 1 }] }))).toBe("UNAUTHORIZED");
  });
});

describe("price check", () => {
  it("a manager checks prices of his own client's SKUs with explanations; others' companies are NOT_FOUND; admin lookups are refused", async () => {
    const { user: manager, caller } = await callerAs("manager");
    const { user: otherManager } = await callerAs("manager");
    const types = new Map((await t.db.select().from(priceTypes)).map((x) => [x.code, x]));
    const [mine, theirs] = await t.db
      .insert(companies)
      .values([
        { name: "Mine LLC", inn: "7707083893", kpp: "770701011", managerId: manager.id, priceTypeId: types.get("wholesale")!.id },
        { name: "Theirs LLC", inn: "7707083893", kpp: "770701012", managerId: otherManager.id },
      ])
      .returning();
    const [product] = await t.db.insert(products).values({ sku: "PC-100", name: "Checked product", slug: "pc-100" }).returning();
    const [variant] = await t.db.insert(productVariants).values({ productId: product!.id, sku: "PC-100-W", name: "white", isDefault: true }).returning();
    await t.db.insert(prices).values([
      { variantId: variant!.id, priceTypeId: types.get("retail")!.id, amountMinor: 20_000, currency: "RUB" },
      { variantId: variant!.id, priceTypeId: types.get("wholesale")!.id, amountMinor: 15_000, currency: "RUB" },
    ]);

    const result = await caller.pricing.priceCheck({ companyId: mine!.id, currency: "RUB", items: [{ sku: "pc-100", quantity: 2 }, { sku: "PC-100-W", quantity: 1 }, { sku: "NOPE-1", quantity: 1 }] });
    expect(result.company?.name).toBe("Mine LLC");
    expect(result.notFound).toEqual(["NOPE-1"]);
    expect(result.lines.map((l) => [l.requestedSku, l.priceTypeSource, l.unitMinor, l.lineTotalMinor])).toEqual([
      ["pc-100", "company", 15_000, 30_000],
      ["PC-100-W", "company", 15_000, 15_000],
    ]);
    expect(result.lines[0]!.steps[0]).toEqual({ code: "base.company", params: { type: "Опт", typeCode: "wholesale", company: "Mine LLC" } });
    expect(result.totalMinor).toBe(45_000);

    expect((await trpcError(caller.pricing.priceCheck({ companyId: theirs!.id, items: [{ sku: "PC-100", quantity: 1 }] }))).code).toBe("NOT_FOUND");
    const publicPrices = await caller.pricing.priceCheck({ companyId: null, items: [{ sku: "PC-100", quantity: 1 }] });
    expect(publicPrices).toMatchObject({ personal: false, company: null });
    expect(publicPrices.lines[0]).toMatchObject({ priceTypeCode: "retail", unitMinor: 20_000 });

    const companiesSeen = await caller.pricing.lookup({ kind: "company", q: "LLC", limit: 30 });
    expect(companiesSeen.map((c) => c.label)).toEqual(["Mine LLC"]);
    expect((await trpcError(caller.pricing.lookup({ kind: "brand", q: "", limit: 5 }))).code).toBe("FORBIDDEN");

    const { caller: director } = await callerAs("director");
    expect((await director.pricing.lookup({ kind: "company", q: "LLC", limit: 30 })).map((c) => c.label)).toEqual(["Mine LLC", "Theirs LLC"]);
    expect((await director.pricing.priceCheck({ companyId: theirs!.id, items: [{ sku: "PC-100", quantity: 1 }] })).lines[0]).toMatchObject({ priceTypeCode: "retail" });
  });
});
