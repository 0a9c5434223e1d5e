import { describe, expect, it } from "vitest";
import { commissionOf, resolveCommission, type CommissionRule } from "@/server/domain/supplier-orders/commission";
import { percentToBp } from "@/server/domain/supplier-orders/commission-rules";
import { canMovePart, nextPartStatuses } from "@/server/domain/supplier-orders/part-flow";
import { splitBySupplier, type SplittableLine } from "@/server/domain/supplier-orders/split";
import { monthBounds, statementTotals } from "@/server/domain/supplier-orders/statement-math";
import { averageCheck, periodBuckets, statisticsCsv } from "@/server/domain/supplier-orders/statistics";

const rules: CommissionRule[] = [
  { id: "default", supplierId: null, categoryId: null, percentBp: 1000 },
  { id: "lamps", supplierId: null, categoryId: "cat-lighting", percentBp: 500 },
  { id: "leaf", supplierId: null, categoryId: "cat-led", percentBp: 750 },
  { id: "supplierA", supplierId: "A", categoryId: null, percentBp: 1500 },
];

const line = (over: Partial<SplittableLine>): SplittableLine => ({
  orderLineId: crypto.randomUUID(), productId: null, supplierId: null, categoryPath: null, sku: "SKU", name: "Item", unit: "pcs", quantity: 1, unitMinor: 100, lineTotalMinor: 100, ...over,
});

describe("commission", () => {
  it("prefers the supplier's rule, then the nearest category, then the default", () => {
    expect(resolveCommission(rules, { supplierId: "A", categoryPath: "/cat-lighting/cat-led/" })).toEqual({ percentBp: 1500, ruleId: "supplierA" });
    expect(resolveCommission(rules, { supplierId: "B", categoryPath: "/cat-lighting/cat-led/" })).toEqual({ percentBp: 750, ruleId: "leaf" });
    expect(resolveCommission(rules, { supplierId: "B", categoryPath: "/cat-lighting/cat-lamps/" })).toEqual({ percentBp: 500, ruleId: "lamps" });
    expect(resolveCommission(rules, { supplierId: "B", categoryPath: "/cat-wiring/" })).toEqual({ percentBp: 1000, ruleId: "default" });
    expect(resolveCommission([], { supplierId: "B", categoryPath: null })).toEqual({ percentBp: 0, ruleId: null });
  });

  it("computes in exact integers, rounding half up", () => {
    expect(commissionOf(12_345, 1000)).toBe(1_235); // 1234.5 → 1235
    expect(commissionOf(12_344, 1000)).toBe(1_234);
    expect(commissionOf(1, 1250)).toBe(0);
    expect(commissionOf(4, 1250)).toBe(1); // 0.5 → 1
    expect(commissionOf(9_007_199_254_740_991, 10_000)).toBe(9_007_199_254_740_991);
    expect(commissionOf(0, 5000)).toBe(0);
  });

  it("parses typed percents into basis points without floats", () => {
    expect(percentToBp("10")).toBe(1000);
    expect(percentToBp("12.5")).toBe(1250);
    expect(percentToBp("0,07")).toBe(7);
    expect(percentToBp("100")).toBe(10_000);
    expect(() => percentToBp("100.01")).toThrow(/at most 100/);
    expect(() => percentToBp("-1")).toThrow(/Percent/);
    expect(() => percentToBp("1.234")).toThrow(/Percent/);
  });
});

