import { and, asc, desc, eq, ilike, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { brands, categories, companies, contracts, discountRules, holdings, massRules, priceTiers, priceTypes, regions } from "@/db/schema";
import { recordAudit } from "../../audit/record-audit";
import { badInput, notFound } from "../../errors";
import { normalizeSku } from "../resolve-prices";
import type { PricingActor } from "./manage-price-types";
import type { DiscountRuleInput, ListDiscountRulesInput, MassRuleInput, PriceTierInput } from "./pricing-schemas";

/** Discount rules, mass rules and cart-total tiers: what the pricing admin pages edit. */

/** PostgreSQL foreign_key_violation (a picked category, brand, company … no longer exists). */
function isForeignKeyViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let i = 0; i < 5 && current && typeof current === "object"; i += 1) {
    if ((current as { code?: unknown }).code === "23503") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isForeignKeyViolation(error)) throw badInput("A picked category, brand, company, holding, region or price type does not exist");
    throw error;
  }
}

function scopeColumns(input: DiscountRuleInput) {
  const id = input.scope === "all" ? null : input.scopeId;
  return {
    contractId: input.scope === "contract" ? id : null,
    companyId: input.scope === "company" ? id : null,
    holdingId: input.scope === "holding" ? id : null,
    regionId: input.scope === "region" ? id : null,
  };
}

/** Only the columns the target uses are kept, so a rule never carries a stale brand or SKU list. */
function discountValues(input: DiscountRuleInput) {
  const usesCategory = input.target === "category" || input.target === "category_brand";
  const usesBrand = input.target === "brand" || input.target === "category_brand";
  const skus = input.target === "sku_list" ? [...new Set(input.skus.map(normalizeSku))] : [];
  return {
    name: input.name,
    ...scopeColumns(input),
    target: input.target,
    categoryId: usesCategory ? input.categoryId : null,
    brandId: usesBrand ? input.brandId : null,
    skus,
    percent: input.percent,
    priority: input.priority,
    validFrom: input.validFrom,
    validTo: input.validTo,
    isActive: input.isActive,
  };
}

const scopeCompany = alias(companies, "scope_company");
const contractCompany = alias(companies, "contract_company");

