import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { emailTemplates } from "../../../db/schema";
import { badInput } from "../errors";
import { DEFAULT_TEMPLATES, EMAIL_STATUSES, type EmailLocale } from "./status-email";

export type EmailStatus = (typeof EMAIL_STATUSES)[number];
export const EMAIL_LOCALES: readonly EmailLocale[] = ["en", "ru"];

export interface EffectiveTemplate {
  status: EmailStatus;
  locale: EmailLocale;
  subject: string;
  body: string;
  enabled: boolean;
  customized: boolean;
  updatedAt: Date | null;
}

export function isEmailStatus(status: string): status is EmailStatus {
  return (EMAIL_STATUSES as readonly string[]).includes(status);
}

/** The admin's wording if there is one, else the built-in text. */
export async function effectiveTemplate(db: Db, status: EmailStatus, locale: EmailLocale): Promise<EffectiveTemplate> {
  const [row] = await db
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.status, status), eq(emailTemplates.locale, locale)))
    .limit(1);
  if (row) return { status, locale, subject: row.subject, body: row.body, enabled: row.enabled, customized: true, updatedAt: row.updatedAt };
  return { status, locale, ...DEFAULT_TEMPLATES[status][locale], enabled: true, customized: false, updatedAt: null };
}

export async function listTemplates(db: Db): Promise<EffectiveTemplate[]> {
  const rows = await db.select().from(emailTemplates);
  return EMAIL_STATUSES.flatMap((status) =>
    EMAIL_LOCALES.map((locale) => {
      const row = rows.find((r) => r.status === status && r.locale === locale);
      return row
        ? { status, locale, subject: row.subject, body: row.body, enabled: row.enabled, customized: true, updatedAt: row.updatedAt }
        : { status, locale, ...DEFAULT_TEMPLATES[status][locale], enabled: true, customized: false, updatedAt: null };
    }),
  );
}

export async function saveTemplate(
  db: Db,
  input: { status: EmailStatus; locale: EmailLocale; subject: string; body: string; enabled: boolean },
  actorId: string,
): Promise<void> {
  if (!input.subject.trim()) throw badInput("The subject must not be empty", "subject");
  if (!input.body.trim()) throw badInput("The text must not be empty", "body");
  const values = { ...input, updatedBy: actorId, updatedAt: new Date() };
  await db
    .insert(emailTemplates)
    .values(values)
    .onConflictDoUpdate({ target: [emailTemplates.status, emailTemplates.locale], set: values });
}

/** Back to the built-in text (keeps nothing of the admin's version). */
export async function resetTemplate(db: Db, status: EmailStatus, locale: EmailLocale): Promise<void> {
  await db.delete(emailTemplates).where(and(eq(emailTemplates.status, status), eq(emailTemplates.locale, locale)));
}
