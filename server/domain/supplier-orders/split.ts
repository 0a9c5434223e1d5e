import { commissionOf, resolveCommission, type CommissionRule } from "./commission";

/** An order line with what the split needs to know about its product. */
export interface SplittableLine {
  orderLineId: string;
  productId: string | null;
  supplierId: string | null;
  categoryPath: string | null;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitMinor: number;
  lineTotalMinor: number;
}

export interface PlannedPartLine extends SplittableLine {
  commissionBp: number;
  commissionRuleId: string | null;
  commissionMinor: number;
}

export interface PlannedPart {
  supplierId: string;
  lines: PlannedPartLine[];
  totalMinor: number;
  commissionMinor: number;
}

/**
 * Groups an order's lines by the supplier of their product, in the order suppliers first appear.
 * Lines of the operator's own products (no supplier) stay with the operator and form no part.
 * Each line carries its commission snapshot, so later rule changes never rewrite past orders.
 */
export function splitBySupplier(lines: readonly SplittableLine[], rules: readonly CommissionRule[]): PlannedPart[] {
  const parts = new Map<string, PlannedPart>();
  for (const line of lines) {
    if (!line.supplierId) continue;
    const { percentBp, ruleId } = resolveCommission(rules, { supplierId: line.supplierId, categoryPath: line.categoryPath });
    const planned: PlannedPartLine = { ...line, commissionBp: percentBp, commissionRuleId: ruleId, commissionMinor: commissionOf(line.lineTotalMinor, percentBp) };
    const part = parts.get(line.supplierId) ?? { supplierId: line.supplierId, lines: [], totalMinor: 0, commissionMinor: 0 };
    part.lines.push(planned);
    part.totalMinor += planned.lineTotalMinor;
    part.commissionMinor += planned.commissionMinor;
    parts.set(line.supplierId, part);
  }
  return [...parts.values()];
}
