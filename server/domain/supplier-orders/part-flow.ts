import type { SUPPLIER_PART_STATUSES } from "../../../db/schema";

export type SupplierPartStatus = (typeof SUPPLIER_PART_STATUSES)[number];

/** The supplier part's flow: where each status may be reached from. Rejection needs a reason, shipping a tracking number and a document. */
export const PART_FLOW: Record<SupplierPartStatus, readonly SupplierPartStatus[]> = {
  new: [],
  confirmed: ["new"],
  rejected: ["new", "confirmed"],
  shipped: ["confirmed"],
  delivered: ["shipped"],
};

export function canMovePart(from: SupplierPartStatus, to: SupplierPartStatus): boolean {
  return PART_FLOW[to].includes(from);
}

export function nextPartStatuses(from: SupplierPartStatus): SupplierPartStatus[] {
  return (Object.keys(PART_FLOW) as SupplierPartStatus[]).filter((to) => canMovePart(from, to));
}

/** Words for the buyer's notification, in both languages. */
export const PART_STATUS_WORDS: Record<SupplierPartStatus, { en: string; ru: string }> = {
  new: { en: "new", ru: "новый" },
  confirmed: { en: "confirmed", ru: "подтверждён" },
  rejected: { en: "rejected", ru: "отклонён" },
  shipped: { en: "shipped", ru: "отгружен" },
  delivered: { en: "delivered", ru: "доставлен" },
};
