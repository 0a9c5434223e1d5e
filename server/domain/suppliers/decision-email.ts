import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { mailMessages, supplierMembers, suppliers, users } from "../../../db/schema";
import type { JobHandler } from "../../jobs/worker";
import type { MailSettings } from "../email/send-status-email";
import type { EmailLocale } from "../email/status-email";

export const SUPPLIER_DECISION_TOPIC = "email.supplier_decision";

export const supplierDecisionPayloadSchema = z.object({
  supplierId: z.uuid(),
  decision: z.enum(["approved", "rejected", "blocked"]),
  reason: z.string().nullable(),
});
export type SupplierDecisionPayload = z.input<typeof supplierDecisionPayloadSchema>;

/** The e-mail's words in the applicant's language. */
export function supplierDecisionTexts(locale: EmailLocale, data: { supplierName: string; decision: SupplierDecisionPayload["decision"]; loginUrl: string }) {
  const ru = locale === "ru";
  const n = data.supplierName;
  const subject = {
    approved: ru ? `Заявка поставщика ${n} одобрена` : `Supplier application of ${n} approved`,
    rejected: ru ? `Заявка поставщика ${n} отклонена` : `Supplier application of ${n} rejected`,
    blocked: ru ? `Кабинет поставщика ${n} заблокирован` : `Supplier cabinet of ${n} blocked`,
  }[data.decision];
  const intro = {
    approved: ru
      ? "Мы проверили реквизиты и документы. Кабинет поставщика открыт: войдите с e-mail и паролем, указанными в заявке."
      : "We have checked your requisites and documents. Your supplier cabinet is open: log in with the e-mail and password from your application.",
    rejected: ru ? "К сожалению, мы не можем принять заявку." : "Unfortunately we cannot accept your application.",
    blocked: ru ? "Доступ к кабинету поставщика приостановлен." : "Access to your supplier cabinet has been suspended.",
  }[data.decision];
  return {
    subject,
    intro,
    reasonLabel: ru ? "Причина" : "Reason",
    buttonLabel: data.decision === "approved" ? (ru ? "Войти в кабинет" : "Log in to the cabinet") : null,
    buttonUrl: data.decision === "approved" ? data.loginUrl : null,
    footer: ru ? "Письмо отправлено T3 CRM в ответ на заявку поставщика." : "Sent by T3 CRM in reply to a supplier application.",
  };
}

async function renderDecision(db: Db, payload: z.output<typeof supplierDecisionPayloadSchema>, appBaseUrl: string) {
  const [supplier] = await db.select({ name: suppliers.name, email: suppliers.contactEmail }).from(suppliers).where(eq(suppliers.id, payload.supplierId));
  if (!supplier?.email) return null;
  // The applicant's language is the owner's login locale (chosen on the form).
  const [owner] = await db
    .select({ locale: users.locale })
    .from(supplierMembers)
    .innerJoin(users, eq(users.id, supplierMembers.userId))
    .where(and(eq(supplierMembers.supplierId, payload.supplierId), eq(supplierMembers.isOwner, true)))
    .limit(1);
  const locale: EmailLocale = owner?.locale === "en" ? "en" : "ru";
  const texts = supplierDecisionTexts(locale, { supplierName: supplier.name, decision: payload.decision, loginUrl: `${appBaseUrl.replace(/\/$/, "")}/login` });
  const [{ createElement }, { render }, { SupplierDecisionEmail }] = await Promise.all([import("react"), import("@react-email/render"), import("../../../emails/supplier-decision-email")]);
  const element = createElement(SupplierDecisionEmail, { locale, ...texts, reason: payload.reason });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { to: supplier.email, subject: texts.subject, html, text, locale };
}

/** The worker's handler for "email.supplier_decision": one mail row per outbox job, visible in the staff mail log. */
export function supplierDecisionHandler(settings: MailSettings & { appBaseUrl: string }): JobHandler {
  return async (db, job, context) => {
    const parsed = supplierDecisionPayloadSchema.safeParse(job.payload);
    if (!parsed.success) return;
    let [mail] = await db.select().from(mailMessages).where(eq(mailMessages.outboxId, job.id)).limit(1);
    if (mail && (mail.status === "sent" || mail.status === "skipped")) return;
    if (!mail) {
      const rendered = await renderDecision(db, parsed.data, settings.appBaseUrl);
      if (!rendered) return; // the supplier is gone or has no e-mail: nothing to deliver
      [mail] = await db
        .insert(mailMessages)
        .values({
          outboxId: job.id, kind: "supplier_decision", toAddress: rendered.to, fromAddress: settings.from, subject: rendered.subject, html: rendered.html,
          text: rendered.text, locale: rendered.locale, status: "queued", transport: settings.transport.name, messageId: `<outbox-${job.id}.supplier@t3crm>`,
        })
        .returning();
    }
    if (!mail) throw new Error("mail row not written");
    try {
      const { providerId } = await settings.transport.send({ from: mail.fromAddress, to: mail.toAddress, subject: mail.subject, html: mail.html, text: mail.text, messageId: mail.messageId });
      await db.update(mailMessages).set({ status: "sent", providerId, sentAt: context.now, attempts: job.attempts, error: null }).where(eq(mailMessages.id, mail.id));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db.update(mailMessages).set({ status: context.nextRunIfFailed ? "retrying" : "failed", error: reason.slice(0, 1000), attempts: job.attempts }).where(eq(mailMessages.id, mail.id));
      throw error;
    }
  };
}
