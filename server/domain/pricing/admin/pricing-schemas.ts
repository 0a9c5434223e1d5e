import { z } from "zod";
import { DISCOUNT_TARGETS } from "@/db/schema/pricing";
import { DISCOUNT_CONFLICT_RULES } from "../context-types";

/** zod at the edge of the pricing admin: the router parses with these, the forms reuse them. */
const currency = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Currency must be a 3-letter ISO code");
const day = z.iso.date("Dates are YYYY-MM-DD").nullable().default(null);
const optionalId = z.uuid().nullable().default(null);
const name = z.string().trim().min(1, "Name is required").max(200);

export const priceTypeInputSchema = z.object({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_]{1,49}$/, "Code: 2–50 latin letters, digits or _ (starts with a letter)"),
  name,
  rank: z.number().int().min(0).max(1000),
  currency,
  isDefault: z.boolean().default(false),
  isActive: z.boolean().default(true),
  erpId: z.string().trim().max(100).nullable().default(null),
});
export const updatePriceTypeSchema = priceTypeInputSchema.extend({ id: z.uuid() });

/** A percent with at most 2 decimals, as the numeric(5,2) column stores it. */
const percent = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\.\d{1,2})?$|^100(\.0{1,2})?$/, "Percent: 0.01–100 with at most 2 decimals")
  .refine((v) => Number(v) > 0, "Percent must be above 0");
const signedPercent = z
  .string()
  .trim()
  .regex(/^[+-]?\d{1,3}(\.\d{1,2})?$/, "Percent: −99.99 … +999.99 with at most 2 decimals")
  .refine((v) => Number(v) !== 0 && Number(v) > -100, "Percent must not be 0 and must stay above −100");

const validity = { validFrom: day, validTo: day };
const checkDates = (v: { validFrom: string | null; validTo: string | null }) => !v.validFrom || !v.validTo || v.validFrom <= v.validTo;

export const discountRuleInputSchema = z
  .object({
    name,
    /** Who the discount is for: everyone, or one contract, company, holding or region. */
    scope: z.enum(["all", "contract", "company", "holding", "region"]),
    scopeId: optionalId,
    target: z.enum(DISCOUNT_TARGETS),
    categoryId: optionalId,
    brandId: optionalId,
    skus: z.array(z.string().trim().min(1).max(100)).max(5000).default([]),
    percent,
    priority: z.number().int().min(0).max(10_000).default(100),
    ...validity,
    isActive: z.boolean().default(true),
  })
  .refine((v) => v.scope === "all" || v.scopeId, { message: "Pick who the discount is for", path: ["scopeId"] })
  .refine((v) => !["category", "category_brand"].includes(v.target) || v.categoryId, { message: "Pick a category", path: ["categoryId"] })
  .refine((v) => !["brand", "category_brand"].includes(v.target) || v.brandId, { message: "Pick a brand", path: ["brandId"] })
  .refine((v) => v.target !== "sku_list" || v.skus.length > 0, { message: "List at least one SKU", path: ["skus"] })
  .refine(checkDates, { message: "The end date is before the start date", path: ["validTo"] });
export const updateDiscountRuleSchema = z.object({ id: z.uuid(), rule: discountRuleInputSchema });

export const listDiscountRulesSchema = z.object({
  q: z.string().trim().max(100).optional(),
  target: z.enum(DISCOUNT_TARGETS).optional(),
  scope: z.enum(["all", "contract", "company", "holding", "region"]).optional(),
  status: z.enum(["active", "inactive", "any"]).default("active"),
  limit: z.number().int().min(1).max(500).default(200),
});

export const massRuleInputSchema = z
  .object({
    name,
    brandId: optionalId,
    line: z.string().trim().max(100).nullable().default(null),
    categoryId: optionalId,
    regionId: optionalId,
    adjustPercent: signedPercent,
    ...validity,
    isActive: z.boolean().default(true),
  })
  .refine(checkDates, { message: "The end date is before the start date", path: ["validTo"] });
export const updateMassRuleSchema = z.object({ id: z.uuid(), rule: massRuleInputSchema });

export const priceTierInputSchema = z.object({
  name,
  thresholdMinor: z.number().int().min(1, "Threshold must be above 0").max(Number.MAX_SAFE_INTEGER),
  currency,
  priceTypeId: z.uuid(),
  regionId: optionalId,
  isActive: z.boolean().default(true),
});
export const updatePriceTierSchema = priceTierInputSchema.extend({ id: z.uuid() });

export const setActiveSchema = z.object({ id: z.uuid(), isActive: z.boolean() });
export const conflictRuleSchema = z.object({ rule: z.enum(DISCOUNT_CONFLICT_RULES) });

export const lookupSchema = z.object({
  kind: z.enum(["category", "brand", "company", "holding", "region", "contract"]),
  q: z.string().trim().max(100).default(""),
  limit: z.number().int().min(1).max(100).default(30),
});

export const priceCheckSchema = z.object({
  companyId: z.uuid().nullable(),
  currency: currency.optional(),
  /** "SKU qty" per line, or SKU alone (quantity 1); commas, tabs and semicolons separate too. */
  items: z
    .array(z.object({ sku: z.string().trim().min(1).max(100), quantity: z.number().positive().max(1_000_000), unit: z.string().trim().max(20).optional() }))
    .min(1, "Type at least one SKU")
    .max(1000),
  day: z.iso.date().optional(),
});

export type PriceTypeInput = z.output<typeof priceTypeInputSchema>;
export type DiscountRuleInput = z.output<typeof discountRuleInputSchema>;
export type MassRuleInput = z.output<typeof massRuleInputSchema>;
export type PriceTierInput = z.output<typeof priceTierInputSchema>;
export type ListDiscountRulesInput = z.output<typeof listDiscountRulesSchema>;
export type LookupInput = z.output<typeof lookupSchema>;
export type PriceCheckInput = z.output<typeof priceCheckSchema>;
