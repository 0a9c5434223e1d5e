import { eq } from "drizzle-orm";
import { z } from "zod";
import { mailMessages, smsMessages, users } from "../../../db/schema";
import type { SmsProvider } from "../../integrations/sms";
import type { JobHandler } from "../../jobs/worker";
import type { MailSettings } from "../email/send-status-email";

const localized = z.object({ en: z.string(), ru: z.string() });

/**
 * A channel job of the notification matrix: for a user (userId), or for an address without an
 * account (to + locale: a registration applicant).
 */
export const channelJobSchema = z.object({
  userId: z.uuid().optional(),
  to: z.string().optional(),
  locale: z.enum(["en", "ru"]).optional(),
  event: z.string(),
  title: localized,
  body: localized.nullable().optional(),
  link: z.string().nullable().optional(),
});
export type ChannelJob = z.infer<typeof channelJobSchema>;

type Locale = "en" | "ru";

/** The link as an absolute URL: a path inside the app gets the app's base URL. */
function absoluteLink(link: string | null | undefined, baseUrl: string): string | null {
  if (!link) return null;
  return link.startsWith("/") ? `${baseUrl}${link}` : link;
}

export async function renderNotificationEmail(job: ChannelJob, locale: Locale, baseUrl: string) {
  const ru = locale === "ru";
  const [{ createElement }, { render }, { NotificationEmail }] = await Promise.all([import("react"), import("@react-email/render"), import("../../../emails/notification-email")]);
  const element = createElement(NotificationEmail, {
    locale,
    title: job.title[locale],
    body: job.body?.[locale] ?? null,
    link: absoluteLink(job.link, baseUrl),
    linkLabel: ru ? "Открыть" : "Open",
    footer: ru ? "Письмо отправлено T3 CRM. Какие уведомления получать, можно выбрать в профиле." : "Sent by T3 CRM. Choose which notifications you get in your profile.",
  });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: job.title[locale], html, text };
}

/** "notification.email": one mail_messages row per job (kind "notification"), visible in the staff mail log. */
export function notificationEmailHandler(settings: MailSettings & { baseUrl: string }): JobHandler {
  return async (db, job, context) => {
    const parsed = channelJobSchema.safeParse(job.payload);
    if (!parsed.success) return;
    const payload = parsed.data;
    let [mail] = await db.select().from(mailMessages).where(eq(mailMessages.outboxId, job.id)).limit(1);
    if (mail && (mail.status === "sent" || mail.status === "skipped")) return;
    if (!mail) {
      let to = payload.to ?? null;
      let locale: Locale = payload.locale ?? "en";
      if (payload.userId) {
        const [user] = await db.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, payload.userId));
        to = user?.email ?? null;
        locale = user?.locale === "ru" ? "ru" : "en";
      }
      if (!to) return; // no address any more: nothing to deliver
      const rendered = await renderNotificationEmail(payload, locale, settings.baseUrl);
      [mail] = await db
        .insert(mailMessages)
        .values({
          outboxId: job.id, kind: "notification", toAddress: to, fromAddress: settings.from, subject: rendered.subject, html: rendered.html, text: rendered.text,
          locale, status: "queued", transport: settings.transport.name, messageId: `<outbox-${job.id}.notification@t3crm>`,
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

/** The SMS text: title and body in the recipient's language, one line each, cut to two segments' worth. */
export function smsText(job: ChannelJob, locale: Locale): string {
  const parts = [job.title[locale], job.body?.[locale]].filter(Boolean);
  return parts.join("\n").slice(0, 300);
}

/** "notification.sms": one sms_messages row per job; a retry reuses it, a sent one is never sent again. */
export function notificationSmsHandler(provider: SmsProvider): JobHandler {
  return async (db, job, context) => {
    const parsed = channelJobSchema.safeParse(job.payload);
    if (!parsed.success || !parsed.data.userId) return;
    let [sms] = await db.select().from(smsMessages).where(eq(smsMessages.outboxId, job.id)).limit(1);
    if (sms?.status === "sent") return;
    if (!sms) {
      const [user] = await db.select({ phone: users.phone, locale: users.locale }).from(users).where(eq(users.id, parsed.data.userId));
      if (!user?.phone) return;
      [sms] = await db
        .insert(smsMessages)
        .values({ outboxId: job.id, userId: parsed.data.userId, phone: user.phone, text: smsText(parsed.data, user.locale === "ru" ? "ru" : "en"), provider: provider.name })
        .returning();
    }
    if (!sms) throw new Error("sms row not written");
    try {
      const { providerId } = await provider.send({ phone: sms.phone, text: sms.text });
      await db.update(smsMessages).set({ status: "sent", providerId, sentAt: context.now, error: null }).where(eq(smsMessages.id, sms.id));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db.update(smsMessages).set({ status: context.nextRunIfFailed ? "queued" : "failed", error: reason.slice(0, 1000) }).where(eq(smsMessages.id, sms.id));
      throw error;
    }
  };
}
