import { and, asc, count, desc, eq, gte, ilike, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  B2B_ORDER_STATUSES, b2bOrderDocuments, b2bOrderEvents, b2bOrderLines, b2bOrders, b2bShipmentLines, b2bShipments, companies, stockReservations, users, warehouses,
} from "@/db/schema";
import { addCartLine } from "../carts/cart-lines";
import { createCart } from "../carts/carts";
import { DomainError } from "../errors";
import { b2bOrderScope, visibleOrder, type B2bOrderViewer } from "./order-scope";
import { releaseReservations } from "./reservations";
import { B2B_FLOW, BUYER_CANCELLABLE, nextStatuses, type B2bOrderStatus } from "./status-flow";
import { cancelSupplierParts } from "../supplier-orders/cancel-parts";
import { noticeOrderStatus } from "../notifications/b2b-order-notices";

export const b2bOrderFiltersSchema = z.object({
  status: z.enum(B2B_ORDER_STATUSES).optional(),
  source: z.enum(["online", "offline"]).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  number: z.string().trim().max(40).optional(),
  companyId: z.uuid().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type B2bOrderFilters = z.infer<typeof b2bOrderFiltersSchema>;

/** The orders history (buyer) or the staff B2B orders list, filtered and paged, newest first. */
export async function listB2bOrders(db: Db, viewer: B2bOrderViewer, filters: B2bOrderFilters) {
  const conditions: SQL[] = [];
  const scope = b2bOrderScope(viewer);
  if (scope) conditions.push(scope);
  if (filters.status) conditions.push(eq(b2bOrders.status, filters.status));
  if (filters.source) conditions.push(eq(b2bOrders.source, filters.source));
  if (filters.from) conditions.push(gte(b2bOrders.createdAt, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lt(b2bOrders.createdAt, new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (filters.number) conditions.push(ilike(b2bOrders.number, `%${filters.number.replace(/[%_\\]/g, "\\$&")}%`));
  if (filters.companyId) conditions.push(eq(b2bOrders.companyId, filters.companyId));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: b2bOrders.id,
        number: b2bOrders.number,
        status: b2bOrders.status,
        source: b2bOrders.source,
        availability: b2bOrders.availability,
        companyId: b2bOrders.companyId,
        companyName: companies.name,
        totalMinor: b2bOrders.totalMinor,
        currency: b2bOrders.currency,
        deliveryMethod: b2bOrders.deliveryMethod,
        shipmentDate: b2bOrders.shipmentDate,
        createdAt: b2bOrders.createdAt,
      })
      .from(b2bOrders)
      .innerJoin(companies, eq(companies.id, b2bOrders.companyId))
      .where(where)
      .orderBy(desc(b2bOrders.createdAt), desc(b2bOrders.number))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ n: count() }).from(b2bOrders).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One order with its lines, shipments (and their lines), documents (without bytes), reservations and events. */
export async function b2bOrderDetails(db: Db, viewer: B2bOrderViewer, orderId: string) {
  const order = await visibleOrder(db, viewer, orderId);
  const [company] = await db.select({ name: companies.name, inn: companies.inn }).from(companies).where(eq(companies.id, order.companyId));
  const [warehouse] = order.warehouseId ? await db.select({ name: warehouses.name, address: warehouses.address }).from(warehouses).where(eq(warehouses.id, order.warehouseId)) : [];
  const [buyer] = order.buyerId ? await db.select({ name: users.name }).from(users).where(eq(users.id, order.buyerId)) : [];
  const lines = await db.select().from(b2bOrderLines).where(eq(b2bOrderLines.orderId, orderId)).orderBy(asc(b2bOrderLines.sort));
  const shipments = await db.select().from(b2bShipments).where(eq(b2bShipments.orderId, orderId)).orderBy(asc(b2bShipments.createdAt));
  const shipmentLines = shipments.length
    ? await db.select().from(b2bShipmentLines).where(inArray(b2bShipmentLines.shipmentId, shipments.map((s) => s.id)))
    : [];
  const documents = await db
    .select({ id: b2bOrderDocuments.id, kind: b2bOrderDocuments.kind, number: b2bOrderDocuments.number, fileName: b2bOrderDocuments.fileName, shipmentId: b2bOrderDocuments.shipmentId, source: b2bOrderDocuments.source, sizeBytes: b2bOrderDocuments.sizeBytes, createdAt: b2bOrderDocuments.createdAt })
    .from(b2bOrderDocuments)
    .where(eq(b2bOrderDocuments.orderId, orderId))
    .orderBy(asc(b2bOrderDocuments.createdAt));
  const reservations = await db
    .select({ quantity: stockReservations.quantity, expiresAt: stockReservations.expiresAt, releasedAt: stockReservations.releasedAt, releaseReason: stockReservations.releaseReason, variantId: stockReservations.variantId })
    .from(stockReservations)
    .where(eq(stockReservations.orderId, orderId));
  const events = await db.select().from(b2bOrderEvents).where(eq(b2bOrderEvents.orderId, orderId)).orderBy(asc(b2bOrderEvents.createdAt));
  const siblings = order.checkoutId
    ? await db.select({ id: b2bOrders.id, number: b2bOrders.number, availability: b2bOrders.availability }).from(b2bOrders).where(and(eq(b2bOrders.checkoutId, order.checkoutId), sql`${b2bOrders.id} <> ${order.id}`))
    : [];
  return {
    order: { ...order, companyName: company?.name ?? "", companyInn: company?.inn ?? "", warehouseName: warehouse?.name ?? null, warehouseAddress: warehouse?.address ?? null, buyerName: buyer?.name ?? null },
    lines: lines.map((l) => ({ ...l, quantity: Number(l.quantity) })),
    shipments: shipments.map((s) => ({ ...s, lines: shipmentLines.filter((l) => l.shipmentId === s.id).map((l) => ({ orderLineId: l.orderLineId, quantity: Number(l.quantity) })) })),
    documents,
    reservations: reservations.map((r) => ({ ...r, quantity: Number(r.quantity) })),
    events,
    siblings,
    canCancel: viewer.kind === "buyer" ? BUYER_CANCELLABLE.includes(order.status) : B2B_FLOW.cancelled.from.includes(order.status),
    nextStatuses: viewer.kind === "staff" ? nextStatuses(order.status) : [],
  };
}

/**
 * Moves an order along its flow (row locked). A buyer may only cancel, and only before assembly;
 * cancelling releases the reservation, shipping consumes it (the stock leaves the warehouse).
 */
export async function changeB2bOrderStatus(db: Db, viewer: B2bOrderViewer, orderId: string, to: B2bOrderStatus) {
  return db.transaction(async (tx) => {
    const order = await visibleOrder(tx, viewer, orderId, true);
    const rule = B2B_FLOW[to];
    const allowed = viewer.kind === "buyer" ? rule.buyer && BUYER_CANCELLABLE.includes(order.status) : rule.from.includes(order.status);
    if (!allowed) throw new DomainError("PRECONDITION_FAILED", `An order in status "${order.status}" cannot become "${to}"`, { field: "status" });
    const actorId = viewer.kind === "buyer" ? viewer.userId : viewer.id;
    if (to === "cancelled") {
      // Marketplace parts first: a part already shipped by its supplier refuses the cancellation.
      await cancelSupplierParts(tx, orderId);
      await releaseReservations(tx, { orderId }, "cancelled", actorId);
    }
    if (to === "shipped") await releaseReservations(tx, { orderId }, "shipped", actorId);
    await tx.update(b2bOrders).set({ status: to, updatedAt: new Date() }).where(eq(b2bOrders.id, orderId));
    await tx.insert(b2bOrderEvents).values({ orderId, actorId, kind: "status", fromStatus: order.status, toStatus: to });
    await noticeOrderStatus(tx, orderId, to, actorId);
    return { id: orderId, status: to };
  });
}

/** Repeat order: the order's lines go into a new active cart; lines no longer orderable are reported. */
export async function repeatB2bOrder(db: Db, userId: string, orderId: string) {
  const order = await visibleOrder(db, { kind: "buyer", userId }, orderId);
  const lines = await db.select().from(b2bOrderLines).where(eq(b2bOrderLines.orderId, orderId)).orderBy(asc(b2bOrderLines.sort));
  const cart = await createCart(db, userId, `${order.number}`);
  const skipped: string[] = [];
  for (const line of lines) {
    if (!line.variantId) {
      skipped.push(line.sku);
      continue;
    }
    try {
      await addCartLine(db, userId, { cartId: cart.id, variantId: line.variantId, unit: line.unit, quantity: Number(line.quantity) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      skipped.push(line.sku);
    }
  }
  return { cartId: cart.id, cartName: cart.name, added: lines.length - skipped.length, skipped };
}

/** Staff: plans a shipment of an order (all its lines by default) from its warehouse. */
export async function createShipment(db: Db, viewer: B2bOrderViewer, orderId: string, plannedDate?: string) {
  return db.transaction(async (tx) => {
    const order = await visibleOrder(tx, viewer, orderId, true);
    if (order.status === "cancelled") throw new DomainError("PRECONDITION_FAILED", "The order is cancelled", { field: "status" });
    const lines = await tx.select().from(b2bOrderLines).where(eq(b2bOrderLines.orderId, orderId));
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(b2bShipments).where(eq(b2bShipments.orderId, orderId));
    const [shipment] = await tx
      .insert(b2bShipments)
      .values({ orderId, number: `${order.number}/${n + 1}`, warehouseId: order.warehouseId, plannedDate: plannedDate ?? order.shipmentDate })
      .returning();
    if (lines.length) await tx.insert(b2bShipmentLines).values(lines.map((l) => ({ shipmentId: shipment!.id, orderLineId: l.id, quantity: l.quantity })));
    await tx.insert(b2bOrderEvents).values({ orderId, actorId: viewer.kind === "staff" ? viewer.id : null, kind: "shipment.created", details: { number: shipment!.number } });
    return shipment!;
  });
}

const SHIPMENT_NEXT: Record<string, readonly string[]> = { planned: ["assembling", "cancelled"], assembling: ["shipped", "cancelled"], shipped: ["delivered"], delivered: [], cancelled: [] };

/** Staff: moves a shipment along planned → assembling → shipped → delivered (or cancelled). */
export async function setShipmentStatus(db: Db, viewer: B2bOrderViewer, shipmentId: string, to: "assembling" | "shipped" | "delivered" | "cancelled") {
  const [shipment] = await db.select().from(b2bShipments).where(eq(b2bShipments.id, shipmentId));
  if (!shipment) throw new DomainError("NOT_FOUND", "Shipment not found");
  await visibleOrder(db, viewer, shipment.orderId);
  if (!SHIPMENT_NEXT[shipment.status]?.includes(to)) throw new DomainError("PRECONDITION_FAILED", `A shipment in status "${shipment.status}" cannot become "${to}"`, { field: "status" });
  await db
    .update(b2bShipments)
    .set({ status: to, shippedAt: to === "shipped" ? new Date() : shipment.shippedAt })
    .where(eq(b2bShipments.id, shipmentId));
  await db.insert(b2bOrderEvents).values({ orderId: shipment.orderId, actorId: viewer.kind === "staff" ? viewer.id : null, kind: "shipment.status", fromStatus: shipment.status, toStatus: to, details: { number: shipment.number } });
  return { id: shipmentId, status: to };
}
