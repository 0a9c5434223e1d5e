import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../db/client";
import { companies, mailMessages, users } from "../../../db/schema";
import type { JobHandler } from "../../jobs/worker";
import { managerQuestionPayloadSchema } from "../companies/personal-manager";
import type { MailSettings } from "./send-status-email";
import type { EmailLocale } from "./status-email";

/** The e-mail's words in the manager's language. */
export function managerQuestionTexts(
  locale: EmailLocale,
  data: { companyName: string; inn: string; buyerName: string; buyerEmail: string | null; buyerPhone: string | null; topic?: string; kind?: "question" | "reconciliation" },
) {
  const ru = locale === "ru";
  const act = data.kind === "reconciliation";
  const subject = act
    ? ru ? `Запрос акта сверки от ${data.companyName}` : `Reconciliation act requested by ${data.companyName}`
    : ru ? `Вопрос от ${data.companyName}${data.topic ? `: ${data.topic}` : ""}` : `Question from ${data.companyName}${data.topic ? `: ${data.topic}` : ""}`;
  const intro = act
    ? ru ? `${data.buyerName} запросил акт сверки взаиморасчётов в кабинете покупателя. Ответ на это письмо уйдёт покупателю.` : `${data.buyerName} asked for a reconciliation act in the buyer cabinet. Replying to this e-mail answers the buyer.`
    : ru ? `${data.buyerName} задал вопрос в кабинете покупателя. Ответ на это письмо уйдёт покупателю.` : `${data.buyerName} asked a question in the buyer cabinet. Replying to this e-mail answers the buyer.`;
  return {
    subject,
    intro,
    facts: [
      { label: ru ? "Компания" : "Company", value: `${data.companyName} (${ru ? "ИНН" : "INN"} ${data.inn})` },
      { label: ru ? "Покупатель" : "Buyer", value: data.buyerName },
      { label: "E-mail", value: data.buyerEmail ?? "—" },
      { label: ru ? "Телефон" : "Phone", value: data.buyerPhone ? `+${data.buyerPhone}` : "—" },
    ],
    questionLabel: act ? (ru ? "Период" : "Period") : ru ? "Вопрос" : "Question",
    footer: ru ? "Письмо отправлено T3 CRM, потому что вы — персональный менеджер этой компании." : "Sent by T3 CRM because you are this company's personal manager.",
  };
}

async function renderQuestion(db: Db, payload: z.output<typeof managerQuestionPayloadSchema>) {
  const [[manager], [buyer], [company]] = await Promise.all([
    db.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, payload.managerId)),
    db.select({ name: users.name, email: users.email, phone: users.phone }).from(users).where(eq(users.id, payload.buyerId)),
    db.select({ name: companies.name, inn: companies.inn }).from(companies).where(eq(companies.id, payload.companyId)),
  ]);
  if (!manager?.email || !buyer || !company) return null;
  const locale: EmailLocale = manager.locale === "ru" ? "ru" : "en";
  const texts = managerQuestionTexts(locale, { companyName: company.name, inn: company.inn, buyerName: buyer.name, buyerEmail: buyer.email, buyerPhone: buyer.phone, topic: payload.topic, kind: payload.kind });
  const [{ createElement }, { render }, { ManagerQuestionEmail }] = await Promise.all([import("react"), import("@react-email/render"), import("../../../emails/manager-question-email")]);
  const element = createElement(ManagerQuestionEmail, { locale, ...texts, question: payload.question });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { to: manager.email, replyTo: buyer.email ?? undefined, subject: texts.subject, html, text, locale };
}

/**
 * The worker's handler for "email.manager_question": one mail row per outbox job (a retry
 * reuses it; a sent one is never sent again), visible in the staff mail log.
 */
export function managerQuestionHandler(settings: MailSettings): JobHandler {
  return async (db, job, context) => {
    const parsed = managerQuestionPayloadSchema.safeParse(job.payload);
    if (!parsed.success) return;
    let [mail] = await db.select().from(mailMessages).where(eq(mailMessages.outboxId, job.id)).limit(1);
    if (mail && (mail.status === "sent" || mail.status === "skipped")) return;
    let replyTo: string | undefined;
    if (!mail) {
      const rendered = await renderQuestion(db, parsed.data);
      if (!rendered) return; // the manager, buyer or company is gone: nothing to deliver
      replyTo = rendered.replyTo;
      [mail] = await db
        .insert(mailMessages)
        .values({
          outboxId: job.id, kind: parsed.data.kind === "reconciliation" ? "reconciliation_request" : "manager_question", toAddress: rendered.to, fromAddress: settings.from, subject: rendered.subject, html: rendered.html,
          text: rendered.text, locale: rendered.locale, status: "queued", transport: settings.transport.name, messageId: `<outbox-${job.id}.question@t3crm>`,
        })
        .returning();
    } else {
      const [buyer] = await db.select({ email: users.email }).from(users).where(eq(users.id, parsed.data.buyerId));
      replyTo = buyer?.email ?? undefined;
    }
    if (!mail) throw new Error("mail row not written");
    try {
      const { providerId } = await settings.transport.send({ from: mail.fromAddress, to: mail.toAddress, replyTo, subject: mail.subject, html: mail.html, text: mail.text, messageId: mail.messageId });
      await db.update(mailMessages).set({ status: "sent", providerId, sentAt: context.now, attempts: job.attempts, error: null }).where(eq(mailMessages.id, mail.id));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db.update(mailMessages).set({ status: context.nextRunIfFailed ? "retrying" : "failed", error: reason.slice(0, 1000), attempts: job.attempts }).where(eq(mailMessages.id, mail.id));
      throw error;
    }
  };
}
