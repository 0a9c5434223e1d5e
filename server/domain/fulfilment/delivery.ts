import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orderEvents, shipments } from "../../../db/schema";
import type { TrackingStatusAdapter } from "../../integrations/shippers/tracking-status";
import { changeOrderStatus } from "../orders/change-status";
import { DomainError } from "../errors";
import { actorColumns, type OrderActor } from "../orders/order-actor";
import { lockOrderFor } from "./lock-order";

/**
 * Delivered: set by a manager, by the shipper's callback, or by the tracking-status poll. The
 * newest shipped shipment is marked delivered and the order moves to Delivered (customer e-mail).
 */
export async function markDelivered(db: Db, actor: OrderActor, orderId: string, options: { shipperId?: string; note?: string; now?: Date } = {}) {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    await lockOrderFor(tx, actor, orderId);
    const [shipment] = await tx
      .select()
      .from(shipments)
      .where(and(eq(shipments.orderId, orderId), eq(shipments.status, "shipped"), options.shipperId ? eq(shipments.shipperId, options.shipperId) : undefined))
      .orderBy(desc(shipments.id))
      .limit(1);
    if (shipment) {
      await tx.update(shipments).set({ status: "delivered", deliveredAt: now, updatedAt: now }).where(eq(shipments.id, shipment.id));
      await tx.insert(orderEvents).values({
        orderId, type: "shipment", ...actorColumns(actor),
        message: `Shipment ${shipment.trackingNumber ?? `#${shipment.id}`} delivered`, data: { shipmentId: shipment.id }, createdAt: now,
      });
    } else if (options.shipperId) {
      throw new DomainError("PRECONDITION_FAILED", "This shipper has no shipped parcel for the order", { field: "status" });
    }
    return changeOrderStatus(tx, actor, orderId, "delivered", { note: options.note, data: shipment ? { shipmentId: shipment.id } : undefined, now });
  });
}

/**
 * Asks the tracking-status service about every shipped parcel (oldest first, `limit` at a time)
 * and marks the delivered ones. Returns what changed; errors are logged on the order, never thrown.
 */
export async function pollDeliveries(db: Db, tracker: TrackingStatusAdapter, options: { limit?: number; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const open = await db
    .select({ id: shipments.id, orderId: shipments.orderId, trackingNumber: shipments.trackingNumber, carrier: shipments.carrier })
    .from(shipments)
    .where(and(inArray(shipments.status, ["shipped"]), isNotNull(shipments.trackingNumber)))
    .orderBy(shipments.shippedAt)
    .limit(options.limit ?? 200);
  const delivered: string[] = [];
  const actor = { type: "system" as const, name: `Tracking (${tracker.name})` };
  for (const s of open) {
    const answer = await tracker.status(s.trackingNumber!, s.carrier);
    if (answer.status !== "delivered") continue;
    try {
      await markDelivered(db, actor, s.orderId, { note: `Delivered according to ${tracker.name}`, now });
      delivered.push(s.orderId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.insert(orderEvents).values({ orderId: s.orderId, type: "error", actorType: "system", actorName: actor.name, message: `Parcel ${s.trackingNumber} delivered, but: ${message}`, createdAt: now });
    }
  }
  return { checked: open.length, delivered };
}
