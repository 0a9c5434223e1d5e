import { describe, expect, it } from "vitest";
import { firstValidQuantity, isValidQuantity, normalizeQuantity, stepQuantity } from "@/server/domain/catalog/quantity";

describe("order quantity rules", () => {
  it("starts at the first multiple not below the minimum", () => {
    expect(firstValidQuantity({ minQty: 1, multiple: 1 })).toBe(1);
    expect(firstValidQuantity({ minQty: 10, multiple: 10 })).toBe(10);
    expect(firstValidQuantity({ minQty: 7, multiple: 5 })).toBe(10);
    expect(firstValidQuantity({ minQty: 0, multiple: 6 })).toBe(6);
  });

  it("rounds a typed quantity up to the multiple, never below the minimum", () => {
    const rule = { minQty: 10, multiple: 5 };
    expect(normalizeQuantity(11, rule)).toBe(15);
    expect(normalizeQuantity(15, rule)).toBe(15);
    expect(normalizeQuantity(3, rule)).toBe(10);
    expect(normalizeQuantity(Number.NaN, rule)).toBe(10);
    expect(normalizeQuantity(-4, rule)).toBe(10);
    expect(normalizeQuantity(0.3, { minQty: 0.5, multiple: 0.5 })).toBe(0.5);
    expect(normalizeQuantity(1.2, { minQty: 0.5, multiple: 0.5 })).toBe(1.5);
  });

  it("steps by the multiple and stops at the minimum", () => {
    const rule = { minQty: 10, multiple: 10 };
    expect(stepQuantity(10, rule, 1)).toBe(20);
    expect(stepQuantity(20, rule, -1)).toBe(10);
    expect(stepQuantity(10, rule, -1)).toBe(10);
    expect(stepQuantity(13, rule, 1)).toBe(30);
    expect(stepQuantity(0.1, { minQty: 0.1, multiple: 0.1 }, 1)).toBe(0.2);
  });

  it("tells valid quantities", () => {
    expect(isValidQuantity(20, { minQty: 10, multiple: 5 })).toBe(true);
    expect(isValidQuantity(22, { minQty: 10, multiple: 5 })).toBe(false);
    expect(isValidQuantity(5, { minQty: 10, multiple: 5 })).toBe(false);
  });
});
