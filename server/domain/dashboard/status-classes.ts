import { PAID_STATUSES, type OrderStatus } from "../orders/order-statuses";

/**
 * How the dashboard groups the 12 order statuses (the order's current status; amounts are the
 * order's `total_usd_minor`, fixed at intake):
 * - net: paid and what follows a payment (approved, packed, shipped, reshipped, delivered) —
 *   "Net earnings", "Approved orders", the Approved bars of the turnover and the revenue chart.
 *   Refunded and charged-back orders left this class when their money went back.
 * - pending, declined, refunded: their own series.
 * - other: cancelled, call center, chargeback, closed — counted only in Total sales and Orders.
 */
export const STATUS_CLASSES = ["net", "pending", "declined", "refunded", "other"] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export const NET_STATUSES: readonly OrderStatus[] = PAID_STATUSES;

export function statusClassOf(status: string): StatusClass {
  if ((NET_STATUSES as readonly string[]).includes(status)) return "net";
  if (status === "pending" || status === "declined" || status === "refunded") return status;
  return "other";
}
