import { z } from "zod";

/**
 * The processor form as typed (strings), checked and turned into the payments procedures' input:
 * comma lists to ISO code arrays, dollars to US cents, percent to basis points. The server
 * checks the result again with its own schema (server/domain/payments/processors.ts). Error
 * messages are keys under `processors.validation` in the payments message files.
 */
export const PAYMENT_METHOD_OPTIONS = ["credit_card", "paypal", "crypto", "echeck"] as const;
export const ADAPTER_OPTIONS = ["manual", "sandbox"] as const;

const codeList = (pattern: RegExp, message: string) =>
  z
    .string()
    .transform((text) => text.split(/[\s,;]+/).map((part) => part.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(pattern, message)));

/** "" → null, "1,250.50" → 125050 (US cents). */
const usdAmount = z
  .string()
  .trim()
  .transform((text) => text.replace(/[$,\s]/g, ""))
  .pipe(z.union([z.literal("").transform(() => null), z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, "amount").transform((v) => Math.round(Number(v) * 100))]));

const wholeNumber = (min: number, max: number, message: string) =>
  z.string().trim().regex(/^\d+$/, message).transform(Number).pipe(z.number().int().min(min, message).max(max, message));

export const processorFormSchema = z
  .object({
    code: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/, "code"),
    name: z.string().trim().min(1, "name").max(100),
    adapter: z.enum(ADAPTER_OPTIONS),
    methods: z.array(z.enum(PAYMENT_METHOD_OPTIONS)).min(1, "methods"),
    currencies: codeList(/^[A-Z]{3}$/, "currencies"),
    countries: codeList(/^[A-Z]{2}$/, "countries"),
    minAmount: usdAmount,
    maxAmount: usdAmount,
    dailyCap: usdAmount,
    monthlyCap: usdAmount,
    feePercent: z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/, "feePercent").transform((v) => Math.round(Number(v) * 100)).pipe(z.number().max(10_000, "feePercent")),
    feeFixedMinor: wholeNumber(0, 1_000_000, "feeFixed"),
    priority: wholeNumber(0, 10_000, "priority"),
    failureThreshold: wholeNumber(1, 1000, "threshold"),
    isEnabled: z.boolean(),
    baseUrl: z.union([z.literal(""), z.url("url")]),
    callbackUrl: z.union([z.literal(""), z.url("url")]),
    apiKey: z.string().trim().max(2000),
    webhookSecret: z.string().trim().max(2000),
    generateWebhookSecret: z.boolean(),
  })
  .refine((v) => v.minAmount === null || v.maxAmount === null || v.minAmount <= v.maxAmount, { path: ["maxAmount"], message: "minMax" })
  .refine((v) => v.adapter === "manual" || v.baseUrl !== "", { path: ["baseUrl"], message: "baseUrlRequired" });

export type ProcessorFormValues = z.input<typeof processorFormSchema>;
export type ProcessorFormParsed = z.output<typeof processorFormSchema>;

export const EMPTY_PROCESSOR_FORM: ProcessorFormValues = {
  code: "", name: "", adapter: "sandbox", methods: ["credit_card"], currencies: "", countries: "",
  minAmount: "", maxAmount: "", dailyCap: "", monthlyCap: "", feePercent: "0", feeFixedMinor: "0",
  priority: "100", failureThreshold: "5", isEnabled: true, baseUrl: "", callbackUrl: "", apiKey: "", webhookSecret: "", generateWebhookSecret: true,
};

const dollars = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2).replace(/\.00$/, ""));

/** The form filled from a stored processor; credentials stay blank (they are never read back). */
export function formValuesOf(p: {
  code: string; name: string; adapter: string; methods: string[]; currencies: string[]; countries: string[];
  minAmountUsdMinor: number | null; maxAmountUsdMinor: number | null; dailyCapUsdMinor: number | null; monthlyCapUsdMinor: number | null;
  feeBasisPoints: number; feeFixedMinor: number; priority: number; failureThreshold: number; isEnabled: boolean; settings: Record<string, string>;
}): ProcessorFormValues {
  return {
    code: p.code,
    name: p.name,
    adapter: (ADAPTER_OPTIONS as readonly string[]).includes(p.adapter) ? (p.adapter as ProcessorFormValues["adapter"]) : "manual",
    methods: p.methods.filter((m): m is (typeof PAYMENT_METHOD_OPTIONS)[number] => (PAYMENT_METHOD_OPTIONS as readonly string[]).includes(m)),
    currencies: p.currencies.join(", "),
    countries: p.countries.join(", "),
    minAmount: dollars(p.minAmountUsdMinor),
    maxAmount: dollars(p.maxAmountUsdMinor),
    dailyCap: dollars(p.dailyCapUsdMinor),
    monthlyCap: dollars(p.monthlyCapUsdMinor),
    feePercent: (p.feeBasisPoints / 100).toString(),
    feeFixedMinor: String(p.feeFixedMinor),
    priority: String(p.priority),
    failureThreshold: String(p.failureThreshold),
    isEnabled: p.isEnabled,
    baseUrl: p.settings.baseUrl ?? "",
    callbackUrl: p.settings.callbackUrl ?? "",
    apiKey: "",
    webhookSecret: "",
    generateWebhookSecret: false,
  };
}

/** The procedures' input from the parsed form; credentials only when typed (or a secret is to be made). */
export function processorInputOf(v: ProcessorFormParsed, existingSettings: Record<string, string> = {}) {
  const credentials = Object.fromEntries(
    Object.entries({ apiKey: v.apiKey, webhookSecret: v.generateWebhookSecret ? "" : v.webhookSecret }).filter(([, value]) => value !== ""),
  );
  const settings = { ...existingSettings, baseUrl: v.baseUrl, callbackUrl: v.callbackUrl };
  for (const key of ["baseUrl", "callbackUrl"] as const) if (!settings[key]) delete settings[key];
  return {
    code: v.code,
    name: v.name,
    adapter: v.adapter,
    methods: v.methods,
    currencies: v.currencies,
    countries: v.countries,
    minAmountUsdMinor: v.minAmount,
    maxAmountUsdMinor: v.maxAmount,
    dailyCapUsdMinor: v.dailyCap,
    monthlyCapUsdMinor: v.monthlyCap,
    feeBasisPoints: v.feePercent,
    feeFixedMinor: v.feeFixedMinor,
    priority: v.priority,
    failureThreshold: v.failureThreshold,
    isEnabled: v.isEnabled,
    settings,
    ...(Object.keys(credentials).length > 0 ? { credentials } : {}),
  };
}
