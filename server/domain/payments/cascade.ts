import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orderEvents, orders, outbox, payments, processors } from "../../../db/schema";
import type { ChargeRequest, ChargeResult, ProcessorAdapter } from "../../integrations/payments/adapter";
import { open } from "../crypto/secret-box";
import type { CardDetails } from "../cards/card";
import { PAYMENT_LINK_EMAIL_TOPIC, type PaymentLinkPayload } from "../email/send-payment-link-email";
import { DomainError } from "../errors";
import { changeOrderStatus } from "../orders/change-status";
import { actorColumns, type OrderActor } from "../orders/order-actor";
import type { PaymentMethod } from "../orders/order-statuses";
import { moneyHeld } from "../orders/status-machine";
import { fromMinorUnits } from "../money/money";
import { categoryOf, triesNextProcessor, type DeclineCategory } from "./decline-codes";
import { adapterFor, type Processor } from "./processors";
import { planRoute } from "./routing";

export interface PaymentDeps {
  encryptionKey: Buffer;
  /** Older keys still able to open sealed cards and credentials. */
  previousKeys?: Buffer[];
  now?: () => Date;
}

export const keysOf = (deps: PaymentDeps) => [deps.encryptionKey, ...(deps.previousKeys ?? [])];

export interface AttemptSummary {
  processorId: string;
  processor: string;
  result: "approved" | "pending" | "declined";
  code: string | null;
  category: DeclineCategory | null;
  message: string;
  durationMs: number;
  paymentId: string | null;
}

export interface CascadeResult {
  /** approved / pending (waiting for a callback or a link) / declined (stopped or exhausted) /
   * retry (only technical failures: try again later) / no_processor / skipped (nothing to do). */
  result: "approved" | "pending" | "declined" | "retry" | "no_processor" | "skipped";
  message: string;
  attempts: AttemptSummary[];
  paymentUrl?: string;
}

export interface CascadeOptions {
  actor: OrderActor;
  /** "customer" only with the CVV at intake; everything else is merchant-initiated. */
  initiator: "customer" | "merchant";
  cvv?: string;
  reason: "intake" | "manual" | "retry";
}

/** Statuses from which a payment may be taken. */
export const CHARGEABLE_STATUSES = ["pending", "declined", "call_center"] as const;

type Order = typeof orders.$inferSelect;

function processorActor(processor: Pick<Processor, "id" | "name">): OrderActor {
  return { type: "processor", id: processor.id, name: processor.name };
}

function callbackUrlOf(processor: Processor): string | undefined {
  return processor.settings.callbackUrl || undefined;
}

async function noteError(db: Db, orderId: string, actor: OrderActor, message: string, data?: Record<string, unknown>, now = new Date()) {
  await db.insert(orderEvents).values({ orderId, type: "error", ...actorColumns(actor), message, data, createdAt: now });
}

/** A technical failure counts against the processor; at its threshold the router switches it off. */
async function countFailure(db: Db, processor: Processor, reason: string, now: Date): Promise<boolean> {
  const [row] = await db
    .update(processors)
    .set({
      consecutiveFailures: sql`${processors.consecutiveFailures} + 1`,
      autoDisabledAt: sql`case when ${processors.consecutiveFailures} + 1 >= ${processors.failureThreshold} and ${processors.autoDisabledAt} is null then ${now.toISOString()}::timestamptz else ${processors.autoDisabledAt} end`,
      autoDisabledReason: sql`case when ${processors.consecutiveFailures} + 1 >= ${processors.failureThreshold} and ${processors.autoDisabledAt} is null then ${processors.failureThreshold}::text || ${` technical failures in a row; last: ${reason}`.slice(0, 500)} else ${processors.autoDisabledReason} end`,
      updatedAt: now,
    })
    .where(eq(processors.id, processor.id))
    .returning({ failures: processors.consecutiveFailures, threshold: processors.failureThreshold, disabledAt: processors.autoDisabledAt });
  return Boolean(row?.disabledAt && row.disabledAt.getTime() === now.getTime());
}

async function resetFailures(db: Db, processor: Processor): Promise<void> {
  if (processor.consecutiveFailures > 0) await db.update(processors).set({ consecutiveFailures: 0 }).where(eq(processors.id, processor.id));
}

