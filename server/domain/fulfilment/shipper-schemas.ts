import { z } from "zod";
import { SHIPPER_ADAPTER_NAMES } from "../../integrations/shippers/registry";

export const skuMappingSchema = z.object({
  sku: z.string().trim().min(1, "SKU map: the shop SKU is required").max(100),
  code: z.string().trim().min(1, "SKU map: the shipper's product code is required").max(100),
  multiplier: z.number().int().min(1, "SKU map: the multiplier is at least 1").max(100).default(1),
});

const settingsSchema = z
  .object({
    url: z.url("Settings: url must be an http(s) URL").optional(),
    email: z.email("Settings: email must be an e-mail address").optional(),
    format: z.enum(["csv", "xlsx"]).optional(),
    carrier: z.string().trim().max(100).optional(),
    /** A link with {tracking_number} in it, e.g. https://www.dhl.com/track?id={tracking_number}. */
    trackingUrl: z
      .string()
      .trim()
      .max(500)
      .refine((v) => v === "" || (/^https?:\/\//.test(v) && v.includes("{tracking_number}")), "Settings: trackingUrl must be an http(s) link containing {tracking_number}")
      .optional(),
  })
  .strict();

const shipperFields = z.object({
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/, "Code: 2–40 lower-case letters, digits, - or _"),
  name: z.string().trim().min(1, "Name is required").max(100),
  adapter: z.enum(SHIPPER_ADAPTER_NAMES),
  isEnabled: z.boolean(),
  priority: z.number().int().min(0).max(10_000),
  countries: z.array(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Countries are ISO codes like DE")).max(300),
  skus: z.array(z.string().trim().min(1).max(100)).max(5000),
  skuMap: z.array(skuMappingSchema).max(5000),
  settings: settingsSchema,
});

function adapterNeeds(value: { adapter?: string; settings?: z.infer<typeof settingsSchema> }, ctx: z.RefinementCtx) {
  if (value.adapter === "http_json" && !value.settings?.url) ctx.addIssue({ code: "custom", path: ["settings", "url"], message: "An HTTP JSON shipper needs a URL" });
  if (value.adapter === "email" && !value.settings?.email) ctx.addIssue({ code: "custom", path: ["settings", "email"], message: "An e-mail shipper needs an e-mail address" });
}

export const shipperInputSchema = shipperFields
  .extend({
    isEnabled: shipperFields.shape.isEnabled.default(true),
    priority: shipperFields.shape.priority.default(100),
    countries: shipperFields.shape.countries.default([]),
    skus: shipperFields.shape.skus.default([]),
    skuMap: shipperFields.shape.skuMap.default([]),
    settings: settingsSchema.default({}),
  })
  .superRefine(adapterNeeds);
export type ShipperInput = z.input<typeof shipperInputSchema>;

export const shipperPatchSchema = shipperFields
  .partial()
  .extend({ id: z.uuid("Not a shipper id") })
  .superRefine((value, ctx) => {
    if (value.adapter && value.settings) adapterNeeds(value, ctx);
  });
export type ShipperPatch = z.input<typeof shipperPatchSchema>;

export const trackingNumberSchema = z
  .string()
  .trim()
  .min(4, "A tracking number has at least 4 characters")
  .max(64, "A tracking number has at most 64 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "A tracking number holds letters, digits, spaces and dashes");
