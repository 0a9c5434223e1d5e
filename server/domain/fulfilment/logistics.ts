import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { shipments, shippers } from "../../../db/schema";
import { can } from "../../auth/permissions";
import type { Role } from "../../auth/roles";
import { checkTransition, type OrderFacts } from "../orders/status-machine";

/** The Logistic details card of Order Details: the order's shipper, its shipments and what may be done now. */
export async function orderLogistics(db: Db, order: OrderFacts & { id: string; shipperId: string | null }, role: Role) {
  const rows = await db
    .select({
      id: shipments.id, kind: shipments.kind, status: shipments.status, shipperName: shippers.name, externalId: shipments.externalId,
      trackingNumber: shipments.trackingNumber, carrier: shipments.carrier, trackingUrl: shipments.trackingUrl, attempts: shipments.attempts,
      lastError: shipments.lastError, createdAt: shipments.createdAt, acceptedAt: shipments.acceptedAt, shippedAt: shipments.shippedAt, deliveredAt: shipments.deliveredAt,
    })
    .from(shipments)
    .innerJoin(shippers, eq(shippers.id, shipments.shipperId))
    .where(eq(shipments.orderId, order.id))
    .orderBy(asc(shipments.id));
  const [shipper] = order.shipperId ? await db.select({ id: shippers.id, name: shippers.name, adapter: shippers.adapter }).from(shippers).where(eq(shippers.id, order.shipperId)).limit(1) : [];
  const manage = can(role, "orders.manage");
  const inFlight = rows.some((s) => s.status === "queued");
  return {
    shipper: shipper ?? null,
    shipments: rows,
    canSendToShipper: manage && !inFlight && checkTransition(order, "packed").ok,
    canReship: manage && !inFlight && checkTransition(order, "reshipped").ok,
    canAddTracking: manage && (rows.length > 0 || order.shipperId !== null) && (checkTransition(order, "shipped").ok || checkTransition(order, "reshipped").ok || order.status === "shipped"),
    canMarkDelivered: manage && checkTransition(order, "delivered").ok,
  };
}
export type OrderLogistics = Awaited<ReturnType<typeof orderLogistics>>;
