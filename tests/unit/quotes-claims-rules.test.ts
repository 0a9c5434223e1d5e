import { describe, expect, it } from "vitest";
import { claimQuantityProblem, mayMoveClaim, nextClaimStatuses } from "@/server/domain/claims/claim-rules";
import { effectiveQuoteStatus, lineTotalMinor, markedUpUnitMinor, markUpLines, quoteTotalMinor } from "@/server/domain/quotes/quote-math";

describe("quote money", () => {
  it("rounds each line once and sums the lines", () => {
    expect(lineTotalMinor(12_345, 3)).toBe(37_035);
    expect(lineTotalMinor(333, 1.5)).toBe(500); // 499.5 rounds half up
    expect(quoteTotalMinor([{ unitMinor: 333, quantity: 1.5 }, { unitMinor: 100, quantity: 2 }])).toBe(700);
  });

  it("marks up every unit price by the reseller's percent and recomputes the totals", () => {
    expect(markedUpUnitMinor(10_000, 15)).toBe(11_500);
    expect(markedUpUnitMinor(999, 12.5)).toBe(1_124); // 1123.875
    const marked = markUpLines(
      [
        { sku: "A", name: "A", unit: "шт", quantity: 3, unitMinor: 999 },
        { sku: "B", name: "B", unit: "шт", quantity: 2, unitMinor: 10_000 },
      ],
      12.5,
    );
    expect(marked.lines.map((l) => [l.unitMinor, l.lineTotalMinor])).toEqual([[1_124, 3_372], [11_250, 22_500]]);
    expect(marked.totalMinor).toBe(25_872);
    expect(markUpLines([{ sku: "A", name: "A", unit: "шт", quantity: 1, unitMinor: 500 }], 0).totalMinor).toBe(500);
  });

  it("lets the clock expire a sent quote, and nothing else", () => {
    const until = new Date("2026-12-10T23:59:59Z");
    expect(effectiveQuoteStatus({ status: "sent", validUntil: until }, new Date("2026-12-10T12:00:00Z"))).toBe("sent");
    expect(effectiveQuoteStatus({ status: "sent", validUntil: until }, new Date("2026-12-11T00:00:00Z"))).toBe("expired");
    expect(effectiveQuoteStatus({ status: "accepted", validUntil: until }, new Date("2027-01-01T00:00:00Z"))).toBe("accepted");
    expect(effectiveQuoteStatus({ status: "requested", validUntil: null }, new Date("2027-01-01T00:00:00Z"))).toBe("requested");
  });
});

describe("claim rules", () => {
  it("moves new → in work → under review → closed, back to work from review, never out of closed", () => {
    expect(nextClaimStatuses("new")).toEqual(["in_work", "closed"]);
    expect(mayMoveClaim("in_work", "under_review")).toBe(true);
    expect(mayMoveClaim("under_review", "in_work")).toBe(true);
    expect(mayMoveClaim("under_review", "closed")).toBe(true);
    expect(mayMoveClaim("new", "under_review")).toBe(false);
    expect(mayMoveClaim("closed", "in_work")).toBe(false);
    expect(nextClaimStatuses("closed")).toEqual([]);
  });

  it("claims a positive quantity of at most what was ordered", () => {
    expect(claimQuantityProblem(5, 10)).toBeNull();
    expect(claimQuantityProblem(10, 10)).toBeNull();
    expect(claimQuantityProblem(10.5, 10)).toMatch(/At most 10/);
    expect(claimQuantityProblem(0, 10)).toMatch(/positive/);
    expect(claimQuantityProblem(-1, 10)).toMatch(/positive/);
  });
});
