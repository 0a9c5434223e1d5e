import { and, eq, or } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orderEvents, orders, payments, processorEvents } from "../../../db/schema";
import type { CallbackEvent } from "../../integrations/payments/adapter";
import { DomainError } from "../errors";
import { changeOrderStatus } from "../orders/change-status";
import type { OrderActor } from "../orders/order-actor";
import type { OrderStatus } from "../orders/order-statuses";
import { moneyHeld } from "../orders/status-machine";
import { keysOf, type PaymentDeps } from "./cascade";
import { adapterFactory } from "../../integrations/payments/registry";
import { adapterFor, getProcessorByCode, type Processor } from "./processors";

export interface CallbackAnswer {
  status: number;
  body: Record<string, unknown>;
}

type Order = typeof orders.$inferSelect;

/** The order a callback is about: by the processor's payment id, then its reference (ARN), then our order id. */
async function findOrder(db: Db, processor: Processor, event: CallbackEvent): Promise<Order | null> {
  const keys = [event.paymentId && eq(payments.externalId, event.paymentId), event.reference && eq(payments.reference, event.reference)].filter((c) => !!c);
  if (keys.length > 0) {
    const [row] = await db
      .select({ order: orders })
      .from(payments)
      .innerJoin(orders, eq(orders.id, payments.orderId))
      .where(and(eq(payments.processorId, processor.id), eq(payments.kind, "charge"), or(...keys)))
      .limit(1);
    if (row) return row.order;
  }
  if (event.orderRef) {
    const [row] = await db.select().from(orders).where(and(eq(orders.id, event.orderRef), eq(orders.processorId, processor.id))).limit(1);
    if (row) return row;
  }
  return null;
}

interface Applied {
  outcome: string;
  error?: string;
}

/** Moves the order as the event says, through the status machine. Domain refusals become errors on the order, not HTTP errors. */
async function applyEvent(tx: Db, processor: Processor, order: Order, event: CallbackEvent, now: Date): Promise<Applied> {
  const actor: OrderActor = { type: "processor", id: processor.id, name: processor.name };
  const move = async (to: OrderStatus, note: string, data: Record<string, unknown> = {}): Promise<Applied> => {
    try {
      await changeOrderStatus(tx, actor, order.id, to, { note, data: { eventId: event.eventId, ...data }, now });
      return { outcome: `applied: ${to}` };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { outcome: "error", error: `${processor.name} reported ${event.type} (${event.eventId}) but the order could not become ${to}: ${error.message}` };
    }
  };
  const setPayment = async (status: "approved" | "declined" | "refunded" | "chargeback") => {
    if (!event.paymentId) return;
    await tx
      .update(payments)
      .set({ status, ...(event.reference ? { reference: event.reference } : {}), code: event.rawCode ?? null, message: event.message ?? null, updatedAt: now })
      .where(and(eq(payments.processorId, processor.id), eq(payments.kind, "charge"), eq(payments.externalId, event.paymentId)));
  };

  switch (event.type) {
    case "payment.approved": {
      await setPayment("approved");
      if (moneyHeld(order)) {
        if (order.paymentId === event.paymentId) return { outcome: "ignored: already approved" };
        return { outcome: "error", error: `${processor.name} approved a second payment ${event.paymentId ?? "?"} for an order already paid by ${order.paymentId ?? "?"}: refund one of them` };
      }
      await tx
        .update(orders)
        .set({ processorId: processor.id, paymentId: event.paymentId ?? order.paymentId, paymentReference: event.reference ?? order.paymentReference, updatedAt: now })
        .where(eq(orders.id, order.id));
      return move("approved", `Paid through ${processor.name} (callback)`, { paymentId: event.paymentId, reference: event.reference });
    }
    case "payment.declined":
      await setPayment("declined");
      if (moneyHeld(order)) return { outcome: "ignored: the order is paid" };
      if (order.status !== "pending") return { outcome: `ignored: the order is ${order.status}` };
      return move("declined", `Declined by ${processor.name}: ${event.message ?? event.code ?? "declined"}`, { code: event.code ?? null });
    case "payment.pending":
      return { outcome: "ignored: still pending" };
    case "payment.refunded":
      await setPayment("refunded");
      if (order.refundedAt) return { outcome: "ignored: already refunded" };
      return move("refunded", `Refunded at ${processor.name}`);
    case "payment.chargeback":
      await setPayment("chargeback");
      if (order.chargebackAt) return { outcome: "ignored: already charged back" };
      return move("chargeback", `Chargeback from ${processor.name}${event.reference ? ` (ARN ${event.reference})` : ""}`, { reference: event.reference ?? null });
  }
}

