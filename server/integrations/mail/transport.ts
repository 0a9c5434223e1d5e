import nodemailer from "nodemailer";
import { Resend } from "resend";

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per outbox job, so a receiving server can drop a copy sent twice after a crash. */
  messageId: string;
  /** Where the recipient's "Reply" goes (a buyer's question answered straight to the buyer). */
  replyTo?: string;
  /** Files to attach (the e-mail shipper's CSV/XLSX). */
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

export interface MailTransport {
  name: "smtp" | "resend" | "mailbox";
  send(mail: OutgoingMail): Promise<{ providerId: string | null }>;
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async send(mail) {
      const info = await transporter.sendMail({ ...mail, headers: {} });
      return { providerId: info.messageId ?? null };
    },
  };
}

export function resendTransport(apiKey: string): MailTransport {
  const client = new Resend(apiKey);
  return {
    name: "resend",
    async send(mail) {
      const { data, error } = await client.emails.send({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        replyTo: mail.replyTo,
        headers: { "Message-ID": mail.messageId },
        attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
        // A job retried after a crash between the send and its bookkeeping is not sent twice (Resend keeps keys 24 h).
      }, { idempotencyKey: mail.messageId });
      if (error) throw new Error(`Resend: ${error.message}`);
      return { providerId: data?.id ?? null };
    },
  };
}

/** No mail server configured (the embedded demo): messages stay in the mail log, readable in the UI. */
export const mailboxTransport: MailTransport = {
  name: "mailbox",
  async send() {
    return { providerId: null };
  },
};

export function transportFromEnv(env: { smtpUrl?: string; resendApiKey?: string }): MailTransport {
  if (env.smtpUrl) return smtpTransport(env.smtpUrl);
  if (env.resendApiKey) return resendTransport(env.resendApiKey);
  return mailboxTransport;
}