export async function listDiscountRules(db: Db, input: ListDiscountRulesInput) {
  const conditions: (SQL | undefined)[] = [];
  if (input.status !== "any") conditions.push(eq(discountRules.isActive, input.status === "active"));
  if (input.target) conditions.push(eq(discountRules.target, input.target));
  if (input.scope === "all") conditions.push(and(isNull(discountRules.contractId), isNull(discountRules.companyId), isNull(discountRules.holdingId), isNull(discountRules.regionId)));
  if (input.scope === "contract") conditions.push(isNotNull(discountRules.contractId));
  if (input.scope === "company") conditions.push(isNotNull(discountRules.companyId));
  if (input.scope === "holding") conditions.push(isNotNull(discountRules.holdingId));
  if (input.scope === "region") conditions.push(isNotNull(discountRules.regionId));
  if (input.q) {
    const like = `%${input.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(discountRules.name, like), ilike(brands.name, like), ilike(categories.name, like), ilike(scopeCompany.name, like), ilike(holdings.name, like)));
  }
  const rows = await db
    .select({
      rule: discountRules,
      brandName: brands.name,
      categoryName: categories.name,
      companyName: scopeCompany.name,
      contractNumber: contracts.number,
      contractCompanyName: contractCompany.name,
      holdingName: holdings.name,
      regionName: regions.name,
    })
    .from(discountRules)
    .leftJoin(brands, eq(brands.id, discountRules.brandId))
    .leftJoin(categories, eq(categories.id, discountRules.categoryId))
    .leftJoin(scopeCompany, eq(scopeCompany.id, discountRules.companyId))
    .leftJoin(contracts, eq(contracts.id, discountRules.contractId))
    .leftJoin(contractCompany, eq(contractCompany.id, contracts.companyId))
    .leftJoin(holdings, eq(holdings.id, discountRules.holdingId))
    .leftJoin(regions, eq(regions.id, discountRules.regionId))
    .where(and(...conditions))
    .orderBy(desc(discountRules.isActive), asc(discountRules.priority), desc(discountRules.createdAt))
    .limit(input.limit);
  return rows.map(({ rule, ...names }) => {
    const scope: "contract" | "company" | "holding" | "region" | "all" = rule.contractId ? "contract" : rule.companyId ? "company" : rule.holdingId ? "holding" : rule.regionId ? "region" : "all";
    const scopeName =
      scope === "contract" ? `№${names.contractNumber ?? "?"} · ${names.contractCompanyName ?? ""}` : scope === "company" ? names.companyName : scope === "holding" ? names.holdingName : scope === "region" ? names.regionName : null;
    return {
      ...rule,
      scope,
      scopeId: rule.contractId ?? rule.companyId ?? rule.holdingId ?? rule.regionId,
      scopeName: scopeName ?? null,
      brandName: names.brandName,
      categoryName: names.categoryName,
    };
  });
}

export async function createDiscountRule(db: Db, actor: PricingActor, input: DiscountRuleInput) {
  const [row] = await guarded(() =>
    db
      .insert(discountRules)
      .values({ ...discountValues(input), createdBy: actor.id })
      .returning(),
  );
  if (!row) throw notFound("Discount rule");
  await recordAudit(db, { actorId: actor.id, action: "pricing.discount.create", targetType: "discount_rule", targetId: row.id, details: { ...input }, ip: actor.ip });
  return row;
}

export async function updateDiscountRule(db: Db, actor: PricingActor, id: string, input: DiscountRuleInput) {
  const [row] = await guarded(() => db.update(discountRules).set(discountValues(input)).where(eq(discountRules.id, id)).returning());
  if (!row) throw notFound("Discount rule");
  await recordAudit(db, { actorId: actor.id, action: "pricing.discount.update", targetType: "discount_rule", targetId: id, details: { ...input }, ip: actor.ip });
  return row;
}

/** Rules are deactivated rather than deleted, so an old price can still be explained. */
export async function setDiscountRuleActive(db: Db, actor: PricingActor, id: string, isActive: boolean) {
  const [row] = await db.update(discountRules).set({ isActive }).where(eq(discountRules.id, id)).returning();
  if (!row) throw notFound("Discount rule");
  await recordAudit(db, { actorId: actor.id, action: isActive ? "pricing.discount.activate" : "pricing.discount.deactivate", targetType: "discount_rule", targetId: id, ip: actor.ip });
  return row;
}

export async function listMassRules(db: Db) {
  const rows = await db
    .select({ rule: massRules, brandName: brands.name, categoryName: categories.name, regionName: regions.name })
    .from(massRules)
    .leftJoin(brands, eq(brands.id, massRules.brandId))
    .leftJoin(categories, eq(categories.id, massRules.categoryId))
    .leftJoin(regions, eq(regions.id, massRules.regionId))
    .orderBy(desc(massRules.isActive), asc(massRules.createdAt));
  return rows.map(({ rule, ...names }) => ({ ...rule, ...names }));
}

export async function createMassRule(db: Db, actor: PricingActor, input: MassRuleInput) {
  const [row] = await guarded(() =>
    db
      .insert(massRules)
      .values({ ...input, line: input.line || null })
      .returning(),
  );
  if (!row) throw notFound("Mass rule");
  await recordAudit(db, { actorId: actor.id, action: "pricing.mass.create", targetType: "mass_rule", targetId: row.id, details: { ...input }, ip: actor.ip });
  return row;
}

export async function updateMassRule(db: Db, actor: PricingActor, id: string, input: MassRuleInput) {
  const [row] = await guarded(() =>
    db
      .update(massRules)
      .set({ ...input, line: input.line || null })
      .where(eq(massRules.id, id))
      .returning(),
  );
  if (!row) throw notFound("Mass rule");
  await recordAudit(db, { actorId: actor.id, action: "pricing.mass.update", targetType: "mass_rule", targetId: id, details: { ...input }, ip: actor.ip });
  return row;
}

export async function setMassRuleActive(db: Db, actor: PricingActor, id: string, isActive: boolean) {
  const [row] = await db.update(massRules).set({ isActive }).where(eq(massRules.id, id)).returning();
  if (!row) throw notFound("Mass rule");
  await recordAudit(db, { actorId: actor.id, action: isActive ? "pricing.mass.activate" : "pricing.mass.deactivate", targetType: "mass_rule", targetId: id, ip: actor.ip });
  return row;
}

export async function listPriceTiers(db: Db) {
  const rows = await db
    .select({ tier: priceTiers, priceTypeName: priceTypes.name, priceTypeCode: priceTypes.code, regionName: regions.name })
    .from(priceTiers)
    .innerJoin(priceTypes, eq(priceTypes.id, priceTiers.priceTypeId))
    .leftJoin(regions, eq(regions.id, priceTiers.regionId))
    .orderBy(desc(priceTiers.isActive), asc(priceTiers.thresholdMinor));
  return rows.map(({ tier, ...names }) => ({ ...tier, ...names }));
}

export async function createPriceTier(db: Db, actor: PricingActor, input: PriceTierInput) {
  const [row] = await guarded(() => db.insert(priceTiers).values(input).returning());
  if (!row) throw notFound("Price tier");
  await recordAudit(db, { actorId: actor.id, action: "pricing.tier.create", targetType: "price_tier", targetId: row.id, details: { ...input }, ip: actor.ip });
  return row;
}

export async function updatePriceTier(db: Db, actor: PricingActor, id: string, input: PriceTierInput) {
  const [row] = await guarded(() => db.update(priceTiers).set(input).where(eq(priceTiers.id, id)).returning());
  if (!row) throw notFound("Price tier");
  await recordAudit(db, { actorId: actor.id, action: "pricing.tier.update", targetType: "price_tier", targetId: id, details: { ...input }, ip: actor.ip });
  return row;
}

export async function setPriceTierActive(db: Db, actor: PricingActor, id: string, isActive: boolean) {
  const [row] = await db.update(priceTiers).set({ isActive }).where(eq(priceTiers.id, id)).returning();
  if (!row) throw notFound("Price tier");
  await recordAudit(db, { actorId: actor.id, action: isActive ? "pricing.tier.activate" : "pricing.tier.deactivate", targetType: "price_tier", targetId: id, ip: actor.ip });
  return row;
}
