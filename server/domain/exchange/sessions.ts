import { randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { exchangeSessions, type ExchangeSessionState } from "../../../db/schema";
import { hashToken } from "../crypto/token-hash";

export const EXCHANGE_COOKIE = "t3_exchange";
const LIFETIME_MS = 60 * 60 * 1000;


export type ExchangeSession = typeof exchangeSessions.$inferSelect;

/** Opens a session after checkauth; the cookie value is returned once, only its hash is kept. */
export async function openExchangeSession(db: Db, login: string, now = new Date()): Promise<{ token: string; session: ExchangeSession }> {
  const token = randomBytes(32).toString("base64url");
  await db.delete(exchangeSessions).where(lt(exchangeSessions.expiresAt, now));
  const [session] = await db
    .insert(exchangeSessions)
    .values({ tokenHash: hashToken(token), login, expiresAt: new Date(now.getTime() + LIFETIME_MS) })
    .returning();
  return { token, session: session! };
}

/** The live session of this cookie value, its lifetime extended; null when unknown or expired. */
export async function findExchangeSession(db: Db, token: string, now = new Date()): Promise<ExchangeSession | null> {
  const [session] = await db
    .update(exchangeSessions)
    .set({ expiresAt: new Date(now.getTime() + LIFETIME_MS) })
    .where(and(eq(exchangeSessions.tokenHash, hashToken(token)), gt(exchangeSessions.expiresAt, now)))
    .returning();
  return session ?? null;
}

export async function saveSessionState(db: Db, id: string, state: ExchangeSessionState): Promise<void> {
  await db.update(exchangeSessions).set({ state }).where(eq(exchangeSessions.id, id));
}

export async function setOrdersQueriedAt(db: Db, id: string, at: Date | null): Promise<void> {
  await db.update(exchangeSessions).set({ ordersQueriedAt: at }).where(eq(exchangeSessions.id, id));
}
