import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orderEvents, orders, shipments, shippers } from "../../../db/schema";
import { changeOrderStatus } from "../orders/change-status";
import { DomainError } from "../errors";
import { actorColumns, type OrderActor } from "../orders/order-actor";
import { lockOrderFor } from "./lock-order";
import { trackingLink } from "./routing";
import { trackingNumberSchema } from "./shipper-schemas";

export interface TrackingInput {
  trackingNumber: string;
  carrier?: string | null;
  /** A shipper may name the shipment it means (its own id or ours); otherwise the newest open one. */
  shipmentId?: number;
  /** When the caller is a shipper: only its own shipments. */
  shipperId?: string;
  now?: Date;
}

export interface TrackingResult {
  orderId: string;
  shipmentId: number;
  trackingNumber: string;
  /** The status the order moved to, or null when only the number was corrected. */
  status: "shipped" | "reshipped" | null;
}

/**
 * Gives an order's shipment its tracking number (typed in by a manager, imported from the
 * shipper's file, or pushed by the shipper). The first number of a shipment moves the order to
 * Shipped (Reshipped for a reship), which sends the customer the e-mail with the number and the
 * carrier's link; a second number for the same shipment is a correction, logged, no e-mail.
 * Without a shipment in hand (an order packed outside the CRM), one is recorded for the
 * order's shipper.
 */
export async function addTrackingNumber(db: Db, actor: OrderActor, orderId: string, input: TrackingInput): Promise<TrackingResult> {
  const parsed = trackingNumberSchema.safeParse(input.trackingNumber);
  if (!parsed.success) throw new DomainError("BAD_INPUT", parsed.error.issues[0]?.message ?? "Bad tracking number", { field: "trackingNumber" });
  const trackingNumber = parsed.data.replace(/\s+/g, " ");
  const carrierGiven = input.carrier?.trim() || null;
  const now = input.now ?? new Date();

  return db.transaction(async (tx) => {
    const order = await lockOrderFor(tx, actor, orderId);
    const mine = input.shipperId ? eq(shipments.shipperId, input.shipperId) : undefined;
    let [shipment] = await tx
      .select()
      .from(shipments)
      .where(and(eq(shipments.orderId, orderId), input.shipmentId ? eq(shipments.id, input.shipmentId) : inArray(shipments.status, ["accepted", "queued"]), mine))
      .orderBy(desc(shipments.id))
      .limit(1);
    if (!shipment && input.shipmentId) throw new DomainError("NOT_FOUND", "Shipment not found for this order", { field: "shipmentId" });
    if (!shipment) {
      // The number may correct the latest shipped one, or start a record for an order packed by hand.
      [shipment] = await tx.select().from(shipments).where(and(eq(shipments.orderId, orderId), mine)).orderBy(desc(shipments.id)).limit(1);
      if (!shipment || !shipment.trackingNumber) {
        const shipperId = input.shipperId ?? order.shipperId;
        if (!shipperId) throw new DomainError("PRECONDITION_FAILED", "Send the order to a shipper first", { field: "trackingNumber" });
        [shipment] = await tx
          .insert(shipments)
          .values({ orderId, shipperId, kind: order.shippedAt ? "reship" : "ship", status: "accepted", acceptedAt: now, createdBy: actor.type === "user" ? actor.id : null, createdAt: now, updatedAt: now })
          .returning();
      }
    }
    if (!shipment) throw new Error("shipment not stored");
    const [shipper] = await tx.select().from(shippers).where(eq(shippers.id, shipment.shipperId)).limit(1);
    const carrier = carrierGiven ?? shipper?.settings.carrier ?? null;
    const trackingUrl = trackingLink(trackingNumber, shipper?.settings.trackingUrl);

    const correction = shipment.trackingNumber !== null;
    if (correction && shipment.trackingNumber === trackingNumber && (shipment.carrier ?? null) === carrier) {
      return { orderId, shipmentId: shipment.id, trackingNumber, status: null };
    }
    const target = shipment.kind === "reship" ? "reshipped" : "shipped";
    await tx
      .update(shipments)
      .set({
        trackingNumber, carrier, trackingUrl, updatedAt: now,
        ...(correction ? {} : { status: "shipped" as const, shippedAt: now, acceptedAt: shipment.acceptedAt ?? now }),
      })
      .where(eq(shipments.id, shipment.id));
    await tx.update(orders).set({ trackingNumber, updatedAt: now }).where(eq(orders.id, orderId));
    await tx.insert(orderEvents).values({
      orderId, type: "shipment", ...actorColumns(actor),
      message: correction ? `Tracking number corrected: ${shipment.trackingNumber} → ${trackingNumber}` : `Tracking number ${trackingNumber}${carrier ? ` (${carrier})` : ""}`,
      data: { shipmentId: shipment.id, trackingNumber, carrier, trackingUrl }, createdAt: now,
    });
    if (correction) return { orderId, shipmentId: shipment.id, trackingNumber, status: null };
    if (order.status === target && target === "shipped") return { orderId, shipmentId: shipment.id, trackingNumber, status: null };
    await changeOrderStatus(tx, actor, orderId, target, { note: `Tracking number ${trackingNumber}`, data: { shipmentId: shipment.id, trackingNumber }, now });
    return { orderId, shipmentId: shipment.id, trackingNumber, status: target };
  });
}

/** The shipment the customer e-mail describes: the newest with a tracking number. */
export async function latestTracking(db: Db, orderId: string) {
  const [row] = await db
    .select({ trackingNumber: shipments.trackingNumber, carrier: shipments.carrier, trackingUrl: shipments.trackingUrl })
    .from(shipments)
    .where(and(eq(shipments.orderId, orderId), inArray(shipments.status, ["shipped", "delivered"])))
    .orderBy(desc(shipments.id))
    .limit(1);
  return row ?? null;
}
