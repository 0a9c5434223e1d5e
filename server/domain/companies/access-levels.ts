/**
 * Client access levels (002: "Уровни доступа для клиентов"). Level 1, the default, sees the
 * catalog and may order but not individual prices and discounts, the credit limit or the payment
 * schedule; level 2 adds individual prices and discounts; level 3 adds finances. Every area that
 * shows such data asks here, so the levels mean the same everywhere.
 */
export type BuyerCapability = "individual_prices" | "finances";

export const MIN_ACCESS_LEVEL = 1;
export const MAX_ACCESS_LEVEL = 3;

const LEVEL_NEEDED: Record<BuyerCapability, number> = {
  individual_prices: 2,
  finances: 3,
};

export function buyerCan(accessLevel: number, capability: BuyerCapability): boolean {
  return accessLevel >= LEVEL_NEEDED[capability];
}