describe("splitBySupplier", () => {
  it("makes one part per supplier, leaves the operator's lines out, snapshots the commission per line", () => {
    const parts = splitBySupplier(
      [
        line({ supplierId: "A", lineTotalMinor: 10_000, sku: "A1" }),
        line({ supplierId: null, lineTotalMinor: 99_999, sku: "OWN" }),
        line({ supplierId: "B", categoryPath: "/cat-lighting/", lineTotalMinor: 3_333, sku: "B1" }),
        line({ supplierId: "A", lineTotalMinor: 2_005, sku: "A2" }),
      ],
      rules,
    );
    expect(parts.map((p) => p.supplierId)).toEqual(["A", "B"]);
    expect(parts[0]!.lines.map((l) => l.sku)).toEqual(["A1", "A2"]);
    expect(parts[0]!.totalMinor).toBe(12_005);
    expect(parts[0]!.lines.map((l) => l.commissionMinor)).toEqual([1_500, 301]); // 300.75 → 301
    expect(parts[0]!.commissionMinor).toBe(1_801);
    expect(parts[1]).toMatchObject({ totalMinor: 3_333, commissionMinor: 167 }); // 166.65 → 167
    expect(parts[1]!.lines[0]).toMatchObject({ commissionBp: 500, commissionRuleId: "lamps" });
  });

  it("returns no parts for an order of the operator's own products", () => {
    expect(splitBySupplier([line({}), line({})], rules)).toEqual([]);
  });
});

describe("statements", () => {
  it("adds sales and commission and pays out the difference, in minor units", () => {
    expect(statementTotals([{ salesMinor: 12_005, commissionMinor: 1_801 }, { salesMinor: 3_333, commissionMinor: 167 }])).toEqual({ partsCount: 2, salesMinor: 15_338, commissionMinor: 1_968, payoutMinor: 13_370 });
    expect(statementTotals([])).toEqual({ partsCount: 0, salesMinor: 0, commissionMinor: 0, payoutMinor: 0 });
    expect(() => statementTotals([{ salesMinor: 10.5, commissionMinor: 1 }])).toThrow(/integer/);
  });

  it("knows a month's bounds, December included", () => {
    expect(monthBounds("2026-02")).toEqual({ start: "2026-02-01", next: "2026-03-01" });
    expect(monthBounds("2026-12")).toEqual({ start: "2026-12-01", next: "2027-01-01" });
    expect(() => monthBounds("2026-13")).toThrow();
  });
});

describe("statistics helpers", () => {
  it("fills every day or ISO week of the period", () => {
    expect(periodBuckets("2026-11-29", "2026-12-02", "day")).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
    // 2026-11-29 is a Sunday: its week starts on Monday 2026-11-23.
    expect(periodBuckets("2026-11-29", "2026-12-08", "week")).toEqual(["2026-11-23", "2026-11-30", "2026-12-07"]);
  });

  it("rounds the average check half up and has none without orders", () => {
    expect(averageCheck(1_000, 3)).toBe(333);
    expect(averageCheck(1_001, 2)).toBe(501);
    expect(averageCheck(0, 0)).toBe(0);
  });

  it("writes CSV with quoted names and major units", () => {
    const csv = statisticsCsv({
      currency: "RUB", orders: 1, revenueMinor: 12_345, commissionMinor: 0, averageMinor: 12_345,
      series: [{ bucket: "2026-12-01", orders: 1, revenueMinor: 12_345 }],
      topProducts: [{ sku: "A-1", name: 'Диммер "Классик", белый', quantity: 3, revenueMinor: 12_345, orders: 1 }],
    });
    expect(csv.split("\n")).toEqual(["\uFEFFperiod,orders,revenue_RUB", "2026-12-01,1,123.45", "", "sku,product,quantity,orders,revenue_RUB", 'A-1,"Диммер ""Классик"", белый",3,1,123.45', ""]);
  });
});

describe("part flow", () => {
  it("confirms or rejects a new part, ships a confirmed one, delivers a shipped one", () => {
    expect(nextPartStatuses("new")).toEqual(["confirmed", "rejected"]);
    expect(nextPartStatuses("confirmed")).toEqual(["rejected", "shipped"]);
    expect(nextPartStatuses("shipped")).toEqual(["delivered"]);
    expect(nextPartStatuses("delivered")).toEqual([]);
    expect(canMovePart("new", "shipped")).toBe(false);
    expect(canMovePart("rejected", "confirmed")).toBe(false);
  });
});
