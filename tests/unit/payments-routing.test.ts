import { describe, expect, it } from "vitest";
import type { Processor } from "@/server/domain/payments/processors";
import { eligibility } from "@/server/domain/payments/routing";
import { CVV_TTL_MS, forgetCvv, peekCvv, rememberCvv } from "@/server/domain/payments/cvv-vault";

function processor(overrides: Partial<Processor> = {}): Processor {
  return {
    id: "00000000-0000-4000-8000-000000000001", code: "p", name: "P", adapter: "sandbox", methods: ["credit_card"], currencies: [], countries: [],
    minAmountUsdMinor: null, maxAmountUsdMinor: null, dailyCapUsdMinor: null, monthlyCapUsdMinor: null, priority: 1, feeBasisPoints: 0, feeFixedMinor: 0,
    isEnabled: true, settings: {}, credentialsSealed: null, consecutiveFailures: 0, failureThreshold: 5, autoDisabledAt: null, autoDisabledReason: null,
    createdAt: new Date(), updatedAt: new Date(), ...overrides,
  };
}
const payment = { paymentMethod: "credit_card", currency: "EUR", country: "DE", totalUsdMinor: 10_000 };
const none = { dayUsdMinor: 0, monthUsdMinor: 0 };

describe("processor eligibility", () => {
  it("takes a payment that fits every rule", () => {
    expect(eligibility(processor({ currencies: ["EUR"], countries: ["DE"], minAmountUsdMinor: 100, maxAmountUsdMinor: 10_000 }), payment, none)).toEqual({ ok: true });
  });

  it.each([
    ["switched off", { isEnabled: false }],
    ["switched off automatically", { autoDisabledAt: new Date() }],
    ["manual", { adapter: "manual" }],
    ["unknown adapter", { adapter: "nope" }],
    ["does not take credit_card", { methods: ["paypal"] }],
    ["does not take EUR", { currencies: ["USD"] }],
    ["does not serve DE", { countries: ["US"] }],
    ["below its minimum", { minAmountUsdMinor: 10_001 }],
    ["above its maximum", { maxAmountUsdMinor: 9_999 }],
  ])("refuses: %s", (reason, overrides) => {
    const verdict = eligibility(processor(overrides as Partial<Processor>), payment, none);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? "" : verdict.reason).toContain(reason);
  });

  it("counts today's and this month's approved volume against the caps, including this payment", () => {
    expect(eligibility(processor({ dailyCapUsdMinor: 50_000 }), payment, { dayUsdMinor: 40_000, monthUsdMinor: 40_000 }).ok).toBe(true);
    expect(eligibility(processor({ dailyCapUsdMinor: 50_000 }), payment, { dayUsdMinor: 40_001, monthUsdMinor: 40_001 })).toEqual({ ok: false, reason: "daily volume cap reached" });
    expect(eligibility(processor({ monthlyCapUsdMinor: 50_000 }), payment, { dayUsdMinor: 0, monthUsdMinor: 45_000 })).toEqual({ ok: false, reason: "monthly volume cap reached" });
  });
});

describe("the CVV vault", () => {
  it("keeps a CVV in memory for a few minutes only", () => {
    rememberCvv("ord_a", "123", 1_000);
    expect(peekCvv("ord_a", 1_000 + CVV_TTL_MS - 1)).toBe("123");
    expect(peekCvv("ord_a", 1_000 + CVV_TTL_MS)).toBeUndefined();
    rememberCvv("ord_b", "456");
    forgetCvv("ord_b");
    expect(peekCvv("ord_b")).toBeUndefined();
  });
});
