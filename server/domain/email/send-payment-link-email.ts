import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { mailMessages, orderEvents, orders } from "../../../db/schema";
import type { JobHandler } from "../../jobs/worker";
import { moneyHeld } from "../orders/status-machine";
import type { PaymentMethod } from "../orders/order-statuses";
import { renderPaymentLinkEmail } from "./payment-link-email";
import type { MailSettings } from "./send-status-email";
import { emailLocaleOf } from "./status-email";

export const PAYMENT_LINK_EMAIL_TOPIC = "email.payment_link";

/** The outbox payload, written by the cascade in the same transaction as the link's payment row. */
export const paymentLinkPayloadSchema = z.object({
  orderId: z.string().min(1),
  paymentUrl: z.url(),
  paymentId: z.string().min(1),
  processor: z.string().min(1),
});
export type PaymentLinkPayload = z.infer<typeof paymentLinkPayloadSchema>;

async function logEvent(db: Db, orderId: string, type: "email" | "error", message: string, data: Record<string, unknown>, at: Date) {
  await db.insert(orderEvents).values({ orderId, type, actorType: "system", actorName: "Mailer", message, data, createdAt: at });
}

/**
 * The worker's handler for "email.payment_link": e-mails the customer the link a link-based
 * processor (PayPal, crypto, eCheck) made for the order. Like the status e-mails: one mail row
 * per outbox job (a retry reuses it, a sent one is not sent again), every outcome on the order's
 * log. A link for an order paid meanwhile is not sent.
 */
export function paymentLinkEmailHandler(settings: MailSettings): JobHandler {
  return async (db, job, context) => {
    const parsed = paymentLinkPayloadSchema.safeParse(job.payload);
    if (!parsed.success) return;
    const { orderId, paymentUrl, paymentId, processor } = parsed.data;
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId)).limit(1);
    if (!order) return;

    const [existing] = await db.select().from(mailMessages).where(eq(mailMessages.outboxId, job.id)).limit(1);
    if (existing && (existing.status === "sent" || existing.status === "skipped")) return;
    if (!existing && moneyHeld(order)) {
      await logEvent(db, orderId, "email", `The payment link of ${processor} was not e-mailed: the order is paid already`, { paymentId }, context.now);
      return;
    }

    let mail = existing;
    if (!mail) {
      const locale = emailLocaleOf(order.language, order.locale);
      const rendered = await renderPaymentLinkEmail({
        locale,
        firstName: order.customerFirstName,
        shopDomain: order.shopDomain ?? "",
        shopOrderId: order.shopOrderId,
        totalMinor: order.totalMinor,
        currency: order.currency,
        method: order.paymentMethod as PaymentMethod,
        paymentUrl,
      });
      [mail] = await db
        .insert(mailMessages)
        .values({
          outboxId: job.id, orderId, kind: "payment_link", toAddress: order.customerEmail, fromAddress: settings.from,
          subject: rendered.subject, html: rendered.html, text: rendered.text, locale, status: "queued",
          transport: settings.transport.name, messageId: `<outbox-${job.id}.${orderId}@t3crm>`,
        })
        .returning();
    }
    if (!mail) throw new Error("mail row not written");

    try {
      const { providerId } = await settings.transport.send({ from: mail.fromAddress, to: mail.toAddress, subject: mail.subject, html: mail.html, text: mail.text, messageId: mail.messageId });
      await db.update(mailMessages).set({ status: "sent", providerId, sentAt: context.now, attempts: job.attempts, error: null }).where(eq(mailMessages.id, mail.id));
      await logEvent(db, orderId, "email", `Payment link of ${processor} e-mailed to ${mail.toAddress} (${settings.transport.name})`, { mailId: mail.id, paymentId, paymentUrl, attempt: job.attempts }, context.now);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const retry = context.nextRunIfFailed;
      await db.update(mailMessages).set({ status: retry ? "retrying" : "failed", error: reason.slice(0, 1000), attempts: job.attempts }).where(eq(mailMessages.id, mail.id));
      await logEvent(db, orderId, "error", `Payment link e-mail to ${mail.toAddress} failed (attempt ${job.attempts}): ${reason}${retry ? `; next try at ${retry.toISOString()}` : "; giving up"}`, { mailId: mail.id, paymentId }, context.now);
      throw error;
    }
  };
}
