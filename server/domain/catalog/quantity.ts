/**
 * Order quantity rules of a unit: at least `minQty`, in steps of `multiple`. Pure, shared by the
 * card's stepper and (later) the cart, so the browser and the server agree on what is orderable.
 */
export interface QuantityRule {
  minQty: number;
  multiple: number;
}

const EPSILON = 1e-9;

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The smallest orderable quantity: the first multiple that is not below the minimum. */
export function firstValidQuantity(rule: QuantityRule): number {
  const multiple = rule.multiple > 0 ? rule.multiple : 1;
  return round4(Math.max(multiple, Math.ceil(rule.minQty / multiple - EPSILON) * multiple));
}

/** Rounds a typed quantity UP to the next orderable one (never below the first valid one). */
export function normalizeQuantity(quantity: number, rule: QuantityRule): number {
  const multiple = rule.multiple > 0 ? rule.multiple : 1;
  if (!Number.isFinite(quantity) || quantity <= 0) return firstValidQuantity(rule);
  return round4(Math.max(firstValidQuantity(rule), Math.ceil(quantity / multiple - EPSILON) * multiple));
}

export function stepQuantity(quantity: number, rule: QuantityRule, direction: 1 | -1): number {
  const multiple = rule.multiple > 0 ? rule.multiple : 1;
  const current = normalizeQuantity(quantity, rule);
  return direction === 1 ? round4(current + multiple) : Math.max(firstValidQuantity(rule), round4(current - multiple));
}

export function isValidQuantity(quantity: number, rule: QuantityRule): boolean {
  return quantity > 0 && normalizeQuantity(quantity, rule) === round4(quantity);
}
