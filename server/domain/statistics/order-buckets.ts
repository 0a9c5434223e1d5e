import type { B2B_ORDER_STATUSES } from "../../../db/schema/b2b-ordering";

type OrderStatus = (typeof B2B_ORDER_STATUSES)[number];

/**
 * The seed's four order states (new, in processing, cancelled, completed) over the six B2B
 * statuses. A shipped order is still "in processing": the goods are on the way and the deal is
 * closed only on delivery.
 */
export const ORDER_BUCKETS = ["new", "inProcessing", "cancelled", "completed"] as const;
export type OrderBucket = (typeof ORDER_BUCKETS)[number];

export const BUCKET_OF_STATUS: Record<OrderStatus, OrderBucket> = {
  new: "new",
  confirmed: "inProcessing",
  assembling: "inProcessing",
  shipped: "inProcessing",
  delivered: "completed",
  cancelled: "cancelled",
};

export function bucketOf(status: string): OrderBucket {
  return BUCKET_OF_STATUS[status as OrderStatus] ?? "new";
}

/** Orders a manager has processed: taken past "new" and not cancelled. */
export const PROCESSED_BUCKETS: readonly OrderBucket[] = ["inProcessing", "completed"];

export interface CountAndTotals {
  orders: number;
  /** Sums in minor units per currency. */
  totals: Record<string, number>;
}

export const emptyCount = (): CountAndTotals => ({ orders: 0, totals: {} });

export function addTo(target: CountAndTotals, orders: number, currency: string, totalMinor: number): void {
  target.orders += orders;
  target.totals[currency] = (target.totals[currency] ?? 0) + totalMinor;
}

/** Average of a count over a number of holders, two decimals; 0 with no holders. */
export function averagePer(count: number, holders: number): number {
  return holders > 0 ? Math.round((count / holders) * 100) / 100 : 0;
}
