import { z } from "zod";

/** Pure data shared by the domain, the router and the browser bundle. */
export const CUSTOMER_STATUSES = ["active", "blocked"] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const CUSTOMER_SORTS = ["joined", "orders", "total", "name"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const CUSTOMER_PAGE_SIZES = [10, 20, 50, 100] as const;
/** The list counts matches up to this many; beyond it the page says "10,000+". */
export const CUSTOMER_COUNT_CAP = 10_000;
export const MAX_BULK_CUSTOMERS = 500;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use the form YYYY-MM-DD");

export const customerEmailSchema = z
  .string({ error: "E-mail is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email("E-mail is not valid").max(200, "E-mail is too long"));
const nameSchema = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, `${what} is required`).max(100, `${what} is too long`);
const phoneSchema = z.string().trim().regex(/^\+?[\d\s().-]{5,25}$/, "Phone is not valid");
const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Country is a two-letter ISO code, for example US");

export const addressSchema = z.object({
  country: countrySchema,
  state: z.string().trim().max(100).default(""),
  city: z.string().trim().max(100).default(""),
  zip: z.string().trim().max(20).default(""),
  address: z.string().trim().min(1, "Address is required").max(200),
  address2: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
});
export type AddressInput = z.input<typeof addressSchema>;

const customerFields = {
  email: customerEmailSchema,
  firstName: nameSchema("First name"),
  lastName: nameSchema("Last name"),
  phone: z.preprocess(blankToNull, phoneSchema.nullish()),
  country: z.preprocess(blankToNull, countrySchema.nullish()),
  billingAddress: addressSchema.nullish(),
  shippingAddress: addressSchema.nullish(),
};

export const createCustomerSchema = z.object({
  ...customerFields,
  /** Only roles that may assign managers choose one; a manager's new customer is always his own. */
  managerId: z.uuid().nullish(),
});

/** Every field optional: a missing one keeps the stored value, null (a cleared field) removes it. */
export const updateCustomerSchema = z.object({
  id: z.uuid(),
  email: customerEmailSchema.optional(),
  firstName: nameSchema("First name").optional(),
  lastName: nameSchema("Last name").optional(),
  phone: customerFields.phone,
  country: customerFields.country,
  billingAddress: customerFields.billingAddress,
  shippingAddress: customerFields.shippingAddress,
});

export const setCustomerStatusSchema = z.object({
  ids: z.array(z.uuid()).min(1, "Select at least one customer").max(MAX_BULK_CUSTOMERS, `At most ${MAX_BULK_CUSTOMERS} customers at once`),
  status: z.enum(CUSTOMER_STATUSES),
  reason: z.string({ error: "Give a reason" }).trim().min(3, "Give a reason (at least 3 characters)").max(500, "The reason is too long"),
});

export const assignManagerSchema = z.object({
  ids: z.array(z.uuid()).min(1, "Select at least one customer").max(MAX_BULK_CUSTOMERS, `At most ${MAX_BULK_CUSTOMERS} customers at once`),
  managerId: z.uuid().nullable(),
});

export const listCustomersSchema = z.object({
  search: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  status: z.enum(["all", ...CUSTOMER_STATUSES]).default("all"),
  joinedFrom: z.preprocess(blankToUndefined, day.optional()),
  joinedTo: z.preprocess(blankToUndefined, day.optional()),
  managerId: z.preprocess(blankToUndefined, z.uuid().optional()),
  sort: z.enum(CUSTOMER_SORTS).default("joined"),
  dir: z.enum(SORT_DIRECTIONS).default("desc"),
  /** Keyset cursors from a previous page: `after` for the next page, `before` for the previous one. */
  after: z.preprocess(blankToUndefined, z.string().max(300).optional()),
  before: z.preprocess(blankToUndefined, z.string().max(300).optional()),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (CUSTOMER_PAGE_SIZES as readonly number[]).includes(n), "Page size must be 10, 20, 50 or 100")
    .default(20),
});

export type CreateCustomerInput = z.input<typeof createCustomerSchema>;
export type UpdateCustomerInput = z.input<typeof updateCustomerSchema>;
export type SetCustomerStatusInput = z.input<typeof setCustomerStatusSchema>;
export type AssignManagerInput = z.input<typeof assignManagerSchema>;
export type ListCustomersInput = z.input<typeof listCustomersSchema>;
export type ListCustomersQuery = z.output<typeof listCustomersSchema>;
