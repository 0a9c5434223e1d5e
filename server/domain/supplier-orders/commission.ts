import type { Db } from "../../../db/client";
import { commissionRules } from "../../../db/schema";

/** A commission rule as the resolver needs it. */
export interface CommissionRule {
  id: string;
  supplierId: string | null;
  categoryId: string | null;
  percentBp: number;
}

export interface ResolvedCommission {
  percentBp: number;
  ruleId: string | null;
}

/**
 * Which rate applies to a line: the supplier's own rule, else the rule of the nearest category
 * on the path of the product's main category ("/root/child/leaf/", leaf first), else the
 * default rule, else nothing (0 %).
 */
export function resolveCommission(rules: readonly CommissionRule[], line: { supplierId: string; categoryPath: string | null }): ResolvedCommission {
  const bySupplier = rules.find((r) => r.supplierId === line.supplierId);
  if (bySupplier) return { percentBp: bySupplier.percentBp, ruleId: bySupplier.id };
  const ancestors = (line.categoryPath ?? "").split("/").filter(Boolean).reverse();
  for (const categoryId of ancestors) {
    const byCategory = rules.find((r) => r.categoryId === categoryId);
    if (byCategory) return { percentBp: byCategory.percentBp, ruleId: byCategory.id };
  }
  const fallback = rules.find((r) => r.supplierId === null && r.categoryId === null);
  return fallback ? { percentBp: fallback.percentBp, ruleId: fallback.id } : { percentBp: 0, ruleId: null };
}

/** The commission of an amount at a rate in basis points, rounded half up in exact integer arithmetic. */
export function commissionOf(amountMinor: number, percentBp: number): number {
  return Number((BigInt(amountMinor) * BigInt(percentBp) + 5_000n) / 10_000n);
}

export async function loadCommissionRules(db: Pick<Db, "select">): Promise<CommissionRule[]> {
  return db.select({ id: commissionRules.id, supplierId: commissionRules.supplierId, categoryId: commissionRules.categoryId, percentBp: commissionRules.percentBp }).from(commissionRules);
}
