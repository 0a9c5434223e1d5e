import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { buyerProfiles, companyMembers, impersonations, userSessions, users } from "@/db/schema";
import { IDLE_SESSION_MS, type ActiveSession } from "../auth/sessions";
import { recordAudit } from "../audit/record-audit";
import { assertCompanyInScope, type CompanyActor } from "../companies/company-scope";
import { DomainError, notFound } from "../errors";

export interface ImpersonationStarter extends CompanyActor {
  sessionId: string;
}

/**
 * Starts "log in as this client": the staff user gets a session of the buyer's own (so every
 * buyer page and procedure works unchanged and sees exactly what the buyer sees), tied to the
 * real staff user and to the staff session the one-click "back" returns to. Only a buyer of a
 * company within the staff user's scope; the buyer works for that company while impersonated.
 */
export async function startImpersonation(db: Db, actor: ImpersonationStarter, input: { companyId: string; buyerUserId: string }, now = new Date()): Promise<{ buyerSessionId: string; expiresAt: Date }> {
  await assertCompanyInScope(db, actor, input.companyId);
  const [buyer] = await db
    .select({ id: users.id, kind: users.kind, isActive: users.isActive, name: users.name })
    .from(users)
    .innerJoin(companyMembers, and(eq(companyMembers.userId, users.id), eq(companyMembers.companyId, input.companyId)))
    .where(eq(users.id, input.buyerUserId));
  if (!buyer || buyer.kind !== "buyer") throw notFound("Buyer");
  if (!buyer.isActive) throw new DomainError("PRECONDITION_FAILED", "This user is deactivated", { field: "buyerUserId" });

  const buyerSessionId = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + IDLE_SESSION_MS);
  await db.transaction(async (tx) => {
    await tx.insert(userSessions).values({ id: buyerSessionId, userId: buyer.id, remember: false, ip: actor.ip, userAgent: "impersonation", createdAt: now, lastSeenAt: now, expiresAt });
    await tx.insert(impersonations).values({ staffUserId: actor.id, staffSessionId: actor.sessionId, buyerUserId: buyer.id, buyerSessionId, companyId: input.companyId, startedAt: now });
    await tx
      .insert(buyerProfiles)
      .values({ userId: buyer.id, activeCompanyId: input.companyId })
      .onConflictDoUpdate({ target: buyerProfiles.userId, set: { activeCompanyId: input.companyId, updatedAt: now } });
    await recordAudit(tx, { actorId: actor.id, action: "impersonation.start", targetType: "user", targetId: buyer.id, details: { companyId: input.companyId, buyer: buyer.name }, ip: actor.ip });
  });
  return { buyerSessionId, expiresAt };
}

/** Ends an impersonation by its buyer session: the session dies at once; returns where to go back. */
export async function endImpersonation(db: Db, buyerSessionId: string, ip?: string, now = new Date()): Promise<{ staffSessionId: string; companyId: string } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(impersonations)
      .set({ endedAt: now })
      .where(and(eq(impersonations.buyerSessionId, buyerSessionId), isNull(impersonations.endedAt)))
      .returning();
    if (!row) return null;
    await tx.update(userSessions).set({ revokedAt: now }).where(eq(userSessions.id, buyerSessionId));
    await recordAudit(tx, { actorId: row.staffUserId, action: "impersonation.end", targetType: "user", targetId: row.buyerUserId, details: { companyId: row.companyId, minutes: Math.round((now.getTime() - row.startedAt.getTime()) / 60_000) }, ip });
    return { staffSessionId: row.staffSessionId, companyId: row.companyId };
  });
}

/** Password, two-factor and API keys stay the buyer's own business: refused while a staff user is logged in as him. */
export function assertNotImpersonating(session: Pick<ActiveSession, "impersonator">): void {
  if (session.impersonator) throw new DomainError("FORBIDDEN", "Not while logged in as the client");
}

/** The real person behind a buyer request: the staff user when impersonating, else the buyer. */
export function realActorId(session: Pick<ActiveSession, "impersonator" | "user">): string {
  return session.impersonator?.id ?? session.user.id;
}

/** The company's active buyers a staff user may log in as (within his scope). */
export async function impersonationCandidates(db: Db, actor: CompanyActor, companyId: string) {
  await assertCompanyInScope(db, actor, companyId);
  return db
    .select({ id: users.id, name: users.name, email: users.email, isOwner: companyMembers.isOwner })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .where(and(eq(companyMembers.companyId, companyId), eq(users.kind, "buyer"), eq(users.isActive, true)))
    .orderBy(desc(companyMembers.isOwner), asc(users.name));
}
