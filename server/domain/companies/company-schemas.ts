import { z } from "zod";
import { COMPANY_STATUSES } from "../../../db/schema/companies";
import { passwordSchema } from "../auth/passwords";
import { MAX_ACCESS_LEVEL, MIN_ACCESS_LEVEL } from "./access-levels";
import { CURRENCIES } from "./contract-currencies";

export { CURRENCIES };
import { checkRequisites, innSchema, kppSchema, requisitesFields } from "./requisites";

/** A blank text field means "none". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
/** A select's "none" arrives as null or an empty string. */
const optionalId = z.preprocess((v) => (v === "" ? null : v), z.uuid().nullish());

export const accessLevelSchema = z.number().int().min(MIN_ACCESS_LEVEL, "Access level is 1, 2 or 3").max(MAX_ACCESS_LEVEL, "Access level is 1, 2 or 3");
const emailSchema = z.string().trim().toLowerCase().email("E-mail is not valid").max(200);
const phoneSchema = z.preprocess(blankToUndefined, z.string().trim().regex(/^\+?[\d\s().-]{7,20}$/, "Phone is not valid").optional());
const nameSchema = z.string().trim().min(1, "Name is required").max(120);

export const companyFieldsSchema = z
  .object({
    name: z.string().trim().min(2, "Name is required").max(200),
    holdingId: optionalId,
    ...requisitesFields,
    legalAddress: optionalText(500),
    postalAddress: optionalText(500),
    regionId: optionalId,
    priceTypeId: optionalId,
    managerId: optionalId,
    status: z.enum(COMPANY_STATUSES).default("active"),
  })
  .superRefine(checkRequisites);
export const createCompanySchema = companyFieldsSchema;
export const updateCompanySchema = z.object({ id: z.uuid() }).and(companyFieldsSchema);

export const listCompaniesSchema = z.object({
  search: z.string().trim().max(100).optional(),
  /** A holding's id, or "none" for standalone companies (their own counterparty). */
  holding: z.union([z.uuid(), z.literal("none")]).optional(),
  managerId: z.uuid().optional(),
  status: z.enum(["all", ...COMPANY_STATUSES]).default("all"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
});

export const holdingSchema = z.object({ name: z.string().trim().min(2, "Name is required").max(200), priceTypeId: optionalId });
export const updateHoldingSchema = holdingSchema.extend({ id: z.uuid() });

const isoDate = z.preprocess(blankToUndefined, z.iso.date("Date must be YYYY-MM-DD").optional());
export const contractFieldsSchema = z
  .object({
    number: z.string().trim().min(1, "Number is required").max(60),
    title: optionalText(200),
    priceTypeId: optionalId,
    currency: z.enum(CURRENCIES).default("RUB"),
    paymentTermsDays: z.number().int().min(0, "Payment terms cannot be negative").max(365, "Payment terms are at most 365 days").default(0),
    /** Minor units; null = no credit. */
    creditLimitMinor: z.number().int().min(0, "Credit limit cannot be negative").max(1e15).nullish(),
    isDefault: z.boolean().default(false),
    validFrom: isoDate,
    validTo: isoDate,
  })
  .refine((c) => !c.validFrom || !c.validTo || c.validFrom <= c.validTo, { message: "Valid to must not be before valid from", path: ["validTo"] });
export const createContractSchema = z.object({ companyId: z.uuid() }).and(contractFieldsSchema);
export const updateContractSchema = z.object({ id: z.uuid() }).and(contractFieldsSchema);

/** Links an existing buyer account found by e-mail or by phone. */
export const attachMemberSchema = z
  .object({
    companyId: z.uuid(),
    email: z.preprocess(blankToUndefined, emailSchema.optional()),
    phone: phoneSchema,
    accessLevel: accessLevelSchema.default(1),
    isOwner: z.boolean().default(false),
  })
  .refine((v) => v.email !== undefined || v.phone !== undefined, { message: "E-mail or phone is required", path: ["email"] });
export const newBuyerFields = {
  name: nameSchema,
  email: emailSchema,
  phone: phoneSchema,
  /** Empty: a password is generated and shown once. */
  password: z.preprocess(blankToUndefined, passwordSchema.optional()),
  accessLevel: accessLevelSchema.default(1),
};
export const createMemberUserSchema = z.object({ companyId: z.uuid(), ...newBuyerFields, isOwner: z.boolean().default(false) });
export const updateMemberSchema = z.object({
  companyId: z.uuid(),
  userId: z.uuid(),
  accessLevel: accessLevelSchema.optional(),
  isOwner: z.boolean().optional(),
  isDefault: z.boolean().optional(),
});
export const memberKeySchema = z.object({ companyId: z.uuid(), userId: z.uuid() });

/** Buyer side: an owner adds an employee to a company he owns. */
export const createEmployeeSchema = z.object({ companyId: z.uuid(), ...newBuyerFields });
export const setEmployeeActiveSchema = z.object({ companyId: z.uuid(), userId: z.uuid(), active: z.boolean() });

/** The public registration page (the closed club): the same requisites rules as the staff form. */
export const applicationSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    phone: phoneSchema,
    companyName: z.string().trim().min(2, "Company name is required").max(200),
    inn: innSchema,
    kpp: z.preprocess(blankToUndefined, kppSchema.optional()),
    message: optionalText(2000),
    /** The page's UI language when the applicant sent the form. */
    locale: z.enum(["en", "ru"]).default("ru"),
  })
  .superRefine((v, ctx) => checkRequisites({ inn: v.inn, kpp: v.kpp }, ctx));
export const approveApplicationSchema = z.object({
  id: z.uuid(),
  /** Attach to this company; absent: a new company is made from the application. */
  companyId: optionalId,
  /** The new company's region (when no company is chosen): its default manager serves it unless the approver is a manager. */
  regionId: optionalId,
  accessLevel: accessLevelSchema.default(1),
  isOwner: z.boolean().default(true),
});
export const rejectApplicationSchema = z.object({ id: z.uuid(), reason: z.string().trim().min(3, "Reason is required").max(1000) });
export const listApplicationsSchema = z.object({ status: z.enum(["pending", "approved", "rejected", "all"]).default("pending") });

export const regionSchema = z.object({
  code: z.string().trim().toLowerCase().regex(/^[a-z0-9_-]{2,40}$/, "Code: 2–40 latin letters, digits, - or _"),
  name: z.string().trim().min(2, "Name is required").max(120),
  priceTypeId: optionalId,
  isDefault: z.boolean().default(false),
});
export const updateRegionSchema = regionSchema.extend({ id: z.uuid() });
export const warehouseSchema = z.object({
  code: z.string().trim().toLowerCase().regex(/^[a-z0-9_-]{2,40}$/, "Code: 2–40 latin letters, digits, - or _"),
  name: z.string().trim().min(2, "Name is required").max(120),
  regionId: optionalId,
  address: optionalText(500),
  isActive: z.boolean().default(true),
});
export const updateWarehouseSchema = warehouseSchema.extend({ id: z.uuid() });

export type CompanyFieldsInput = z.input<typeof companyFieldsSchema>;
export type ListCompaniesInput = z.input<typeof listCompaniesSchema>;
export type ContractFieldsInput = z.input<typeof contractFieldsSchema>;
export type ApplicationInput = z.input<typeof applicationSchema>;
