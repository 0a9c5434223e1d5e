import { describe, expect, it } from "vitest";
import {
  addMonths,
  bucketFor,
  bucketStarts,
  dashboardRangeInput,
  deltaPercent,
  resolveRange,
  weekStart,
} from "@/server/domain/dashboard/date-range";
import { rawRanges } from "@/server/domain/dashboard/facts";
import { rollupsStale, rollupTarget } from "@/server/domain/dashboard/rollups";
import { statusClassOf } from "@/server/domain/dashboard/status-classes";
import { ORDER_STATUSES } from "@/server/domain/orders/order-statuses";

const NOW = new Date("2026-03-31T15:00:00Z");
const resolve = (input: Parameters<typeof dashboardRangeInput.parse>[0], now = NOW) => resolveRange(dashboardRangeInput.parse(input), now);

describe("dashboard ranges", () => {
  it("defaults to this month, up to today", () => {
    const r = resolve({});
    expect([r.preset, r.from, r.to, r.end, r.days, r.bucket]).toEqual(["this_month", "2026-03-01", "2026-03-31", "2026-04-01", 31, "day"]);
    expect([r.previousFrom, r.turnoverFrom, r.monthlyFrom]).toEqual(["2026-01-29", "2026-03-18", "2025-04-01"]);
  });

  it("resolves the presets to ranges ending today", () => {
    expect([resolve({ preset: "7d" }).from, resolve({ preset: "7d" }).days]).toEqual(["2026-03-25", 7]);
    // Calendar months back, the day after: 31 March − 1 month is 28 February, so 1M starts 1 March.
    expect(resolve({ preset: "1m" }).from).toBe("2026-03-01");
    expect(resolve({ preset: "3m" }).from).toBe("2026-01-01");
    expect(resolve({ preset: "6m" }).from).toBe("2025-10-01");
    expect([resolve({ preset: "1y" }).from, resolve({ preset: "1y" }).days, resolve({ preset: "1y" }).bucket]).toEqual(["2025-04-01", 365, "month"]);
    expect(resolve({ preset: "3m" }).bucket).toBe("week");
  });

  it("takes a custom range as given, both days included, and its previous period of equal length", () => {
    const r = resolve({ preset: "custom", from: "2026-02-10", to: "2026-02-19" });
    expect([r.from, r.to, r.days, r.previousFrom, r.turnoverFrom]).toEqual(["2026-02-10", "2026-02-19", 10, "2026-01-31", "2026-02-06"]);
  });

  it("refuses incomplete, reversed, too long or malformed custom ranges", () => {
    expect(dashboardRangeInput.safeParse({ preset: "custom", from: "2026-02-10" }).success).toBe(false);
    expect(dashboardRangeInput.safeParse({ preset: "custom", from: "2026-02-10", to: "2026-02-09" }).success).toBe(false);
    expect(dashboardRangeInput.safeParse({ preset: "custom", from: "2020-01-01", to: "2026-02-09" }).success).toBe(false);
    expect(dashboardRangeInput.safeParse({ preset: "custom", from: "2026-02-30", to: "2026-03-09" }).success).toBe(false);
    expect(dashboardRangeInput.safeParse({ preset: "5y" }).success).toBe(false);
  });

  it("does calendar arithmetic on UTC days", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2026-01-15", -13)).toBe("2024-12-15");
    expect(weekStart("2026-03-29")).toBe("2026-03-23");
    expect(weekStart("2026-03-23")).toBe("2026-03-23");
    expect(bucketStarts("2026-01-30", "2026-03-02", "month")).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
    expect(bucketStarts("2026-03-04", "2026-03-16", "week")).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    expect([bucketFor(45), bucketFor(46), bucketFor(215), bucketFor(216)]).toEqual(["day", "week", "week", "month"]);
  });

  it("computes deltas only against a previous period that had something", () => {
    expect(deltaPercent(11624, 10000)).toBe(16.24);
    expect(deltaPercent(5000, 10000)).toBe(-50);
    expect(deltaPercent(5000, 0)).toBeNull();
  });
});

