import { z } from "zod";
import { CALL_CENTER_STATUSES, ORDER_STATUSES, PAYMENT_METHODS } from "./order-statuses";

/** Pure data for the browser too: the orders list's filters, as they travel in the URL. */
export const ORDER_SORTS = ["created", "total", "queue"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

const day = z.iso
  .date({ error: "Use a date like 2026-01-31" })
  .refine((value) => value >= "1900-01-01" && value <= "9998-12-31", "Use a date between 1900 and 9998");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

export const orderFiltersSchema = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  callCenterStatus: z.enum(CALL_CENTER_STATUSES).optional(),
  search: optionalText(200),
  /** Order date from/to, inclusive, as UTC days. */
  from: day.optional(),
  to: day.optional(),
  shopId: z.uuid("Not a shop id").optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "Use a two-letter country code")
    .transform((value) => value.toUpperCase())
    .optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
  processorId: z.uuid("Not a processor id").optional(),
  shipperId: z.uuid("Not a shipper id").optional(),
});
export type OrderFilters = z.output<typeof orderFiltersSchema>;
export type OrderFiltersInput = z.input<typeof orderFiltersSchema>;

export const orderListQuerySchema = orderFiltersSchema.extend({
  sort: z.enum(ORDER_SORTS).default("created"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  /** Opaque keyset cursor from a previous page; `before` pages backwards. */
  cursor: z.string().max(300).optional(),
  before: z.boolean().default(false),
  limit: z.number().int().min(5).max(100).default(25),
});
export type OrderListQuery = z.input<typeof orderListQuerySchema>;
export type ParsedOrderListQuery = z.output<typeof orderListQuerySchema>;

/** Counts above this show as "10,000+": an exact count over millions of rows costs a full scan. */
export const STATUS_COUNT_CAP = 10_000;
/**
 * A search's tab counts visit its matches (scattered over every status): past this many the tabs
 * show lower bounds ("612+"). 1,000 keeps a broad search's counts near 50 ms on 10 M orders,
 * where 10,000 took 250–450 ms (docs/benchmarks.md).
 */
export const SEARCH_COUNT_CAP = 1_000;
