import { and, asc, eq, isNotNull, notExists } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orderEvents, orderItems, orders, outbox, shipments, shippers } from "../../../db/schema";
import { DomainError } from "../errors";
import { actorColumns, type OrderActor } from "../orders/order-actor";
import { orderScope } from "../orders/order-scope";
import { checkTransition } from "../orders/status-machine";
import { lockOrderFor } from "./lock-order";
import { pickShipper } from "./routing";

export const SHIPMENT_DISPATCH_TOPIC = "shipment.dispatch";
export type ShipmentKind = "ship" | "reship";

export type DispatchRequestResult = { orderId: string; ok: true; shipmentId: number; shipper: string } | { orderId: string; ok: false; error: string };

/**
 * "Send to shipper" (kind ship) and "Reship" for one order, in one transaction: checks that the
 * order may be packed (paid, Approved) or reshipped (shipped before), routes it to a shipper,
 * writes a queued shipment, an event and a `shipment.dispatch` outbox job. The order becomes
 * Packed only when the worker hears the shipper accept it.
 */
export async function requestDispatch(
  db: Db,
  actor: OrderActor,
  orderId: string,
  options: { kind?: ShipmentKind; shipperId?: string; now?: Date } = {},
): Promise<{ shipmentId: number; shipper: string }> {
  const kind = options.kind ?? "ship";
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const order = await lockOrderFor(tx, actor, orderId);
    const verdict = checkTransition(order, kind === "ship" ? "packed" : "reshipped");
    if (!verdict.ok) throw new DomainError("PRECONDITION_FAILED", verdict.reason.replace(/^Cannot set packed/, "Cannot send to the shipper"), { field: "status" });
    const [open] = await tx.select({ id: shipments.id }).from(shipments).where(and(eq(shipments.orderId, orderId), eq(shipments.status, "queued"))).limit(1);
    if (open) throw new DomainError("CONFLICT", "The order is already on its way to the shipper", { field: "status" });

    const candidates = await tx.select().from(shippers);
    let shipper;
    if (options.shipperId) {
      shipper = candidates.find((s) => s.id === options.shipperId && s.isEnabled);
      if (!shipper) throw new DomainError("BAD_INPUT", "No enabled shipper with this id", { field: "shipperId" });
    } else {
      const items = await tx.select({ sku: orderItems.sku }).from(orderItems).where(eq(orderItems.orderId, orderId));
      // A reship goes to the shipper that sent it first while it is still enabled.
      const previous = kind === "reship" ? candidates.find((s) => s.id === order.shipperId && s.isEnabled) : undefined;
      shipper = previous ?? pickShipper(candidates, { country: order.country, skus: items.map((i) => i.sku) });
      if (!shipper) throw new DomainError("PRECONDITION_FAILED", `No enabled shipper serves ${order.country} with these products`, { field: "shipperId" });
    }

    const [shipment] = await tx
      .insert(shipments)
      .values({ orderId, shipperId: shipper.id, kind, status: "queued", createdBy: actor.type === "user" ? actor.id : null, createdAt: now, updatedAt: now })
      .returning({ id: shipments.id });
    if (!shipment) throw new Error("shipment not stored");
    await tx.update(orders).set({ shipperId: shipper.id, updatedAt: now }).where(eq(orders.id, orderId));
    await tx.insert(orderEvents).values({
      orderId,
      type: "shipment",
      ...actorColumns(actor),
      message: `${kind === "reship" ? "Reship" : "Dispatch"} to ${shipper.name} queued`,
      data: { shipmentId: shipment.id, shipperId: shipper.id, kind },
      createdAt: now,
    });
    await tx.insert(outbox).values({ topic: SHIPMENT_DISPATCH_TOPIC, orderId, payload: { shipmentId: shipment.id }, runAt: now });
    return { shipmentId: shipment.id, shipper: shipper.name };
  });
}

/** Each order in its own transaction, so one refusal does not block the others; says why per order. */
export async function bulkRequestDispatch(db: Db, actor: OrderActor, orderIds: readonly string[], kind: ShipmentKind = "ship"): Promise<DispatchRequestResult[]> {
  const results: DispatchRequestResult[] = [];
  for (const orderId of new Set(orderIds)) {
    try {
      const r = await requestDispatch(db, actor, orderId, { kind });
      results.push({ orderId, ok: true, ...r });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ orderId, ok: false, error: error.message });
    }
  }
  return results;
}

/** One click handles at most this many; the button can be pressed again for the rest. */
export const SEND_ALL_BATCH = 500;

/**
 * "Send to shipper" with nothing selected: every paid order the user may see that is still
 * Approved (not packed or shipped) and not already on its way, oldest first.
 */
export async function sendAllPaidToShipper(db: Db, actor: Extract<OrderActor, { type: "user" }>): Promise<{ results: DispatchRequestResult[]; remaining: boolean }> {
  const scope = await orderScope(db, actor);
  const onItsWay = db
    .select({ id: shipments.id })
    .from(shipments)
    .where(and(eq(shipments.orderId, orders.id), eq(shipments.status, "queued")));
  const paid = and(eq(orders.status, "approved"), isNotNull(orders.paidAt), notExists(onItsWay));
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(scope ? and(paid, scope) : paid)
    .orderBy(asc(orders.createdAt), asc(orders.number))
    .limit(SEND_ALL_BATCH + 1);
  const batch = rows.slice(0, SEND_ALL_BATCH).map((row) => row.id);
  const results = batch.length ? await bulkRequestDispatch(db, actor, batch) : [];
  return { results, remaining: rows.length > SEND_ALL_BATCH };
}
