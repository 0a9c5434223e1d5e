import type { Db } from "../../../db/client";
import type { BulkResult } from "../orders/change-status";
import type { OrderActor } from "../orders/order-actor";
import { DomainError } from "../errors";
import type { PaymentDeps } from "./cascade";
import { refundOrder } from "./manual-actions";

/**
 * REFUND from the orders list: each order through its processor (when it refunds by API), one
 * by one, reporting per order what was refunded and why the others were not.
 */
export async function bulkRefund(db: Db, deps: PaymentDeps, actor: Extract<OrderActor, { type: "user" }>, orderIds: string[]): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const orderId of [...new Set(orderIds)]) {
    try {
      const refunded = await refundOrder(db, deps, actor, orderId);
      results.push({ orderId, ok: true, from: refunded.from, to: refunded.to });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ orderId, ok: false, error: error.message });
    }
  }
  return results;
}
