import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orderEvents, orders, outbox } from "../../../db/schema";
import { can } from "../../auth/permissions";
import { markDashboardDaysDirty } from "../dashboard/rollups";
import { DomainError, forbidden } from "../errors";
import { recordReversal, recordSale } from "../ledger/ledger";
import { actorColumns, type OrderActor } from "./order-actor";
import { OPERATOR_SETTABLE_CC_STATUSES, type CallCenterStatus, type OrderStatus } from "./order-statuses";
import { lockVisibleOrder } from "./lock-visible-order";
import { callCenterStatusAfter, checkTransition } from "./status-machine";
import { eventsForStatus, queueWebhookFanout } from "../webhooks/fanout";

export interface StatusChangeResult {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
}

/**
 * Moves one order along the status machine in one transaction: the row is locked, the
 * transition checked, the effects (ledger, e-mail via outbox, call-center link) applied and an
 * event written. Concurrent changes of the same order queue on the lock, so none is lost.
 */
export async function changeOrderStatus(
  db: Db,
  actor: OrderActor,
  orderId: string,
  to: OrderStatus,
  options: { note?: string; data?: Record<string, unknown>; now?: Date } = {},
): Promise<StatusChangeResult> {
  if (actor.type === "user" && !can(actor.role, "orders.manage")) throw forbidden("Your role may not change order statuses");
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const order = await lockVisibleOrder(tx, actor, orderId);
    const verdict = checkTransition(order, to);
    if (!verdict.ok) throw new DomainError("PRECONDITION_FAILED", verdict.reason, { field: "status" });
    const { effects } = verdict.transition;
    const actorId = actor.type === "user" ? actor.id : null;

    const patch: Partial<typeof orders.$inferInsert> = { status: to, updatedAt: now };
    if (effects.includes("ledger.sale") && order.paidAt === null) {
      patch.paidAt = now;
      await recordSale(tx, order, actorId, now);
    }
    if (effects.includes("ledger.refund")) {
      patch.refundedAt = now;
      await recordReversal(tx, order, "refund", actorId, now);
    }
    if (effects.includes("ledger.chargeback")) {
      patch.chargebackAt = now;
      await recordReversal(tx, order, "chargeback", actorId, now);
    }
    if (effects.includes("mark.shipped")) patch.shippedAt = now;
    if (effects.includes("cc.open")) Object.assign(patch, { callCenterAt: now, callCenterContactAt: null });
    const ccAfter = callCenterStatusAfter(order.callCenterStatus, effects);
    if (ccAfter !== order.callCenterStatus) patch.callCenterStatus = ccAfter;

    await tx.update(orders).set(patch).where(eq(orders.id, order.id));
    await markDashboardDaysDirty(tx, [order.createdAt, now]);
    const events: Array<typeof orderEvents.$inferInsert> = [
      {
        orderId: order.id,
        type: "status_changed",
        ...actorColumns(actor),
        fromStatus: order.status,
        toStatus: to,
        message: options.note,
        data: options.data,
        createdAt: now,
      },
    ];
    if (ccAfter !== order.callCenterStatus) {
      events.push({
        orderId: order.id,
        type: "call_center_status_changed",
        actorType: "system",
        actorName: "Status machine",
        fromStatus: order.callCenterStatus,
        toStatus: ccAfter,
        createdAt: now,
      });
    }
    await tx.insert(orderEvents).values(events);
    if (effects.includes("email")) {
      await tx.insert(outbox).values({ topic: "email.order_status", orderId: order.id, payload: { orderId: order.id, status: to }, runAt: now });
    }
    await queueWebhookFanout(tx, order.id, eventsForStatus(to), { from: order.status, to }, now);
    return { orderId: order.id, from: order.status, to };
  });
}

export type BulkResult = { orderId: string; ok: true; from: OrderStatus; to: OrderStatus } | { orderId: string; ok: false; error: string };

/** Each order in its own transaction, so one refusal does not block the others; says why per order. */
export async function bulkChangeOrderStatus(db: Db, actor: OrderActor, orderIds: string[], to: OrderStatus): Promise<BulkResult[]> {
  const unique = [...new Set(orderIds)];
  const results: BulkResult[] = [];
  for (const orderId of unique) {
    try {
      const r = await changeOrderStatus(db, actor, orderId, to);
      results.push({ orderId, ok: true, from: r.from, to: r.to });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ orderId, ok: false, error: error.message });
    }
  }
  return results;
}

/**
 * The operator's own statuses. Operators work only on orders that are in the call center and
 * may not set the two statuses the system sets (Refunded, Reshipped); managers may set any.
 */
export async function setCallCenterStatus(db: Db, actor: Extract<OrderActor, { type: "user" }>, orderId: string, status: CallCenterStatus, note?: string, now = new Date()) {
  const isOperator = can(actor.role, "orders.callCenter");
  if (!isOperator && !can(actor.role, "orders.manage")) throw forbidden("Your role may not set call-center statuses");
  if (isOperator && !(OPERATOR_SETTABLE_CC_STATUSES as readonly string[]).includes(status)) {
    throw new DomainError("BAD_INPUT", `${status} is set by the system when a manager acts`, { field: "status" });
  }
  return db.transaction(async (tx) => {
    const order = await lockVisibleOrder(tx, actor, orderId);
    if (isOperator && order.status !== "call_center") {
      throw new DomainError("PRECONDITION_FAILED", "The order is no longer in the call center", { field: "status" });
    }
    // The same status again with a comment is another contact attempt worth logging.
    if (order.callCenterStatus === status && !note) return { orderId, from: status, to: status };
    const contact = isOperator ? { callCenterContactAt: now } : {};
    await tx.update(orders).set({ callCenterStatus: status, updatedAt: now, ...contact }).where(eq(orders.id, orderId));
    await tx.insert(orderEvents).values({
      orderId,
      type: "call_center_status_changed",
      ...actorColumns(actor),
      fromStatus: order.callCenterStatus,
      toStatus: status,
      message: note,
      createdAt: now,
    });
    return { orderId, from: order.callCenterStatus, to: status };
  });
}