function chargeRequestOf(order: Order, card: CardDetails | null, options: CascadeOptions, processor: Processor): ChargeRequest {
  return {
    orderId: order.id,
    amountMinor: order.totalMinor,
    currency: order.currency,
    method: order.paymentMethod as PaymentMethod,
    initiator: options.initiator,
    card: card
      ? { pan: card.pan, expiryMonth: card.expiryMonth, expiryYear: card.expiryYear, holder: card.holder, cvv: options.initiator === "customer" ? options.cvv : undefined }
      : undefined,
    customer: { email: order.customerEmail, firstName: order.customerFirstName, lastName: order.customerLastName, country: order.billingAddress.country, ip: order.customerIp },
    callbackUrl: callbackUrlOf(processor),
  };
}

/** The newest charge of the order still waiting for its processor (a pending card payment or an unpaid link). */
export async function pendingCharge(db: Db, orderId: string) {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.kind, "charge"), eq(payments.status, "pending")))
    .orderBy(desc(payments.id))
    .limit(1);
  return row ?? null;
}

/**
 * The routing engine: the first charge (from the `payment.charge` job), manual re-charges and
 * later retries all come here. It picks the eligible processors in priority order and tries
 * them one by one: the next one after a soft decline or a technical failure, none after a hard
 * or fraud decline. Every attempt is an order event (processor, amount, result, code, message,
 * duration). No transaction is held across a processor call: each outcome is written after it.
 */
