import { and, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { companies, outbox, users } from "@/db/schema";
import { DomainError } from "../errors";
import { getActiveCompany } from "./active-company";

export const MANAGER_QUESTION_TOPIC = "email.manager_question";
/** Questions one buyer may send per hour: enough for real work, not for flooding a manager's inbox. */
export const QUESTIONS_PER_HOUR = 10;

export interface PersonalManager {
  companyId: string;
  companyName: string;
  name: string;
  email: string | null;
  phone: string | null;
}

/** The active (not deactivated) manager of a company, with the id the outbox job needs. */
async function managerOfCompany(db: Db, companyId: string) {
  const [row] = await db
    .select({ managerId: users.id, companyId: companies.id, companyName: companies.name, name: users.name, email: users.email, phone: users.phone, isActive: users.isActive })
    .from(companies)
    .innerJoin(users, eq(users.id, companies.managerId))
    .where(eq(companies.id, companyId));
  return row?.isActive ? row : null;
}

/** The staff manager serving the buyer's active company, with contacts; null when none is assigned. */
export async function personalManager(db: Db, userId: string): Promise<PersonalManager | null> {
  const active = await getActiveCompany(db, userId);
  const row = active ? await managerOfCompany(db, active.companyId) : null;
  if (!row) return null;
  return { companyId: row.companyId, companyName: row.companyName, name: row.name, email: row.email, phone: row.phone };
}

export const askManagerSchema = z.object({
  topic: z.string().trim().max(200, { error: "topic: at most 200 characters" }).optional(),
  question: z.string({ error: "question: write your question" }).trim().min(5, { error: "question: at least 5 characters" }).max(4000, { error: "question: at most 4,000 characters" }),
});
export type AskManagerInput = z.input<typeof askManagerSchema>;

export const managerQuestionPayloadSchema = z.object({
  buyerId: z.uuid(),
  companyId: z.uuid(),
  managerId: z.uuid(),
  topic: z.string().optional(),
  /** A question typed by the buyer, or a reconciliation-act request (question = the period). */
  kind: z.enum(["question", "reconciliation"]).default("question"),
  question: z.string(),
});
export type ManagerQuestionPayload = z.input<typeof managerQuestionPayloadSchema>;

/**
 * Queues the buyer's question as an e-mail to the personal manager (the worker sends it, retried,
 * and it stays in the mail log). Refused without a manager, without an e-mail to write to, or
 * beyond QUESTIONS_PER_HOUR.
 */
export async function askManager(db: Db, userId: string, raw: AskManagerInput, now = new Date()): Promise<{ queued: true; managerName: string }> {
  const input = askManagerSchema.parse(raw);
  const active = await getActiveCompany(db, userId);
  if (!active) throw new DomainError("PRECONDITION_FAILED", "You are not a member of any company yet");
  const manager = await managerOfCompany(db, active.companyId);
  if (!manager) throw new DomainError("PRECONDITION_FAILED", "Your company has no personal manager yet");
  if (!manager.email) throw new DomainError("PRECONDITION_FAILED", "Your manager has no e-mail address; call them instead");
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const [recent] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(outbox)
    .where(and(eq(outbox.topic, MANAGER_QUESTION_TOPIC), gte(outbox.createdAt, hourAgo), sql`${outbox.payload}->>'buyerId' = ${userId}`));
  if ((recent?.n ?? 0) >= QUESTIONS_PER_HOUR) {
    throw new DomainError("RATE_LIMITED", `At most ${QUESTIONS_PER_HOUR} questions an hour; try again later`, { retryAfterSeconds: 3600 });
  }
  const payload: ManagerQuestionPayload = { buyerId: userId, companyId: active.companyId, managerId: manager.managerId, topic: input.topic || undefined, question: input.question };
  await db.insert(outbox).values({ topic: MANAGER_QUESTION_TOPIC, payload, runAt: now, createdAt: now });
  return { queued: true, managerName: manager.name };
}
