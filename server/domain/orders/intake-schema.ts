import { isIP } from "node:net";
import { z } from "zod";
import { luhnValid } from "../cards/card";
import type { PaymentMethod } from "./order-statuses";

/**
 * The shop API's request body (docs/api/orders.md). Field names follow the customer's document;
 * `shipping` is the delivery address there, so the cart's shipping-method object is accepted as
 * `shipping_method`. Every message names its field.
 */
const text = (field: string, max = 200) =>
  z
    .string({ error: `${field} is required and must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);
const optionalText = (field: string, max = 200) =>
  z.preprocess((v) => (v === null || v === "" ? undefined : v), text(field, max).optional());

const amount = (field: string) =>
  z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, `${field} must be a number`)], {
    error: `${field} is required and must be a number`,
  }).refine((v) => Number(v) >= 0, `${field} must not be negative`);

const country = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, `${field} must be an ISO 3166-1 alpha-2 code such as US or DE`);

const addressSchema = (prefix: string) =>
  z.object(
    {
      country: country(`${prefix}.country`),
      state: z.preprocess(
        (v) => (v === undefined || v === null || v === "" ? "XX" : v),
        z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,3}$/, `${prefix}.state must be an ISO state code or XX`),
      ),
      city: text(`${prefix}.city`, 120),
      zip: text(`${prefix}.zip`, 20),
      address: text(`${prefix}.address`, 300),
      address2: optionalText(`${prefix}.address2`, 300),
    },
    { error: `${prefix} is required and must be an object` },
  );

const PAYMENT_METHOD_ALIASES: Record<string, PaymentMethod> = {
  "1": "credit_card",
  credit_card: "credit_card",
  creditcard: "credit_card",
  card: "credit_card",
  cc: "credit_card",
  "2": "paypal",
  paypal: "paypal",
  "3": "crypto",
  crypto: "crypto",
  cryptocurrency: "crypto",
  "4": "echeck",
  echeck: "echeck",
  "e-check": "echeck",
};

export function parsePaymentMethod(value: unknown): PaymentMethod | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const key = String(value).trim().toLowerCase().replace(/\s+/g, "_");
  return PAYMENT_METHOD_ALIASES[key] ?? PAYMENT_METHOD_ALIASES[key.replace(/_/g, "")];
}

const productSchema = z.object({
  id: z.union([z.string(), z.number()]).optional().transform((v) => (v === undefined ? undefined : String(v))),
  sku: text("sku", 100),
  name: text("name", 300),
  option: optionalText("option", 200),
  option_value: optionalText("option_value", 200),
  bonus: optionalText("bonus", 200),
  quantity: z.coerce
    .number({ error: "quantity must be a whole number" })
    .int("quantity must be a whole number")
    .min(1, "quantity must be at least 1")
    .max(10_000, "quantity must be at most 10000"),
  price: amount("price"),
  url: optionalText("url", 2000),
  thumbnail: optionalText("thumbnail", 2000),
});

const deviceSchema = z
  .object({
    user_agent: z.string().max(1000).optional(),
    screen_width: z.coerce.number().int().nonnegative().max(100_000).optional(),
    screen_height: z.coerce.number().int().nonnegative().max(100_000).optional(),
    screen_avail_width: z.coerce.number().int().nonnegative().max(100_000).optional(),
    screen_avail_height: z.coerce.number().int().nonnegative().max(100_000).optional(),
    screen_color_depth: z.coerce.number().int().nonnegative().max(128).optional(),
    language: z.string().max(50).optional(),
    timezone: z.string().max(80).optional(),
  })
  .partial();

export const orderRequestSchema = z
  .object({
    auth: z.object({ api_id: z.string().max(100), api_key: z.string().max(200) }).partial().optional(),
    customer: z.object(
      {
        first_name: text("customer.first_name", 100),
        last_name: text("customer.last_name", 100),
        email: z
          .string({ error: "customer.email is required" })
          .trim()
          .toLowerCase()
          .pipe(z.email("customer.email must be a valid e-mail address").max(200, "customer.email is too long")),
        phone: z
          .string({ error: "customer.phone is required" })
          .trim()
          .regex(/^\+?[\d\s().-]{5,25}$/, "customer.phone must be a phone number"),
        ip: z
          .string({ error: "customer.ip is required" })
          .trim()
          .refine((v) => isIP(v) !== 0, "customer.ip must be an IPv4 or IPv6 address"),
      },
      { error: "customer is required and must be an object" },
    ),
    billing: addressSchema("billing"),
    shipping: addressSchema("shipping"),
    payment: z.object(
      {
        method: z.unknown().transform((v, ctx) => {
          const method = parsePaymentMethod(v);
          if (!method) {
            ctx.addIssue({ code: "custom", message: "payment.method must be one of: credit_card (1), paypal (2), crypto (3), echeck (4)" });
            return z.NEVER;
          }
          return method;
        }),
        cardholder: optionalText("payment.cardholder", 120),
        card_number: z.preprocess((v) => (typeof v === "string" ? v.replace(/[\s-]/g, "") : v), z.string().optional()),
        card_expire_month: z.union([z.string(), z.number()]).optional(),
        card_expire_year: z.union([z.string(), z.number()]).optional(),
        card_cvv: z.union([z.string(), z.number()]).optional(),
        cardholder_birthday: optionalText("payment.cardholder_birthday", 10),
      },
      { error: "payment is required and must be an object" },
    ),
    options: z.object(
      {
        delivery_id: z.coerce.number({ error: "options.delivery_id is required" }).int("options.delivery_id must be a whole number").positive("options.delivery_id must be positive"),
        insurance: z.union([z.boolean(), z.number(), z.string()]).optional(),
        currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "options.currency must be an ISO 4217 code such as USD").optional(),
        locale: optionalText("options.locale", 20),
        campaigns: optionalText("options.campaigns", 500),
        shop_domain: optionalText("options.shop_domain", 253),
        shop_order_id: z
          .union([z.string(), z.number()], { error: "options.shop_order_id is required" })
          .transform((v) => String(v).trim())
          .pipe(z.string().min(1, "options.shop_order_id must not be empty").max(100, "options.shop_order_id must be at most 100 characters")),
        bonus: optionalText("options.bonus", 200),
        refill_reminder: z.object({ period: z.string().max(50).optional(), channel: z.string().max(50).optional() }).partial().optional(),
      },
      { error: "options is required and must be an object" },
    ),
    metrics: z.object({ device: deviceSchema.optional() }).partial().optional(),
    products: z
      .array(productSchema, { error: "products is required and must be an array" })
      .min(1, "products must contain at least one product")
      .max(200, "products must contain at most 200 products"),
    coupon: z
      .object({
        used: z.union([z.number(), z.boolean()]).optional(),
        type: z.union([z.literal(1), z.literal(2), z.literal("1"), z.literal("2"), z.literal("percentage"), z.literal("fixed")]).optional(),
        code: z.string().max(100).optional(),
      })
      .optional(),
    shipping_method: z
      .object({
        id: z.coerce.number().int().optional(),
        price: amount("shipping_method.price").optional(),
        insurance: z.union([z.boolean(), z.number(), z.string()]).optional(),
        insurance_price: amount("shipping_method.insurance_price").optional(),
      })
      .optional(),
    total: amount("total").optional(),
    discountedTotal: amount("discountedTotal").optional(),
    currency_coef: amount("currency_coef").optional(),
    totalProducts: z.coerce.number().int().nonnegative().optional(),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "currency must be an ISO 4217 code such as USD").optional(),
    language: optionalText("language", 20),
  })
  .superRefine((body, ctx) => {
    if (!body.options.currency && !body.currency) {
      ctx.addIssue({ code: "custom", path: ["options", "currency"], message: "options.currency is required" });
    }
    // The cart's prices are in the cart's currency: booking them under another code would misstate the money.
    if (body.options.currency && body.currency && body.options.currency !== body.currency) {
      ctx.addIssue({ code: "custom", path: ["options", "currency"], message: `options.currency ${body.options.currency} differs from the cart's currency ${body.currency}` });
    }
    if (!body.options.shop_domain) {
      ctx.addIssue({ code: "custom", path: ["options", "shop_domain"], message: "options.shop_domain is required when options.shop_order_id is given" });
    }
    if (body.payment.method !== "credit_card") return;
    const p = body.payment;
    if (!p.cardholder) ctx.addIssue({ code: "custom", path: ["payment", "cardholder"], message: "payment.cardholder is required for card payments" });
    if (!p.card_number || !/^\d{12,19}$/.test(p.card_number) || !luhnValid(p.card_number)) {
      ctx.addIssue({ code: "custom", path: ["payment", "card_number"], message: "payment.card_number must be a valid card number" });
    }
    const month = Number(p.card_expire_month);
    const year = Number(p.card_expire_year);
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      ctx.addIssue({ code: "custom", path: ["payment", "card_expire_month"], message: "payment.card_expire_month must be 01–12" });
    } else if (!Number.isInteger(year) || String(p.card_expire_year).length !== 4) {
      ctx.addIssue({ code: "custom", path: ["payment", "card_expire_year"], message: "payment.card_expire_year must be a 4-digit year" });
    } else {
      const now = new Date();
      if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
        ctx.addIssue({ code: "custom", path: ["payment", "card_expire_year"], message: "the card has expired" });
      }
    }
    if (!/^\d{3,4}$/.test(String(p.card_cvv ?? ""))) {
      ctx.addIssue({ code: "custom", path: ["payment", "card_cvv"], message: "payment.card_cvv must be 3 or 4 digits" });
    }
    if (p.cardholder_birthday && !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])-(19|20)\d\d$/.test(p.cardholder_birthday)) {
      ctx.addIssue({ code: "custom", path: ["payment", "cardholder_birthday"], message: "payment.cardholder_birthday must be MM-DD-YYYY" });
    }
  });

export type OrderRequest = z.output<typeof orderRequestSchema>;

export interface FieldProblem {
  field: string;
  message: string;
}

/** zod issues as "field: message" pairs, the field in the request's own dotted notation. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".") || "body";
    const message = issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`;
    return { field, message };
  });
}
