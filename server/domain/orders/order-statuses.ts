/** Pure data shared by the schema, the domain and the browser bundle. */
export const ORDER_STATUSES = [
  "pending",
  "approved",
  "declined",
  "cancelled",
  "call_center",
  "packed",
  "shipped",
  "reshipped",
  "delivered",
  "refunded",
  "chargeback",
  "closed",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The call-center operator's own statuses. The last two are set by the system only: Refund
 * Initiated becomes Refunded, and Reship Initiated becomes Reshipped, when a manager acts.
 */
export const CALL_CENTER_STATUSES = [
  "new_inquiry",
  "resolved",
  "awaiting_response",
  "cancelled",
  "failed",
  "closed",
  "refund_initiated",
  "reship_initiated",
  "refunded",
  "reshipped",
] as const;
export type CallCenterStatus = (typeof CALL_CENTER_STATUSES)[number];
export const OPERATOR_SETTABLE_CC_STATUSES = CALL_CENTER_STATUSES.filter((s) => s !== "refunded" && s !== "reshipped");

export const PAYMENT_METHODS = ["credit_card", "paypal", "crypto", "echeck"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Statuses that count as paid for "net earnings": approved and everything that follows a payment. */
export const PAID_STATUSES: readonly OrderStatus[] = ["approved", "packed", "shipped", "reshipped", "delivered"];

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}
