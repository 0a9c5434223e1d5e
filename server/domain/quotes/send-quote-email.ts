import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { mailMessages, users } from "@/db/schema";
import type { JobHandler } from "../../jobs/worker";
import type { MailSettings } from "../email/send-status-email";
import { formatMoney, type EmailLocale } from "../email/status-email";
import { quotePdf } from "./quote-documents";
import { quoteDetails } from "./quotes";

const payloadSchema = z.object({ quoteId: z.uuid() });

/** The e-mail's words in the buyer's language. */
export function quoteSentTexts(locale: EmailLocale, data: { number: string; companyName: string; totalMinor: number; currency: string; validUntil: string; managerName: string | null }) {
  const ru = locale === "ru";
  return {
    subject: ru ? `Коммерческое предложение ${data.number}` : `Quote ${data.number}`,
    intro: ru
      ? `Ваш менеджер подготовил коммерческое предложение для ${data.companyName}. PDF во вложении; принять его в заказ можно в кабинете до окончания срока.`
      : `Your manager has prepared a quote for ${data.companyName}. The PDF is attached; accept it into an order in your cabinet before it expires.`,
    facts: [
      { label: ru ? "Сумма" : "Total", value: formatMoney(data.totalMinor, data.currency, locale) },
      { label: ru ? "Действительно до" : "Valid until", value: data.validUntil },
      { label: ru ? "Менеджер" : "Manager", value: data.managerName ?? "—" },
    ],
    buttonLabel: ru ? "Открыть КП" : "Open the quote",
    footer: ru ? "Письмо отправлено T3 CRM по запросу коммерческого предложения." : "Sent by T3 CRM because a quote was requested.",
  };
}

/** The worker's handler for "email.quote_sent": one mail row per job, the quote PDF attached. */
export function quoteSentEmailHandler(settings: MailSettings & { appBaseUrl: string }): JobHandler {
  return async (db: Db, job, context) => {
    const parsed = payloadSchema.safeParse(job.payload);
    if (!parsed.success) return;
    const [existing] = await db.select().from(mailMessages).where(eq(mailMessages.outboxId, job.id)).limit(1);
    if (existing && (existing.status === "sent" || existing.status === "skipped")) return;
    const quote = await quoteDetails(db, { kind: "system" }, parsed.data.quoteId, context.now);
    const [buyer] = quote.buyerId ? await db.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, quote.buyerId)) : [];
    if (!buyer?.email) return; // a buyer without e-mail still has the in-app notification
    const locale: EmailLocale = buyer.locale === "ru" ? "ru" : "en";
    const texts = quoteSentTexts(locale, {
      number: quote.number, companyName: quote.company.name, totalMinor: quote.totalMinor, currency: quote.currency,
      validUntil: quote.validUntil?.toISOString().slice(0, 10) ?? "—", managerName: quote.managerName,
    });
    const [{ createElement }, { render }, { QuoteSentEmail }] = await Promise.all([import("react"), import("@react-email/render"), import("../../../emails/quote-sent-email")]);
    const element = createElement(QuoteSentEmail, { locale, ...texts, url: `${settings.appBaseUrl}/b2b/quotes/${quote.id}` });
    const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
    const mail =
      existing ??
      (
        await db
          .insert(mailMessages)
          .values({
            outboxId: job.id, kind: "quote_sent", toAddress: buyer.email, fromAddress: settings.from, subject: texts.subject, html, text, locale,
            status: "queued", transport: settings.transport.name, messageId: `<outbox-${job.id}.quote@t3crm>`,
          })
          .returning()
      )[0]!;
    const pdf = await quotePdf(db, { kind: "system" }, quote.id, context.now);
    try {
      const { providerId } = await settings.transport.send({
        from: mail.fromAddress, to: mail.toAddress, subject: mail.subject, html: mail.html, text: mail.text, messageId: mail.messageId,
        attachments: [{ filename: pdf.fileName, content: pdf.content, contentType: "application/pdf" }],
      });
      await db.update(mailMessages).set({ status: "sent", providerId, sentAt: context.now, attempts: job.attempts, error: null }).where(eq(mailMessages.id, mail.id));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db.update(mailMessages).set({ status: context.nextRunIfFailed ? "retrying" : "failed", error: reason.slice(0, 1000), attempts: job.attempts }).where(eq(mailMessages.id, mail.id));
      throw error;
    }
  };
}