/**
 * A processor's callback (POST /api/callbacks/<code>): the signature and timestamp are checked
 * by the adapter with the processor's own secret; the event id is recorded once (unique index),
 * so a replay changes nothing; the order moves through the status machine with the processor as
 * actor; the raw payload lands in the order's events. Answers follow docs/api/callbacks.md: 2xx
 * whenever retrying cannot help (duplicate, unknown order, a transition the order refuses — the
 * last one is an error on the order), 4xx for a bad signature or body, 5xx only on our failure.
 */
export async function receiveProcessorCallback(db: Db, deps: PaymentDeps, processorCode: string, input: { headers: Headers; rawBody: string }): Promise<CallbackAnswer> {
  const now = deps.now ? deps.now() : new Date();
  const processor = await getProcessorByCode(db, processorCode);
  if (!processor || !adapterFactory(processor.adapter)) return { status: 404, body: { received: false, error: `Unknown processor ${processorCode}` } };

  const verdict = adapterFor(processor, keysOf(deps)).verifyCallback({ headers: input.headers, rawBody: input.rawBody, now });
  if (!verdict.ok) {
    console.warn(`[callbacks] ${processor.code}: refused (${verdict.reason})`);
    return { status: verdict.status, body: { received: false, error: verdict.reason } };
  }
  const { event } = verdict;

  return db.transaction(async (tx) => {
    const order = await findOrder(tx, processor, event);
    const [first] = await tx
      .insert(processorEvents)
      .values({ processorId: processor.id, eventId: event.eventId, eventType: event.type, orderId: order?.id ?? null, outcome: "received", payload: event.payload, httpStatus: 200, receivedAt: now })
      .onConflictDoNothing()
      .returning({ id: processorEvents.id });
    if (!first) return { status: 200, body: { received: true, duplicate: true } };

    if (!order) {
      console.warn(`[callbacks] ${processor.code}: event ${event.eventId} (${event.type}) names no known order (payment ${event.paymentId ?? "-"}, reference ${event.orderRef ?? "-"}); acknowledged`);
      await tx.update(processorEvents).set({ outcome: "unknown_order" }).where(eq(processorEvents.id, first.id));
      return { status: 200, body: { received: true, matched: false } };
    }

    // Lock the order before reading the facts the event is judged on.
    const [locked] = await tx.select().from(orders).where(eq(orders.id, order.id)).limit(1).for("update");
    const applied = await applyEvent(tx, processor, locked ?? order, event, now);
    await tx.insert(orderEvents).values({
      orderId: order.id,
      type: "callback",
      actorType: "processor",
      actorId: processor.id,
      actorName: processor.name,
      message: `${processor.name}: ${event.type} (${event.eventId}) — ${applied.outcome}`,
      data: { eventId: event.eventId, eventType: event.type, paymentId: event.paymentId ?? null, outcome: applied.outcome, payload: event.payload },
      createdAt: now,
    });
    if (applied.error) {
      await tx.insert(orderEvents).values({ orderId: order.id, type: "error", actorType: "processor", actorId: processor.id, actorName: processor.name, message: applied.error, data: { eventId: event.eventId }, createdAt: now });
    }
    await tx.update(processorEvents).set({ outcome: applied.outcome }).where(eq(processorEvents.id, first.id));
    return { status: 200, body: { received: true, outcome: applied.outcome } };
  });
}
