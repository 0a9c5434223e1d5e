import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orderEvents, orders, payments, processors } from "../../../db/schema";
import { can } from "../../auth/permissions";
import { DomainError, forbidden, notFound } from "../errors";
import { changeOrderStatus, type StatusChangeResult } from "../orders/change-status";
import { actorColumns, type OrderActor } from "../orders/order-actor";
import { orderScope } from "../orders/order-scope";
import { moneyHeld } from "../orders/status-machine";
import { fromMinorUnits } from "../money/money";
import { categoryOf } from "./decline-codes";
import { CHARGEABLE_STATUSES, keysOf, pendingCharge, runPaymentCascade, type CascadeResult, type PaymentDeps } from "./cascade";
import { adapterFactory } from "../../integrations/payments/registry";
import { adapterFor } from "./processors";

type UserActor = Extract<OrderActor, { type: "user" }>;

async function visibleOrder(db: Db, actor: UserActor, orderId: string) {
  if (!can(actor.role, "orders.manage")) throw forbidden("Your role may not take or return payments");
  const scope = await orderScope(db, actor);
  const [order] = await db
    .select()
    .from(orders)
    .where(scope ? and(eq(orders.id, orderId), scope) : eq(orders.id, orderId))
    .limit(1);
  if (!order) throw notFound("Order");
  return order;
}

/**
 * The manager's "Manual payment": the same routing engine as the first charge. A card order
 * re-submits the stored card (merchant-initiated, no CVV); PayPal, crypto and eCheck get a new
 * payment link. Not for the call center (orders.manage).
 */
export async function manualPayment(db: Db, deps: PaymentDeps, actor: UserActor, orderId: string): Promise<CascadeResult> {
  const order = await visibleOrder(db, actor, orderId);
  if (moneyHeld(order)) throw new DomainError("PRECONDITION_FAILED", "The order is already paid");
  if (!(CHARGEABLE_STATUSES as readonly string[]).includes(order.status)) {
    throw new DomainError("PRECONDITION_FAILED", `A payment cannot be taken for an order in ${order.status}`);
  }
  if (order.paymentMethod === "credit_card" && !order.cardSealed) throw new DomainError("PRECONDITION_FAILED", "No card is stored for this order");
  // A card payment still being confirmed (3-D Secure) may yet be approved: charging again could take the money twice.
  // A link method may get a new link; if both links are paid, the second approval is logged as an error on the order.
  const pending = order.paymentMethod === "credit_card" ? await pendingCharge(db, orderId) : null;
  if (pending) throw new DomainError("PRECONDITION_FAILED", `Payment ${pending.externalId} is still waiting for the processor's answer`);
  await db.insert(orderEvents).values({ orderId, type: "note", ...actorColumns(actor), message: "Manual payment started", createdAt: deps.now ? deps.now() : new Date() });
  return runPaymentCascade(db, deps, orderId, { actor, initiator: "merchant", reason: "manual" });
}

/**
 * A refund: through the processor that took the payment when its adapter supports refunds, then
 * the ledger entry by moving the order to Refunded. A processor's refusal is an error on the
 * order and a PRECONDITION_FAILED for the caller; nothing is booked then.
 */
export async function refundOrder(db: Db, deps: PaymentDeps, actor: UserActor, orderId: string, note?: string): Promise<StatusChangeResult & { refundId: string | null }> {
  const order = await visibleOrder(db, actor, orderId);
  if (!moneyHeld(order)) throw new DomainError("PRECONDITION_FAILED", "The order is not paid (or already refunded or charged back)");
  const now = deps.now ? deps.now() : new Date();
  const [processor] = order.processorId ? await db.select().from(processors).where(eq(processors.id, order.processorId)).limit(1) : [];

  if (!processor || !order.paymentId) {
    const result = await changeOrderStatus(db, actor, orderId, "refunded", { note: note ?? "Refund recorded (no processor payment to refund through)", now });
    return { ...result, refundId: null };
  }
  const adapter = adapterFactory(processor.adapter) ? adapterFor(processor, keysOf(deps)) : null;
  if (!adapter?.supportsRefund) {
    const result = await changeOrderStatus(db, actor, orderId, "refunded", { note: note ?? `${processor.name} does not refund through its API: refund there by hand`, now });
    return { ...result, refundId: null };
  }
  const started = performance.now();
  const refund = await adapter.refund({ orderId, paymentId: order.paymentId, amountMinor: order.totalMinor, currency: order.currency });
  const durationMs = Math.round(performance.now() - started);
  const amount = `${fromMinorUnits(order.totalMinor, order.currency)} ${order.currency}`;
  if (!refund.ok) {
    const message = `${processor.name} refused the refund of ${amount}: ${refund.message} (${refund.code})`;
    await db.insert(orderEvents).values({
      orderId, type: "error", ...actorColumns(actor), message,
      data: { processorId: processor.id, processor: processor.name, kind: "refund", result: "declined", code: refund.code, category: categoryOf(refund.code), rawCode: refund.rawCode ?? null, durationMs },
      createdAt: now,
    });
    throw new DomainError("PRECONDITION_FAILED", message);
  }
  return db.transaction(async (tx) => {
    await tx.insert(orderEvents).values({
      orderId, type: "payment", ...actorColumns(actor), message: `${processor.name}: refund ${refund.refundId} of ${amount}, ${durationMs} ms`,
      data: { processorId: processor.id, processor: processor.name, kind: "refund", result: "refunded", refundId: refund.refundId, amountMinor: order.totalMinor, currency: order.currency, durationMs },
      createdAt: now,
    });
    await tx.insert(payments).values({
      orderId, processorId: processor.id, kind: "refund", status: "refunded", externalId: refund.refundId, reference: order.paymentReference,
      amountMinor: order.totalMinor, currency: order.currency, initiator: "merchant", createdAt: now, updatedAt: now,
    });
    const result = await changeOrderStatus(tx, actor, orderId, "refunded", { note: note ?? `Refunded through ${processor.name}`, data: { refundId: refund.refundId }, now });
    return { ...result, refundId: refund.refundId };
  });
}
