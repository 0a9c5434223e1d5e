import { eq } from "drizzle-orm";
import { orderEvents, orders, shipments, shippers } from "../../../db/schema";
import type { JobHandler } from "../../jobs/worker";
import { changeOrderStatus } from "../orders/change-status";
import { DomainError } from "../errors";
import { buildDispatchRequest } from "./dispatch-request";
import { shipperAdapterFor, type ShipperAdapterDeps } from "./shippers";

/**
 * The worker's handler for "shipment.dispatch": hands one queued shipment to its shipper.
 * - accepted: the shipment is accepted and, for a first dispatch, the order becomes Packed (one
 *   transaction, so a crash cannot leave one without the other);
 * - refused: an error on the order's log and the shipment refused; the order stays Approved,
 *   so a manager can fix it and send again (a refusal is not retried blindly);
 * - unavailable: an error on the order's log with the next try, and the job fails so the outbox
 *   retries with backoff; after the last try the shipment is failed.
 * A shipment no longer queued (done by an earlier try) is left alone.
 */
export function shipmentDispatchHandler(deps: ShipperAdapterDeps): JobHandler {
  return async (db, job, context) => {
    const shipmentId = Number(job.payload.shipmentId);
    if (!Number.isInteger(shipmentId)) return;
    const [found] = await db
      .select({ shipment: shipments, shipper: shippers, order: orders })
      .from(shipments)
      .innerJoin(shippers, eq(shippers.id, shipments.shipperId))
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(eq(shipments.id, shipmentId))
      .limit(1);
    if (!found || found.shipment.status !== "queued") return;
    const { shipment, shipper, order } = found;
    const actor = { type: "shipper" as const, id: shipper.id, name: shipper.name };
    const what = shipment.kind === "reship" ? "Reship" : "Dispatch";

    const request = await buildDispatchRequest(db, order, shipment, shipper);
    const result = await shipperAdapterFor(shipper, deps).dispatch(request);
    const now = context.now;

    if (result.outcome === "accepted") {
      await db.transaction(async (tx) => {
        await tx
          .update(shipments)
          .set({ status: "accepted", externalId: result.externalId ?? null, acceptedAt: now, attempts: job.attempts, lastError: null, updatedAt: now })
          .where(eq(shipments.id, shipment.id));
        await tx.insert(orderEvents).values({
          orderId: order.id, type: "shipment", actorType: "shipper", actorId: shipper.id, actorName: shipper.name,
          message: `${what} accepted by ${shipper.name}${result.externalId ? ` (their id ${result.externalId})` : ""}${result.message ? `: ${result.message}` : ""}`,
          data: { shipmentId: shipment.id, attempt: job.attempts, externalId: result.externalId ?? null }, createdAt: now,
        });
        if (shipment.kind === "ship") {
          try {
            await changeOrderStatus(tx, actor, order.id, "packed", { note: `Accepted by ${shipper.name}`, data: { shipmentId: shipment.id }, now });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            // The order moved on meanwhile (refunded, cancelled): the shipment stands, a person decides.
            await tx.insert(orderEvents).values({
              orderId: order.id, type: "error", actorType: "system", actorName: "Fulfilment",
              message: `${shipper.name} accepted the order but it could not become Packed: ${error.message}`, createdAt: now,
            });
          }
        }
      });
      return;
    }

    if (result.outcome === "refused") {
      await db.update(shipments).set({ status: "refused", attempts: job.attempts, lastError: result.message.slice(0, 1000), updatedAt: now }).where(eq(shipments.id, shipment.id));
      await db.insert(orderEvents).values({
        orderId: order.id, type: "error", actorType: "shipper", actorId: shipper.id, actorName: shipper.name,
        message: `${what} refused by ${shipper.name} (attempt ${job.attempts}): ${result.message}. Fix the order or the shipper's settings and send again.`,
        data: { shipmentId: shipment.id, attempt: job.attempts, outcome: "refused" }, createdAt: now,
      });
      return;
    }

    const retry = context.nextRunIfFailed;
    await db
      .update(shipments)
      .set({ status: retry ? "queued" : "failed", attempts: job.attempts, lastError: result.message.slice(0, 1000), updatedAt: now })
      .where(eq(shipments.id, shipment.id));
    await db.insert(orderEvents).values({
      orderId: order.id, type: "error", actorType: "system", actorName: "Fulfilment",
      message: `${what} to ${shipper.name} failed (attempt ${job.attempts}): ${result.message}${retry ? `; next try at ${retry.toISOString()}` : "; giving up — send again by hand"}`,
      data: { shipmentId: shipment.id, attempt: job.attempts, outcome: "unavailable" }, createdAt: now,
    });
    if (retry) throw new Error(result.message);
  };
}
