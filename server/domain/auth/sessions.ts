import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { companies, impersonations, supplierMembers, suppliers, userSessions, users } from "../../../db/schema";
import type { Role, UserKind } from "../../auth/roles";

export const REMEMBER_ME_MS = 30 * 24 * 60 * 60 * 1000;
/** A browser-session login also ends after this much inactivity, in case the browser never closes. */
export const IDLE_SESSION_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface SessionUser {
  id: string;
  kind: UserKind;
  role: Role;
  name: string;
  email: string | null;
  username: string | null;
  locale: string;
  totpEnabled: boolean;
  /**
   * Member of an approved supplier: opens the supplier cabinet whatever the role (a buyer who
   * also supplies switches cabinets). Computed per request, so approval or blocking applies at once.
   */
  supplierCabinet?: boolean;
}

export interface ActiveSession {
  sessionId: string;
  remember: boolean;
  expiresAt: Date;
  user: SessionUser;
  /** Set when a staff user works in this buyer's cabinet ("log in as this client"). */
  impersonator?: { id: string; name: string; companyId: string; companyName: string } | null;
}

export async function createSession(
  db: Db,
  input: { userId: string; remember: boolean; ip?: string; userAgent?: string },
  now = new Date(),
): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + (input.remember ? REMEMBER_ME_MS : IDLE_SESSION_MS));
  await db.insert(userSessions).values({
    id,
    userId: input.userId,
    remember: input.remember,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 500),
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { id, expiresAt };
}

/** The session named by the browser's token, if it is still valid and its user still active. */
export async function resolveSession(db: Db, sessionId: string, now = new Date()): Promise<ActiveSession | null> {
  const [row] = await db
    .select({
      session: userSessions,
      user: {
        id: users.id,
        kind: users.kind,
        role: users.role,
        name: users.name,
        email: users.email,
        username: users.username,
        locale: users.locale,
        totpEnabled: users.totpEnabled,
        isActive: users.isActive,
        supplierCabinet: sql<boolean>`exists (select 1 from ${supplierMembers} m join ${suppliers} s on s.id = m.supplier_id where m.user_id = ${users.id} and s.status = 'approved')`,
      },
      // Checked here so an ordinary buyer request costs no second query; only an impersonation loads its details.
      impersonated: sql<boolean>`exists (select 1 from ${impersonations} i where i.buyer_session_id = ${userSessions.id})`,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.id, sessionId))
    .limit(1);
  if (!row) return null;
  const { session, user, impersonated } = row;
  if (session.revokedAt || session.expiresAt <= now || !user.isActive) return null;

  let expiresAt = session.expiresAt;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    if (!session.remember) expiresAt = new Date(now.getTime() + IDLE_SESSION_MS);
    await db.update(userSessions).set({ lastSeenAt: now, expiresAt }).where(eq(userSessions.id, sessionId));
  }
  const { isActive: _active, supplierCabinet, ...rest } = user;
  // PGlite and postgres.js both return a boolean for exists(); Boolean() guards a driver that returns "t".
  const sessionUser: SessionUser = { ...rest, supplierCabinet: Boolean(supplierCabinet) };
  const impersonator = user.kind === "buyer" && Boolean(impersonated) ? await impersonatorOf(db, session.id) : null;
  if (impersonator === "ended") return null;
  return { sessionId: session.id, remember: session.remember, expiresAt, user: sessionUser, impersonator };
}

export async function revokeSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.update(userSessions).set({ revokedAt: now }).where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every session of a user (deactivation, password reset), optionally sparing the caller's own. */
export async function revokeUserSessions(db: Db, userId: string, options: { except?: string } = {}, now = new Date()): Promise<number> {
  const conditions = [eq(userSessions.userId, userId), isNull(userSessions.revokedAt)];
  if (options.except) conditions.push(ne(userSessions.id, options.except));
  const revoked = await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(...conditions))
    .returning({ id: userSessions.id });
  return revoked.length;
}

export async function countActiveSessions(db: Db, userId: string, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, now)));
  return row?.n ?? 0;
}

/** The staff user behind a buyer session, if it is an impersonation; "ended" once it was ended (the session is then dead). */
async function impersonatorOf(db: Db, sessionId: string): Promise<{ id: string; name: string; companyId: string; companyName: string } | null | "ended"> {
  const [row] = await db
    .select({ id: users.id, name: users.name, companyId: impersonations.companyId, companyName: companies.name, endedAt: impersonations.endedAt })
    .from(impersonations)
    .innerJoin(users, eq(users.id, impersonations.staffUserId))
    .innerJoin(companies, eq(companies.id, impersonations.companyId))
    .where(eq(impersonations.buyerSessionId, sessionId))
    .limit(1);
  if (!row) return null;
  if (row.endedAt) return "ended";
  return { id: row.id, name: row.name, companyId: row.companyId, companyName: row.companyName };
}
