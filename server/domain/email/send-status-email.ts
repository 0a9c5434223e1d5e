import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { mailMessages, orderEvents, orderItems, orders } from "../../../db/schema";
import type { MailTransport } from "../../integrations/mail/transport";
import { latestTracking } from "../fulfilment/tracking";
import type { JobHandler } from "../../jobs/worker";
import { emailLocaleOf, renderStatusEmail, trackingUrlFor, type StatusEmailData } from "./status-email";
import { effectiveTemplate, isEmailStatus } from "./templates";

export interface MailSettings {
  transport: MailTransport;
  from: string;
}

type Order = typeof orders.$inferSelect;

async function statusEmailData(db: Db, order: Order, status: StatusEmailData["status"], locale: StatusEmailData["locale"]): Promise<StatusEmailData> {
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.position));
  // The carrier and its link come from the shipment that carries the order's tracking number.
  const shipment = order.trackingNumber ? await latestTracking(db, order.id) : null;
  const sameParcel = shipment?.trackingNumber === order.trackingNumber ? shipment : null;
  return {
    status,
    locale,
    firstName: order.customerFirstName,
    lastName: order.customerLastName,
    shopDomain: order.shopDomain ?? "",
    shopOrderId: order.shopOrderId,
    currency: order.currency,
    items: items.map((i) => ({ name: i.name, option: i.option, optionValue: i.optionValue, bonus: i.bonus, quantity: i.quantity, lineTotalMinor: i.lineTotalMinor })),
    subtotalMinor: order.subtotalMinor,
    discountMinor: order.discountMinor,
    shippingMinor: order.shippingMinor,
    insuranceMinor: order.insuranceMinor,
    totalMinor: order.totalMinor,
    shippingAddress: order.shippingAddress,
    trackingNumber: order.trackingNumber,
    carrier: sameParcel?.carrier ?? null,
    trackingUrl: order.trackingNumber ? (sameParcel?.trackingUrl ?? trackingUrlFor(order.trackingNumber)) : null,
  };
}

/**
 * The worker's handler for "email.order_status": renders the status e-mail in the order's
 * language and sends it. One mail row per outbox job: a retried job reuses it, and a job whose
 * mail was already sent (the worker died before marking the job done) does not send again.
 * Every outcome is an event on the order's log.
 */
export function statusEmailHandler(settings: MailSettings): JobHandler {
  return async (db, job, context) => {
    const orderId = String(job.payload.orderId ?? job.orderId ?? "");
    const status = String(job.payload.status ?? "");
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId)).limit(1);
    if (!order || !isEmailStatus(status)) return;

    const [existing] = await db.select().from(mailMessages).where(eq(mailMessages.outboxId, job.id)).limit(1);
    if (existing && (existing.status === "sent" || existing.status === "skipped")) return;

    const locale = emailLocaleOf(order.language, order.locale);
    let mail = existing;
    if (!mail) {
      const template = await effectiveTemplate(db, status, locale);
      if (!template.enabled) {
        await db.insert(mailMessages).values({
          outboxId: job.id, orderId, kind: `status.${status}`, toAddress: order.customerEmail, fromAddress: settings.from,
          subject: template.subject, html: "", text: "", locale, status: "skipped", transport: settings.transport.name, messageId: "-",
        });
        await db.insert(orderEvents).values({ orderId, type: "email", actorType: "system", actorName: "Mailer", message: `The ${status} e-mail is switched off; nothing sent`, createdAt: context.now });
        return;
      }
      const rendered = await renderStatusEmail(template, await statusEmailData(db, order, status, locale));
      [mail] = await db
        .insert(mailMessages)
        .values({
          outboxId: job.id,
          orderId,
          kind: `status.${status}`,
          toAddress: order.customerEmail,
          fromAddress: settings.from,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          locale,
          status: "queued",
          transport: settings.transport.name,
          messageId: `<outbox-${job.id}.${orderId}@t3crm>`,
        })
        .returning();
    }
    if (!mail) throw new Error("mail row not written");

    try {
      const { providerId } = await settings.transport.send({
        from: mail.fromAddress, to: mail.toAddress, subject: mail.subject, html: mail.html, text: mail.text, messageId: mail.messageId,
      });
      await db.update(mailMessages).set({ status: "sent", providerId, sentAt: context.now, attempts: job.attempts, error: null }).where(eq(mailMessages.id, mail.id));
      await db.insert(orderEvents).values({
        orderId, type: "email", actorType: "system", actorName: "Mailer",
        message: `E-mail "${mail.subject}" sent to ${mail.toAddress} (${settings.transport.name})`,
        data: { mailId: mail.id, status, attempt: job.attempts }, createdAt: context.now,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const retry = context.nextRunIfFailed;
      await db.update(mailMessages).set({ status: retry ? "retrying" : "failed", error: reason.slice(0, 1000), attempts: job.attempts }).where(eq(mailMessages.id, mail.id));
      await db.insert(orderEvents).values({
        orderId, type: "error", actorType: "system", actorName: "Mailer",
        message: `E-mail "${mail.subject}" to ${mail.toAddress} failed (attempt ${job.attempts}): ${reason}${retry ? `; next try at ${retry.toISOString()}` : "; giving up"}`,
        data: { mailId: mail.id, status }, createdAt: context.now,
      });
      throw error;
    }
  };
}
