import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, type CallCenterStatus, type OrderStatus } from "@/server/domain/orders/order-statuses";
import { allowedTargets, callCenterStatusAfter, checkTransition, moneyHeld, TRANSITIONS, type Effect, type OrderFacts } from "@/server/domain/orders/status-machine";

const AT = new Date("2026-01-10T10:00:00Z");

type Money = "unpaid" | "paid" | "shipped" | "refunded" | "chargeback";

/** An order in `status` whose history is `money`: never paid, paid, paid and shipped, paid then refunded or charged back. */
function facts(status: OrderStatus, money: Money = "unpaid"): OrderFacts {
  const paid = money !== "unpaid";
  return {
    status,
    paidAt: paid ? AT : null,
    shippedAt: money === "shipped" ? AT : null,
    refundedAt: money === "refunded" ? AT : null,
    chargebackAt: money === "chargeback" ? AT : null,
  };
}

type Row = [from: OrderStatus, money: Money, to: OrderStatus, allowed: boolean, reason?: RegExp];

const CASES: Row[] = [
  ["pending", "unpaid", "approved", true],
  ["pending", "unpaid", "declined", true],
  ["pending", "unpaid", "cancelled", true],
  ["pending", "unpaid", "call_center", true],
  ["pending", "unpaid", "closed", true],
  ["pending", "unpaid", "pending", false, /already pending/],
  ["pending", "unpaid", "shipped", false, /cannot go from pending to shipped/],
  ["pending", "unpaid", "packed", false, /cannot go from pending/],
  ["pending", "unpaid", "refunded", false, /cannot go from pending/],
  ["pending", "unpaid", "chargeback", false, /cannot go from pending/],
  ["declined", "unpaid", "approved", true],
  ["declined", "unpaid", "pending", true],
  ["declined", "unpaid", "refunded", false],
  ["cancelled", "unpaid", "pending", true],
  ["cancelled", "unpaid", "approved", false],
  ["approved", "paid", "approved", false, /already approved/],
  ["approved", "paid", "packed", true],
  ["approved", "paid", "shipped", true],
  ["approved", "paid", "call_center", true],
  ["approved", "paid", "refunded", true],
  ["approved", "paid", "chargeback", true],
  ["approved", "paid", "cancelled", false],
  ["approved", "paid", "declined", false],
  ["approved", "paid", "delivered", false],
  ["approved", "paid", "reshipped", false],
  ["packed", "paid", "shipped", true],
  ["shipped", "shipped", "reshipped", true],
  ["shipped", "shipped", "delivered", true],
  ["shipped", "shipped", "refunded", true],
  ["reshipped", "shipped", "reshipped", true],
  ["delivered", "shipped", "reshipped", true],
  ["delivered", "shipped", "chargeback", true],
  ["refunded", "refunded", "refunded", false, /already refunded/],
  ["refunded", "refunded", "chargeback", false],
  ["refunded", "refunded", "call_center", false],
  ["chargeback", "chargeback", "refunded", false],
  ["closed", "unpaid", "pending", false],
  ["closed", "unpaid", "approved", false],
  // From the call center the requirements decide: what was paid cannot be declined or cancelled, what was not cannot be refunded.
  ["call_center", "unpaid", "approved", true],
  ["call_center", "unpaid", "declined", true],
  ["call_center", "unpaid", "closed", true],
  ["call_center", "unpaid", "refunded", false, /not paid/],
  ["call_center", "unpaid", "chargeback", false, /not paid/],
  ["call_center", "unpaid", "packed", false, /not paid/],
  ["call_center", "paid", "approved", true],
  ["call_center", "paid", "cancelled", false, /is paid/],
  ["call_center", "paid", "declined", false, /is paid/],
  ["call_center", "paid", "pending", false, /is paid/],
  ["call_center", "paid", "closed", false, /is paid/],
  ["call_center", "paid", "refunded", true],
  ["call_center", "paid", "shipped", true],
  ["call_center", "paid", "reshipped", false, /not been shipped/],
  ["call_center", "shipped", "reshipped", true],
  ["call_center", "shipped", "delivered", true],
];

