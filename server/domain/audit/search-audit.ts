import { and, count, desc, eq, gte, ilike, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { auditLog, users } from "../../../db/schema";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = z.preprocess(blank, z.string().trim().max(200).optional());
const optionalDate = z.preprocess(blank, z.iso.date().optional());

export const searchAuditSchema = z.object({
  /** The actor's name, login or e-mail (part of it). */
  actor: optionalText,
  /** An action or its prefix, e.g. "company." */
  action: optionalText,
  /** A target type, or "type:id". */
  target: optionalText,
  from: optionalDate,
  to: optionalDate,
  /** Free text searched in the details (before/after included). */
  q: optionalText,
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});

const likeOf = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** The audit log, filtered and paginated, newest first, with the actor's name. */
export async function searchAudit(db: Db, rawInput: z.input<typeof searchAuditSchema>) {
  const input = searchAuditSchema.parse(rawInput);
  const [targetType, targetId] = input.target?.includes(":") ? input.target.split(":", 2) : [input.target, undefined];
  const where = and(
    input.actor ? or(ilike(users.name, likeOf(input.actor)), ilike(users.username, likeOf(input.actor)), ilike(users.email, likeOf(input.actor))) : undefined,
    input.action ? ilike(auditLog.action, `${input.action.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
    targetType ? eq(auditLog.targetType, targetType) : undefined,
    targetId ? eq(auditLog.targetId, targetId) : undefined,
    input.from ? gte(auditLog.createdAt, new Date(`${input.from}T00:00:00Z`)) : undefined,
    input.to ? lt(auditLog.createdAt, new Date(new Date(`${input.to}T00:00:00Z`).getTime() + 86_400_000)) : undefined,
    input.q ? sql`${auditLog.details}::text ilike ${likeOf(input.q)}` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: auditLog.id, createdAt: auditLog.createdAt, action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, details: auditLog.details, ip: auditLog.ip, actorId: auditLog.actorId, actorName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}