export async function runPaymentCascade(db: Db, deps: PaymentDeps, orderId: string, options: CascadeOptions): Promise<CascadeResult> {
  const now = () => (deps.now ? deps.now() : new Date());
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId)).limit(1);
  if (!order) return { result: "skipped", message: "The order does not exist", attempts: [] };
  if (moneyHeld(order)) return { result: "skipped", message: "The order is already paid", attempts: [] };
  if (!(CHARGEABLE_STATUSES as readonly string[]).includes(order.status)) return { result: "skipped", message: `No payment is taken for an order in ${order.status}`, attempts: [] };

  if (options.reason !== "manual" && (await pendingCharge(db, order.id))) {
    return { result: "skipped", message: "A payment of this order is waiting for the processor's answer", attempts: [] };
  }

  let card: CardDetails | null = null;
  if (order.paymentMethod === "credit_card") {
    if (!order.cardSealed) {
      const message = "No card is stored for this order, so it cannot be charged";
      await noteError(db, order.id, options.actor, message, undefined, now());
      return { result: "no_processor", message, attempts: [] };
    }
    card = JSON.parse(open(order.cardSealed, keysOf(deps))) as CardDetails;
  }

  const plan = await planRoute(db, { paymentMethod: order.paymentMethod, currency: order.currency, country: order.billingAddress.country, totalUsdMinor: order.totalUsdMinor }, now());
  if (plan.eligible.length === 0) {
    const why = plan.skipped.map((s) => `${s.processor}: ${s.reason}`).join("; ") || "no processors are configured";
    const message = `No processor can take this ${order.paymentMethod} payment of ${fromMinorUnits(order.totalMinor, order.currency)} ${order.currency} (${why})`;
    await noteError(db, order.id, options.actor, message, { skipped: plan.skipped }, now());
    return { result: "no_processor", message, attempts: [] };
  }

  const attempts: AttemptSummary[] = [];
  for (const processor of plan.eligible) {
    let adapter: ProcessorAdapter;
    try {
      adapter = adapterFor(processor, keysOf(deps));
    } catch (error) {
      const message = `${processor.name}: cannot be used (${error instanceof Error ? error.message : String(error)})`;
      await noteError(db, order.id, options.actor, message, { processorId: processor.id }, now());
      continue;
    }
    const started = performance.now();
    const result: ChargeResult = await adapter.charge(chargeRequestOf(order, card, options, processor));
    const durationMs = Math.round(performance.now() - started);
    const at = now();
    const code = result.outcome === "declined" ? result.code : null;
    const category = code ? categoryOf(code) : null;
    const message = result.message ?? (result.outcome === "approved" ? "Approved" : "Pending");
    const paymentId = result.paymentId ?? null;
    const attempt: AttemptSummary = { processorId: processor.id, processor: processor.name, result: result.outcome, code, category, message, durationMs, paymentId };
    attempts.push(attempt);
    const amount = `${fromMinorUnits(order.totalMinor, order.currency)} ${order.currency}`;
    const paymentUrl = result.outcome === "pending" ? result.paymentUrl : undefined;

    await db.transaction(async (tx) => {
      await tx.insert(orderEvents).values({
        orderId: order.id,
        type: category === "technical" ? "error" : "payment",
        ...actorColumns(options.actor),
        message: `${processor.name}: ${result.outcome}${code ? ` (${code})` : ""} — ${message}; ${amount}, ${durationMs} ms`,
        data: {
          processorId: processor.id,
          processor: processor.name,
          adapter: processor.adapter,
          amountMinor: order.totalMinor,
          currency: order.currency,
          result: result.outcome,
          code,
          category,
          rawCode: result.rawCode ?? null,
          message,
          durationMs,
          paymentId,
          paymentUrl: paymentUrl ?? null,
          initiator: options.initiator,
          reason: options.reason,
          attempt: attempts.length,
        },
        createdAt: at,
      });
      if (paymentId) {
        await tx
          .insert(payments)
          .values({
            orderId: order.id,
            processorId: processor.id,
            kind: "charge",
            status: result.outcome,
            externalId: paymentId,
            reference: result.outcome === "approved" ? (result.reference ?? null) : null,
            amountMinor: order.totalMinor,
            currency: order.currency,
            paymentUrl: paymentUrl ?? null,
            initiator: options.initiator,
            code: code ?? result.rawCode ?? null,
            message,
            createdAt: at,
            updatedAt: at,
          })
          .onConflictDoNothing();
      }
      if (result.outcome === "approved" || result.outcome === "pending") {
        // The order names the processor and its payment id as soon as there is one, so a callback finds it.
        await tx
          .update(orders)
          .set({ processorId: processor.id, paymentId: result.paymentId, paymentReference: result.outcome === "approved" ? (result.reference ?? null) : null, updatedAt: at })
          .where(eq(orders.id, order.id));
      }
      if (paymentUrl && paymentId) {
        // A link-based method: the customer pays at the processor, so the link goes out by e-mail (durably, with retries).
        const payload: PaymentLinkPayload = { orderId: order.id, paymentUrl, paymentId, processor: processor.name };
        await tx.insert(outbox).values({ topic: PAYMENT_LINK_EMAIL_TOPIC, orderId: order.id, payload: { ...payload }, runAt: at });
        await tx.insert(orderEvents).values({
          orderId: order.id, type: "payment", ...actorColumns(options.actor),
          message: `${processor.name}: payment link created; e-mailing it to ${order.customerEmail}`,
          data: { processorId: processor.id, processor: processor.name, kind: "payment_link", paymentId, paymentUrl, reason: options.reason },
          createdAt: at,
        });
      }
      if (result.outcome === "approved") {
        try {
          await changeOrderStatus(tx, processorActor(processor), order.id, "approved", { note: `Paid through ${processor.name}`, data: { paymentId: result.paymentId, reference: result.reference ?? null }, now: at });
        } catch (error) {
          // The money is taken but the order moved on meanwhile (cancelled, closed): say so loudly.
          if (!(error instanceof DomainError)) throw error;
          await noteError(tx, order.id, processorActor(processor), `${processor.name} approved payment ${result.paymentId} but the order could not be approved (${error.message}): check it and refund if needed`, { paymentId: result.paymentId }, at);
        }
      }
    });

    if (category === "technical") {
      if (await countFailure(db, processor, message, at)) {
        const off = `${processor.name} was switched off after ${processor.failureThreshold} technical failures in a row`;
        console.warn(`[payments] ${off}`);
        await noteError(db, order.id, { type: "system", name: "Payment router" }, off, { processorId: processor.id }, at);
      }
    } else {
      await resetFailures(db, processor);
    }

    if (result.outcome === "approved") return { result: "approved", message: `Approved by ${processor.name}`, attempts };
    if (result.outcome === "pending") {
      return { result: "pending", message: paymentUrl ? `Payment link created at ${processor.name} and e-mailed to the customer` : `${processor.name} is confirming the payment`, attempts, paymentUrl };
    }
    if (!triesNextProcessor(result.code)) break;
  }

  const last = attempts.at(-1);
  if (!last || attempts.every((a) => a.category === "technical")) {
    return { result: "retry", message: "Every eligible processor failed technically; the payment will be tried again", attempts };
  }
  const [current] = await db.select({ status: orders.status }).from(orders).where(and(eq(orders.id, order.id))).limit(1);
  if (current?.status === "pending") {
    await changeOrderStatus(db, { type: "system", name: "Payment router" }, order.id, "declined", {
      note: `Declined: ${last.processor} — ${last.message}${last.code ? ` (${last.code})` : ""}`,
      data: { code: last.code, category: last.category },
      now: now(),
    });
  }
  return { result: "declined", message: `Declined by ${last.processor}: ${last.message}`, attempts };
}
