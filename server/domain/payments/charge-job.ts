import { orderEvents } from "../../../db/schema";
import type { JobHandler } from "../../jobs/worker";
import { runPaymentCascade, type CascadeResult, type PaymentDeps } from "./cascade";
import { forgetCvv, peekCvv } from "./cvv-vault";

export const PAYMENT_CHARGE_TOPIC = "payment.charge";

/**
 * The worker's handler for "payment.charge", enqueued by order intake in the order's own
 * transaction: runs the cascade outside any request. With the CVV still in this process's
 * memory the charge is customer-initiated; without it, merchant-initiated. Only technical
 * failures everywhere (or an unexpected error) make the job fail and retry later with the
 * outbox's backoff; each such failure is an error on the order's log with the next try.
 */
export function paymentChargeHandler(deps: PaymentDeps): JobHandler {
  return async (db, job, context) => {
    const orderId = String(job.payload.orderId ?? job.orderId ?? "");
    if (!orderId) return;
    const cvv = peekCvv(orderId);
    const when = context.nextRunIfFailed ? `; next try at ${context.nextRunIfFailed.toISOString()}` : "; giving up";
    let result: CascadeResult;
    try {
      result = await runPaymentCascade(db, { ...deps, now: deps.now ?? (() => new Date()) }, orderId, {
        actor: { type: "system", name: "Payment router" },
        initiator: cvv ? "customer" : "merchant",
        cvv,
        reason: job.attempts > 1 ? "retry" : "intake",
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db
        .insert(orderEvents)
        .values({ orderId, type: "error", actorType: "system", actorName: "Payment router", message: `Charging failed (attempt ${job.attempts}): ${reason}${when}`, createdAt: context.now })
        .catch(() => undefined);
      if (!context.nextRunIfFailed) forgetCvv(orderId);
      throw error;
    }
    if (result.result === "retry") {
      await db.insert(orderEvents).values({ orderId, type: "error", actorType: "system", actorName: "Payment router", message: `${result.message} (attempt ${job.attempts})${when}`, createdAt: context.now });
      if (context.nextRunIfFailed) throw new Error(result.message);
    }
    forgetCvv(orderId);
  };
}
