import { z } from "zod";
import { ROLES } from "../../auth/roles";
import { passwordSchema } from "../auth/passwords";

export const SUPPORTED_LOCALES = ["en", "ru"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const optionalText = (schema: z.ZodString) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** In an update, a blank field means "remove it" (null); a missing one means "keep it" (undefined). */
const clearableText = (schema: z.ZodString) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullish());

const usernameSchema = z
  .string()
  .trim()
  .min(3, "Username must be at least 3 characters")
  .max(40)
  .regex(/^[a-zA-Z0-9._-]+$/, "Username may contain letters, digits, dot, dash and underscore");
const emailSchema = z.string().trim().email("E-mail is not valid").max(200);
const phoneSchema = z.string().trim().regex(/^\+?[\d\s().-]{7,20}$/, "Phone is not valid");

export const userFieldsSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(120),
  role: z.enum(ROLES),
  username: optionalText(usernameSchema),
  email: optionalText(emailSchema),
  phone: optionalText(phoneSchema),
  locale: z.enum(SUPPORTED_LOCALES).default("en"),
  supervisorId: z.string().uuid().nullish(),
});

export const createUserSchema = userFieldsSchema.extend({ password: passwordSchema });
// `.partial()` keeps inner defaults, so locale is re-declared without one: an update that does
// not mention the locale must not reset it to "en".
export const updateUserSchema = userFieldsSchema.partial().extend({
  id: z.string().uuid(),
  locale: z.enum(SUPPORTED_LOCALES).optional(),
  username: clearableText(usernameSchema),
  email: clearableText(emailSchema),
  phone: clearableText(phoneSchema),
});
export const listUsersSchema = z.object({
  search: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(["active", "inactive", "all"]).default("all"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
});

export type CreateUserInput = z.input<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type ListUsersInput = z.input<typeof listUsersSchema>;
