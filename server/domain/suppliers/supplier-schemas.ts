import { z } from "zod";
import { SUPPLIER_STATUSES } from "../../../db/schema";
import { passwordSchema } from "../auth/passwords";
import { checkRequisites, innSchema, requisitesFields } from "../companies/requisites";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const emailSchema = z.string().trim().toLowerCase().email("E-mail is not valid").max(200);
const phoneSchema = z.string().trim().regex(/^\+?[\d\s().-]{7,20}$/, "Phone is not valid");
const websiteSchema = z.preprocess(blankToUndefined, z.string().trim().max(300).regex(/^https?:\/\/\S+\.\S+$/i, "Website must be a URL starting with http:// or https://").optional());

/** Documents: PDF or images, at most 5 MB each and 5 in all; sent base64-encoded with the form. */
export const DOCUMENT_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_DOCUMENTS = 5;
/** All files together: the request passes the proxy, which buffers at most 10 MB of body (base64 adds a third). */
export const MAX_DOCUMENTS_TOTAL_BYTES = 7 * 1024 * 1024;
export const documentUploadSchema = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    contentType: z.enum(DOCUMENT_TYPES, { error: "documents: only PDF, JPG or PNG files" }),
    base64: z.string().max(Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 8, { error: "documents: a file is larger than 5 MB" }),
  })
  .refine((d) => Buffer.from(d.base64, "base64").length > 0, { error: "documents: a file is empty", path: ["base64"] });

/** The company part, shared by the application and the profile: requisites with their checksums. */
const companyFields = {
  name: z.string().trim().min(2, "Company name is required").max(200),
  ...requisitesFields,
  legalAddress: z.string().trim().min(5, "Legal address is required").max(500),
  postalAddress: optionalText(500),
  website: websiteSchema,
  description: optionalText(4000),
};

export const supplierApplicationSchema = z
  .object({
    ...companyFields,
    contactName: z.string().trim().min(2, "Contact person is required").max(200),
    email: emailSchema,
    phone: phoneSchema,
    password: passwordSchema,
    locale: z.enum(["en", "ru"]).default("ru"),
    documents: z
      .array(documentUploadSchema)
      .max(MAX_DOCUMENTS, { error: `documents: at most ${MAX_DOCUMENTS} files` })
      .refine((docs) => docs.reduce((sum, d) => sum + Math.floor((d.base64.length * 3) / 4), 0) <= MAX_DOCUMENTS_TOTAL_BYTES, { error: "documents: at most 7 MB in all" })
      .default([]),
  })
  .superRefine(checkRequisites);
export type SupplierApplicationInput = z.input<typeof supplierApplicationSchema>;

/** What the owner may change in the cabinet: contacts, addresses and bank details — not the INN. */
export const supplierProfileSchema = z
  .object({
    inn: innSchema.optional(),
    kpp: requisitesFields.kpp,
    ogrn: requisitesFields.ogrn,
    bankName: requisitesFields.bankName,
    bik: requisitesFields.bik,
    account: requisitesFields.account,
    correspondentAccount: requisitesFields.correspondentAccount,
    legalAddress: companyFields.legalAddress,
    postalAddress: companyFields.postalAddress,
    website: companyFields.website,
    description: companyFields.description,
    contactName: z.string().trim().min(2, "Contact person is required").max(200),
    contactEmail: emailSchema,
    contactPhone: phoneSchema,
  })
  // The INN is fixed; the cross-field rules (KPP for an organisation, accounts against the BIK) still hold.
  .superRefine((value, ctx) => checkRequisites({ ...value, inn: value.inn ?? "" }, ctx));
export type SupplierProfileInput = z.input<typeof supplierProfileSchema>;

export const lookupInnSchema = z.object({ inn: innSchema });

export const listSuppliersSchema = z.object({
  status: z.enum([...SUPPLIER_STATUSES, "all"]).default("pending"),
  search: optionalText(100),
});

export const supplierIdSchema = z.object({ id: z.uuid() });
export const decideSupplierSchema = z.discriminatedUnion("decision", [
  z.object({ id: z.uuid(), decision: z.literal("approve") }),
  z.object({ id: z.uuid(), decision: z.enum(["reject", "block"]), reason: z.string().trim().min(3, "reason: say why (at least 3 characters)").max(2000) }),
]);
export type DecideSupplierInput = z.input<typeof decideSupplierSchema>;
export const documentIdSchema = z.object({ id: z.uuid() });