describe("dashboard status classes", () => {
  it("puts every status in exactly one class; net is paid and what follows", () => {
    const classes = Object.fromEntries(ORDER_STATUSES.map((s) => [s, statusClassOf(s)]));
    expect(classes).toEqual({
      pending: "pending",
      approved: "net",
      declined: "declined",
      cancelled: "other",
      call_center: "other",
      packed: "net",
      shipped: "net",
      reshipped: "net",
      delivered: "net",
      refunded: "refunded",
      chargeback: "other",
      closed: "other",
    });
  });
});

describe("rollup plan", () => {
  const plan = { builtUntil: "2026-03-20", ledgerBuiltUntil: "2026-03-20T11:50:00.000Z", dirtyDays: ["2026-03-02", "2026-03-03", "2026-03-10", "2026-03-20", "2026-03-25"] };
  const orders = { kind: "orders", dims: ["status"] } as const;
  const ledger = { kind: "ledger" } as const;

  it("reads orders after the watermark and the dirty days raw, merging neighbours", () => {
    expect(rawRanges(orders, { from: "2026-03-01", end: "2026-04-01" }, plan, true)).toEqual([
      { start: "2026-03-02T00:00:00.000Z", stop: "2026-03-04T00:00:00.000Z" },
      { start: "2026-03-10T00:00:00.000Z", stop: "2026-03-11T00:00:00.000Z" },
      { start: "2026-03-20T00:00:00.000Z", stop: "2026-04-01T00:00:00.000Z" },
    ]);
    expect(rawRanges(orders, { from: "2026-03-05", end: "2026-03-09" }, plan, true)).toEqual([]);
    expect(rawRanges(orders, { from: null, end: null }, { builtUntil: null, ledgerBuiltUntil: null, dirtyDays: [] }, true)).toEqual([{ start: "-infinity", stop: "infinity" }]);
    expect(rawRanges(orders, { from: "2026-03-01", end: "2026-03-05" }, plan, false)).toEqual([{ start: "2026-03-01T00:00:00.000Z", stop: "2026-03-05T00:00:00.000Z" }]);
  });

  it("reads the ledger from its watermark moment, or from the start of a dirty watermark day", () => {
    const clean = { ...plan, dirtyDays: ["2026-03-02"] };
    expect(rawRanges(ledger, { from: null, end: null }, clean, true)).toEqual([
      { start: "2026-03-02T00:00:00.000Z", stop: "2026-03-03T00:00:00.000Z" },
      { start: "2026-03-20T11:50:00.000Z", stop: "infinity" },
    ]);
    expect(rawRanges(ledger, { from: null, end: null }, plan, true)).toEqual([
      { start: "2026-03-02T00:00:00.000Z", stop: "2026-03-04T00:00:00.000Z" },
      { start: "2026-03-10T00:00:00.000Z", stop: "2026-03-11T00:00:00.000Z" },
      { start: "2026-03-20T00:00:00.000Z", stop: "infinity" },
    ]);
  });

  it("rolls a day up ten minutes after it ended, and knows when a refresh is due", () => {
    const at = new Date("2026-03-31T12:00:00Z");
    const fresh = { builtUntil: "2026-03-31", ledgerBuiltUntil: "2026-03-31T11:45:00.000Z", dirtyDays: [] };
    expect(rollupTarget(new Date("2026-03-31T00:05:00Z"))).toBe("2026-03-30");
    expect(rollupTarget(new Date("2026-03-31T00:15:00Z"))).toBe("2026-03-31");
    expect(rollupsStale(fresh, at)).toBe(false);
    expect(rollupsStale({ ...fresh, builtUntil: "2026-03-30" }, at)).toBe(true);
    expect(rollupsStale({ ...fresh, ledgerBuiltUntil: "2026-03-31T11:40:00.000Z" }, at)).toBe(true);
    expect(rollupsStale({ ...fresh, dirtyDays: ["2026-03-01"] }, at)).toBe(true);
    expect(rollupsStale({ builtUntil: null, ledgerBuiltUntil: null, dirtyDays: [] }, at)).toBe(true);
  });
});
