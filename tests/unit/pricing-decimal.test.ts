import { describe, expect, it } from "vitest";
import { can } from "@/server/auth/permissions";
import { navigationFor, permissionForPath } from "@/server/auth/navigation";
import { ROLES } from "@/server/auth/roles";
import { compare, div, mul, parseDecimal, percentFactor, roundHalfUp, toDecimalString } from "@/server/domain/pricing/decimal";
import { formatMoney, formatStep } from "@/server/domain/pricing/explain";

describe("exact decimals", () => {
  it("parses decimal strings exactly, refusing anything else", () => {
    expect(parseDecimal("7.50")).toEqual({ n: 750n, d: 100n });
    expect(parseDecimal("-3")).toEqual({ n: -3n, d: 1n });
    expect(parseDecimal(".5")).toEqual({ n: 5n, d: 10n });
    expect(parseDecimal(2.5)).toEqual({ n: 25n, d: 10n });
    expect(() => parseDecimal("1e3")).toThrow();
    expect(() => parseDecimal("")).toThrow();
    expect(() => parseDecimal("abc")).toThrow();
  });

  it("rounds half up, once", () => {
    expect(roundHalfUp({ n: 25n, d: 10n })).toBe(3);
    expect(roundHalfUp({ n: 249n, d: 100n })).toBe(2);
    expect(roundHalfUp({ n: -25n, d: 10n })).toBe(-3);
    expect(roundHalfUp(mul(parseDecimal("0.1"), parseDecimal("3")))).toBe(0);
    // 0.1 + 0.2 in floats is 0.30000000000000004; here 1005 × 0.9 × 1.1 stays 994.95 exactly.
    expect(roundHalfUp(mul(mul({ n: 1005n, d: 1n }, percentFactor(parseDecimal("-10"))), percentFactor(parseDecimal("10"))))).toBe(995);
  });

  it("compares, divides and prints", () => {
    expect(compare(parseDecimal("0.5"), parseDecimal("0.50"))).toBe(0);
    expect(compare(parseDecimal("0.49"), parseDecimal("0.5"))).toBe(-1);
    expect(toDecimalString(div(parseDecimal("0.0108"), parseDecimal("1.08")))).toBe("0.01");
    expect(toDecimalString(div(parseDecimal("1"), parseDecimal("0.0108")), 4)).toBe("92.5926");
    expect(toDecimalString(parseDecimal("-5.00"), 2)).toBe("-5");
  });
});

describe("explanation formatting", () => {
  it("formats money per language", () => {
    expect(formatMoney(123_456_789, "RUB", "en")).toBe("1,234,567.89 RUB");
    expect(formatMoney(123_456_789, "RUB", "ru")).toBe("1\u00a0234\u00a0567,89 RUB");
    expect(formatMoney(500, "JPY", "en")).toBe("500 JPY");
  });

  it("falls back to the code for an unknown step", () => {
    expect(formatStep({ code: "future.step", params: {} })).toBe("future.step");
  });
});

describe("pricing permissions and menu", () => {
  it("lets admins and directors manage pricing, and managers too check prices", () => {
    expect(ROLES.filter((r) => can(r, "pricing.manage"))).toEqual(["admin", "director"]);
    expect(ROLES.filter((r) => can(r, "pricing.check"))).toEqual(["admin", "director", "head_manager", "manager"]);
  });

  it("guards the pages by the longest nav prefix", () => {
    expect(permissionForPath("/settings/pricing")).toBe("pricing.manage");
    expect(permissionForPath("/settings/pricing/check")).toBe("pricing.check");
  });

  it("shows the menu items to the right roles", () => {
    const hrefs = (role: (typeof ROLES)[number]) => navigationFor(role).flatMap((s) => s.items.map((i) => i.href));
    expect(hrefs("director")).toEqual(expect.arrayContaining(["/settings/pricing", "/settings/pricing/check"]));
    expect(hrefs("manager")).toContain("/settings/pricing/check");
    expect(hrefs("manager")).not.toContain("/settings/pricing");
    expect(hrefs("buyer")).not.toContain("/settings/pricing/check");
  });
});