describe("checkTransition", () => {
  it.each(CASES)("%s (%s) → %s allowed: %s", (from, money, to, allowed, reason) => {
    const verdict = checkTransition(facts(from, money), to);
    expect(verdict.ok).toBe(allowed);
    if (verdict.ok) {
      expect(verdict.transition.to).toBe(to);
    } else if (reason) {
      expect(verdict.reason).toMatch(reason);
    }
  });

  it("never lets money that is held be declined, cancelled, closed or put back to pending", () => {
    for (const status of ORDER_STATUSES) {
      for (const money of ["paid", "shipped"] as const) {
        for (const to of ["declined", "cancelled", "closed", "pending"] as const) {
          expect(checkTransition(facts(status, money), to).ok, `${status} (${money}) → ${to}`).toBe(false);
        }
      }
    }
  });

  it("never refunds or charges back an order whose money is not held", () => {
    for (const status of ORDER_STATUSES) {
      for (const money of ["unpaid", "refunded", "chargeback"] as const) {
        for (const to of ["refunded", "chargeback"] as const) {
          expect(checkTransition(facts(status, money), to).ok, `${status} (${money}) → ${to}`).toBe(false);
        }
      }
    }
  });

  it("ties money effects to the right statuses", () => {
    const effectsOf = (to: OrderStatus) => TRANSITIONS.find((t) => t.to === to)?.effects ?? [];
    expect(effectsOf("approved")).toContain("ledger.sale");
    expect(effectsOf("refunded")).toContain("ledger.refund");
    expect(effectsOf("chargeback")).toContain("ledger.chargeback");
    expect(effectsOf("pending")).not.toContain("email");
    const withSale = TRANSITIONS.filter((t) => t.effects.includes("ledger.sale")).map((t) => t.to);
    expect(withSale).toEqual(["approved"]);
    // Every status but the initial one is reachable, and only pending lacks the customer's e-mail on entry (it was sent on intake).
    expect(TRANSITIONS.map((t) => t.to).sort()).toEqual([...ORDER_STATUSES].sort());
    const silent = TRANSITIONS.filter((t) => !t.effects.includes("email")).map((t) => t.to);
    expect(silent.sort()).toEqual(["call_center", "pending"]);
  });
});

describe("moneyHeld", () => {
  it("holds money from payment until a refund or a chargeback", () => {
    expect(moneyHeld(facts("pending", "unpaid"))).toBe(false);
    expect(moneyHeld(facts("approved", "paid"))).toBe(true);
    expect(moneyHeld(facts("shipped", "shipped"))).toBe(true);
    expect(moneyHeld(facts("refunded", "refunded"))).toBe(false);
    expect(moneyHeld(facts("chargeback", "chargeback"))).toBe(false);
  });
});

describe("allowedTargets", () => {
  it.each<[OrderStatus, Money, OrderStatus[]]>([
    ["pending", "unpaid", ["approved", "declined", "cancelled", "call_center", "closed"]],
    ["declined", "unpaid", ["approved", "pending", "cancelled", "call_center", "closed"]],
    ["approved", "paid", ["call_center", "packed", "shipped", "refunded", "chargeback"]],
    ["shipped", "shipped", ["call_center", "reshipped", "delivered", "refunded", "chargeback"]],
    ["reshipped", "shipped", ["call_center", "reshipped", "delivered", "refunded", "chargeback"]],
    ["call_center", "unpaid", ["approved", "declined", "pending", "cancelled", "closed"]],
    ["call_center", "shipped", ["approved", "packed", "shipped", "reshipped", "delivered", "refunded", "chargeback"]],
    ["refunded", "refunded", []],
    ["chargeback", "chargeback", []],
    ["closed", "unpaid", []],
  ])("%s (%s) → %j", (status, money, expected) => {
    expect(allowedTargets(facts(status, money))).toEqual(expected);
  });

  it("lists exactly the targets checkTransition accepts", () => {
    for (const status of ORDER_STATUSES) {
      for (const money of ["unpaid", "paid", "shipped", "refunded"] as const) {
        const order = facts(status, money);
        const accepted = ORDER_STATUSES.filter((to) => checkTransition(order, to).ok);
        expect(new Set(allowedTargets(order)), `${status} (${money})`).toEqual(new Set(accepted));
      }
    }
  });
});

describe("callCenterStatusAfter", () => {
  const effectsOf = (to: OrderStatus): readonly Effect[] => {
    const transition = TRANSITIONS.find((t) => t.to === to);
    if (!transition) throw new Error(`no transition to ${to}`);
    return transition.effects;
  };

  it.each<[CallCenterStatus | null, OrderStatus, CallCenterStatus | null]>([
    [null, "call_center", "new_inquiry"],
    ["resolved", "call_center", "new_inquiry"],
    ["refund_initiated", "refunded", "refunded"],
    ["awaiting_response", "refunded", "awaiting_response"],
    [null, "refunded", null],
    ["reship_initiated", "reshipped", "reshipped"],
    ["refund_initiated", "reshipped", "refund_initiated"],
    ["reship_initiated", "refunded", "reship_initiated"],
    ["new_inquiry", "approved", "new_inquiry"],
    [null, "approved", null],
    ["refund_initiated", "chargeback", "refund_initiated"],
  ])("%s, then %s → %s", (current, to, expected) => {
    expect(callCenterStatusAfter(current, effectsOf(to))).toBe(expected);
  });
});
