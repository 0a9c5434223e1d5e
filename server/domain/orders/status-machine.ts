import type { CallCenterStatus, OrderStatus } from "./order-statuses";

/**
 * The 12 order statuses as a declarative machine. Each transition says where it may start,
 * what the order must have been through (paid, shipped), and the side effects it causes. The
 * e-mail, payment and fulfilment capabilities hang their work on these effects.
 */
export type Effect =
  | "email" // the customer's e-mail for the new status (through the outbox)
  | "ledger.sale" // order total in, processor fee out — once per order
  | "ledger.refund"
  | "ledger.chargeback"
  | "mark.shipped"
  | "cc.open" // entering the call center: operator status New Inquiry
  | "cc.refunded" // Refund Initiated → Refunded
  | "cc.reshipped"; // Reship Initiated → Reshipped

export type Requirement = "unpaid" | "paid" | "shipped";

export interface Transition {
  to: OrderStatus;
  from: readonly OrderStatus[];
  requires?: Requirement;
  effects: readonly Effect[];
}

const AFTER_PAYMENT: readonly OrderStatus[] = ["approved", "packed", "shipped", "reshipped", "delivered"];

export const TRANSITIONS: readonly Transition[] = [
  { to: "approved", from: ["pending", "declined", "call_center"], effects: ["email", "ledger.sale"] },
  { to: "declined", from: ["pending", "call_center"], requires: "unpaid", effects: ["email"] },
  { to: "pending", from: ["declined", "call_center", "cancelled"], requires: "unpaid", effects: [] },
  { to: "cancelled", from: ["pending", "declined", "call_center"], requires: "unpaid", effects: ["email"] },
  { to: "call_center", from: ["pending", "declined", "cancelled", ...AFTER_PAYMENT], effects: ["cc.open"] },
  { to: "packed", from: ["approved", "call_center"], requires: "paid", effects: ["email"] },
  { to: "shipped", from: ["approved", "packed", "call_center"], requires: "paid", effects: ["email", "mark.shipped"] },
  { to: "reshipped", from: ["shipped", "reshipped", "delivered", "call_center"], requires: "shipped", effects: ["email", "mark.shipped", "cc.reshipped"] },
  { to: "delivered", from: ["shipped", "reshipped", "call_center"], requires: "shipped", effects: ["email"] },
  { to: "refunded", from: [...AFTER_PAYMENT, "call_center"], requires: "paid", effects: ["email", "ledger.refund", "cc.refunded"] },
  { to: "chargeback", from: [...AFTER_PAYMENT, "call_center"], requires: "paid", effects: ["email", "ledger.chargeback"] },
  { to: "closed", from: ["pending", "declined", "cancelled", "call_center"], requires: "unpaid", effects: ["email"] },
];

export interface OrderFacts {
  status: OrderStatus;
  paidAt: Date | null;
  shippedAt: Date | null;
  refundedAt: Date | null;
  chargebackAt: Date | null;
}

/** Paid and the money still with us: not refunded, not charged back. */
export function moneyHeld(order: OrderFacts): boolean {
  return order.paidAt !== null && order.refundedAt === null && order.chargebackAt === null;
}

function meets(order: OrderFacts, requirement: Requirement | undefined): boolean {
  if (!requirement) return true;
  if (requirement === "unpaid") return !moneyHeld(order);
  if (requirement === "paid") return moneyHeld(order);
  return moneyHeld(order) && order.shippedAt !== null;
}

export type TransitionVerdict = { ok: true; transition: Transition } | { ok: false; reason: string };

export function checkTransition(order: OrderFacts, to: OrderStatus): TransitionVerdict {
  const transition = TRANSITIONS.find((t) => t.to === to);
  if (!transition) return { ok: false, reason: `No transition leads to ${to}` };
  if (order.status === to && to !== "reshipped") return { ok: false, reason: `The order is already ${to}` };
  if (!transition.from.includes(order.status)) return { ok: false, reason: `An order cannot go from ${order.status} to ${to}` };
  if (!meets(order, transition.requires)) {
    const why = { unpaid: "the order is paid (refund it instead)", paid: "the order is not paid", shipped: "the order has not been shipped" };
    return { ok: false, reason: `Cannot set ${to}: ${why[transition.requires!]}` };
  }
  return { ok: true, transition };
}

/** Every status reachable from this order now, for the buttons on Order Details. */
export function allowedTargets(order: OrderFacts): OrderStatus[] {
  return TRANSITIONS.filter((t) => checkTransition(order, t.to).ok).map((t) => t.to);
}

export function callCenterStatusAfter(current: CallCenterStatus | null, effects: readonly Effect[]): CallCenterStatus | null {
  if (effects.includes("cc.open")) return "new_inquiry";
  if (effects.includes("cc.refunded") && current === "refund_initiated") return "refunded";
  if (effects.includes("cc.reshipped") && current === "reship_initiated") return "reshipped";
  return current;
}
