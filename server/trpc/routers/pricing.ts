import { createPriceType, listPriceTypes, updatePriceType } from "../../domain/pricing/admin/manage-price-types";
import {
  createDiscountRule, createMassRule, createPriceTier, listDiscountRules, listMassRules, listPriceTiers, setDiscountRuleActive, setMassRuleActive, setPriceTierActive,
  updateDiscountRule, updateMassRule, updatePriceTier,
} from "../../domain/pricing/admin/manage-rules";
import { priceCheck } from "../../domain/pricing/admin/price-check";
import { getDiscountConflictRule, lookup, setDiscountConflictRule } from "../../domain/pricing/admin/pricing-lookups";
import {
  conflictRuleSchema, discountRuleInputSchema, listDiscountRulesSchema, lookupSchema, massRuleInputSchema, priceCheckSchema, priceTierInputSchema, priceTypeInputSchema,
  setActiveSchema, updateDiscountRuleSchema, updateMassRuleSchema, updatePriceTierSchema, updatePriceTypeSchema,
} from "../../domain/pricing/admin/pricing-schemas";
import { actorOf } from "../actor";
import { createTRPCRouter, staffProcedure } from "../init";

const manage = staffProcedure("pricing.manage");
const check = staffProcedure("pricing.check");

/**
 * The pricing admin (price types, discount rules, mass rules, tiers, the conflict rule: admins
 * and directors) and the price check (managers too, for the companies they may see).
 */
export const pricingRouter = createTRPCRouter({
  priceTypes: manage.query(({ ctx }) => listPriceTypes(ctx.db)),
  createPriceType: manage.input(priceTypeInputSchema).mutation(({ ctx, input }) => createPriceType(ctx.db, actorOf(ctx), input)),
  updatePriceType: manage.input(updatePriceTypeSchema).mutation(({ ctx, input }) => updatePriceType(ctx.db, actorOf(ctx), input)),

  discountRules: manage.input(listDiscountRulesSchema).query(({ ctx, input }) => listDiscountRules(ctx.db, input)),
  createDiscountRule: manage.input(discountRuleInputSchema).mutation(({ ctx, input }) => createDiscountRule(ctx.db, actorOf(ctx), input)),
  updateDiscountRule: manage.input(updateDiscountRuleSchema).mutation(({ ctx, input }) => updateDiscountRule(ctx.db, actorOf(ctx), input.id, input.rule)),
  setDiscountRuleActive: manage.input(setActiveSchema).mutation(({ ctx, input }) => setDiscountRuleActive(ctx.db, actorOf(ctx), input.id, input.isActive)),

  massRules: manage.query(({ ctx }) => listMassRules(ctx.db)),
  createMassRule: manage.input(massRuleInputSchema).mutation(({ ctx, input }) => createMassRule(ctx.db, actorOf(ctx), input)),
  updateMassRule: manage.input(updateMassRuleSchema).mutation(({ ctx, input }) => updateMassRule(ctx.db, actorOf(ctx), input.id, input.rule)),
  setMassRuleActive: manage.input(setActiveSchema).mutation(({ ctx, input }) => setMassRuleActive(ctx.db, actorOf(ctx), input.id, input.isActive)),

  tiers: manage.query(({ ctx }) => listPriceTiers(ctx.db)),
  createTier: manage.input(priceTierInputSchema).mutation(({ ctx, input }) => createPriceTier(ctx.db, actorOf(ctx), input)),
  updateTier: manage.input(updatePriceTierSchema).mutation(({ ctx, input }) => {
    const { id, ...rest } = input;
    return updatePriceTier(ctx.db, actorOf(ctx), id, rest);
  }),
  setTierActive: manage.input(setActiveSchema).mutation(({ ctx, input }) => setPriceTierActive(ctx.db, actorOf(ctx), input.id, input.isActive)),

  conflictRule: manage.query(async ({ ctx }) => ({ rule: await getDiscountConflictRule(ctx.db) })),
  setConflictRule: manage.input(conflictRuleSchema).mutation(async ({ ctx, input }) => ({ rule: await setDiscountConflictRule(ctx.db, actorOf(ctx), input.rule) })),

  /** Pickers: admins look up anything; managers only reach companies in their scope (price check). */
  lookup: check.input(lookupSchema).query(({ ctx, input }) => lookup(ctx.db, ctx.session.user, input)),
  priceCheck: check.input(priceCheckSchema).query(({ ctx, input }) => priceCheck(ctx.db, ctx.session.user, input)),
  /** The price types by id and name, for the price-check panel's legend (no ranks or ERP ids). */
  priceTypeNames: check.query(async ({ ctx }) => (await listPriceTypes(ctx.db)).map((t) => ({ id: t.id, code: t.code, name: t.name }))),
});
