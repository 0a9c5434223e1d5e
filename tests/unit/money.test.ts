import { describe, expect, it } from "vitest";
import { currencyExponent, feeMinor, fromMinorUnits, toMinorUnits, toUsdMinor } from "@/server/domain/money/money";

describe("toMinorUnits", () => {
  it.each<[number | string, string, number | null]>([
    ["14.95", "EUR", 1495],
    ["14.9", "EUR", 1490],
    [14.95, "EUR", 1495],
    [14.9, "USD", 1490],
    ["0.1", "USD", 10],
    [0.1, "USD", 10],
    ["20", "USD", 2000],
    [20, "USD", 2000],
    [" 34.95 ", "EUR", 3495],
    ["1.230", "USD", 123],
    ["0", "USD", 0],
    ["-14.95", "USD", -1495],
    ["1.234", "USD", null],
    [1.234, "EUR", null],
    ["20.001", "USD", null],
    // A float sum with its binary tail is refused, not silently rounded.
    [0.1 + 0.2, "USD", null],
    ["1500", "JPY", 1500],
    [1500, "JPY", 1500],
    ["1500.00", "JPY", 1500],
    ["15.5", "JPY", null],
    ["1.234", "BHD", 1234],
    ["1.2345", "BHD", null],
    ["abc", "USD", null],
    ["1e3", "USD", null],
    ["", "USD", null],
    [Number.NaN, "USD", null],
    [Number.POSITIVE_INFINITY, "USD", null],
    ["99999999999999999999", "USD", null],
  ])("%j %s → %j", (value, currency, expected) => {
    expect(toMinorUnits(value, currency)).toBe(expected);
  });

  it("knows each currency's exponent, case-insensitively, defaulting to 2", () => {
    expect(currencyExponent("jpy")).toBe(0);
    expect(currencyExponent("KWD")).toBe(3);
    expect(currencyExponent("EUR")).toBe(2);
    expect(currencyExponent("XYZ")).toBe(2);
  });
});

describe("fromMinorUnits", () => {
  it.each<[number, string, string]>([
    [1495, "EUR", "14.95"],
    [5, "USD", "0.05"],
    [0, "USD", "0.00"],
    [-1495, "USD", "-14.95"],
    [1500, "JPY", "1500"],
    [1234, "BHD", "1.234"],
  ])("%d %s → %s", (minor, currency, expected) => {
    expect(fromMinorUnits(minor, currency)).toBe(expected);
    expect(toMinorUnits(expected, currency)).toBe(minor);
  });
});

describe("toUsdMinor", () => {
  it.each<[number, string, string, number]>([
    // 34.95 EUR × 1.1 = 38.445 USD → 3844.5 cents → 3845 (half away from zero)
    [3495, "EUR", "1.1", 3845],
    [-3495, "EUR", "1.1", -3845],
    // 29.95 × 1.1 = 32.945 → 3294.5 → 3295
    [2995, "EUR", "1.1000000000", 3295],
    [5, "EUR", "1.1", 6],
    [-5, "EUR", "1.1", -6],
    [4, "EUR", "1.1", 4],
    // 1.01 GBP × 1.25 = 1.2625 → 126.25 cents → 126
    [101, "GBP", "1.25", 126],
    [-101, "GBP", "1.25", -126],
    // JPY has no minor unit: 1500 yen × 0.0067 = 10.05 USD
    [1500, "JPY", "0.0067", 1005],
    // 1 yen × 0.0067 = 0.67 cents → 1
    [1, "JPY", "0.0067", 1],
    // BHD has three: 1.234 BHD × 2.65 = 3.2701 USD → 327
    [1234, "BHD", "2.65", 327],
    // USD is never converted, whatever rate is passed.
    [1234, "USD", "0.5", 1234],
    [0, "EUR", "1.1", 0],
    // Ten-decimal rates are exact: 1 000 000.00 EUR × 1.0823456789 = 1 082 345.6789 USD
    [100_000_000, "EUR", "1.0823456789", 108_234_568],
  ])("%d %s at %s → %d", (amount, currency, rate, expected) => {
    expect(toUsdMinor(amount, currency, rate)).toBe(expected);
  });

  it("is symmetric for negative amounts, so a refund cancels its sale exactly", () => {
    for (const amount of [1, 5, 15, 995, 2995, 123_457]) {
      expect(toUsdMinor(-amount, "EUR", "1.0837") + toUsdMinor(amount, "EUR", "1.0837")).toBe(0);
    }
  });
});

describe("feeMinor", () => {
  it.each<[number, number, number, number]>([
    // 4.50 % of 100.00 = 4.50, + 0.30 fixed
    [10000, 450, 30, 480],
    [10000, 0, 0, 0],
    [10000, 0, 25, 25],
    [0, 450, 30, 30],
    // 3.49 % of 20.00 = 0.698 → 0.70, + 0.49
    [2000, 349, 49, 119],
    // 4.50 % of 3.33 = 0.14985 → 0.15
    [333, 450, 0, 15],
    // half rounds up: 1 % of 0.50 = 0.005 → 0.01
    [50, 100, 0, 1],
  ])("%d at %d bp + %d → %d", (amount, bp, fixed, expected) => {
    expect(feeMinor(amount, bp, fixed)).toBe(expected);
  });
});
