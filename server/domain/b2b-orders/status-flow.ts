import type { B2B_ORDER_STATUSES } from "@/db/schema";

export type B2bOrderStatus = (typeof B2B_ORDER_STATUSES)[number];

/**
 * The B2B order's own flow (shop orders have theirs in orders/status-machine.ts): where each
 * status may be reached from, and whether the buyer may make that move himself.
 */
export const B2B_FLOW: Record<B2bOrderStatus, { from: readonly B2bOrderStatus[]; buyer: boolean }> = {
  new: { from: [], buyer: false },
  confirmed: { from: ["new"], buyer: false },
  assembling: { from: ["confirmed"], buyer: false },
  shipped: { from: ["assembling", "confirmed"], buyer: false },
  delivered: { from: ["shipped"], buyer: false },
  cancelled: { from: ["new", "confirmed", "assembling"], buyer: true },
};

/** Buyers may cancel only before assembly starts. */
export const BUYER_CANCELLABLE: readonly B2bOrderStatus[] = ["new", "confirmed"];

export function nextStatuses(from: B2bOrderStatus): B2bOrderStatus[] {
  return (Object.keys(B2B_FLOW) as B2bOrderStatus[]).filter((to) => B2B_FLOW[to].from.includes(from));
}
