import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { buyerApiKeys, users } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { revokeUserSessions } from "../auth/sessions";
import { getSetting } from "../settings/settings";
import { hashToken } from "../crypto/token-hash";

const KEY_PREFIX = "b2bk_";
/** lastUsedAt is written at most this often per key, so a busy integration does not write on every call. */
const TOUCH_EVERY_MS = 60_000;

export function hashBuyerApiKey(key: string): string {
  return hashToken(key);
}

export interface ApiKeyInfo {
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  expired: boolean;
}

/** The buyer's live key (not revoked), if any — never the key itself. */
export async function currentApiKey(db: Db, userId: string, now = new Date()): Promise<ApiKeyInfo | null> {
  const [row] = await db
    .select()
    .from(buyerApiKeys)
    .where(and(eq(buyerApiKeys.userId, userId), isNull(buyerApiKeys.revokedAt)))
    .orderBy(desc(buyerApiKeys.createdAt))
    .limit(1);
  if (!row) return null;
  return { prefix: row.prefix, createdAt: row.createdAt, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt, expired: row.expiresAt <= now };
}

/**
 * Issues a new key (shown once), revokes the previous one at once and ends the buyer's other
 * web sessions: a reset after a leak leaves nothing signed in but the browser that asked.
 */
export async function issueApiKey(db: Db, userId: string, options: { keepSessionId?: string; now?: Date } = {}): Promise<{ key: string; info: ApiKeyInfo; endedSessions: number }> {
  const now = options.now ?? new Date();
  const lifetimeDays = await getSetting(db, "api.keyLifetimeDays");
  const key = `${KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + lifetimeDays * 86_400_000);
  const prefix = key.slice(0, KEY_PREFIX.length + 6);
  const endedSessions = await db.transaction(async (tx) => {
    await tx.update(buyerApiKeys).set({ revokedAt: now }).where(and(eq(buyerApiKeys.userId, userId), isNull(buyerApiKeys.revokedAt)));
    await tx.insert(buyerApiKeys).values({ userId, keyHash: hashBuyerApiKey(key), prefix, expiresAt, createdAt: now });
    await recordAudit(tx, { actorId: userId, action: "api_key.issued", targetType: "user", targetId: userId, details: { prefix, expiresAt: expiresAt.toISOString() } });
    return revokeUserSessions(tx, userId, { except: options.keepSessionId }, now);
  });
  return { key, info: { prefix, createdAt: now, expiresAt, lastUsedAt: null, expired: false }, endedSessions };
}

/** Revokes the live key without issuing another. */
export async function revokeApiKey(db: Db, userId: string, now = new Date()): Promise<boolean> {
  const revoked = await db
    .update(buyerApiKeys)
    .set({ revokedAt: now })
    .where(and(eq(buyerApiKeys.userId, userId), isNull(buyerApiKeys.revokedAt)))
    .returning({ id: buyerApiKeys.id });
  if (revoked.length) await recordAudit(db, { actorId: userId, action: "api_key.revoked", targetType: "user", targetId: userId, details: {} });
  return revoked.length > 0;
}

export type ApiKeyRefusal = "missing" | "unknown" | "revoked" | "expired" | "inactive";

/** Who a presented key belongs to: an active buyer with a live, unexpired key — or why not. */
export async function authenticateApiKey(db: Db, presented: string | null, now = new Date()): Promise<{ userId: string } | { refused: ApiKeyRefusal }> {
  if (!presented) return { refused: "missing" };
  if (!presented.startsWith(KEY_PREFIX) || presented.length > 200) return { refused: "unknown" };
  const [row] = await db
    .select({ id: buyerApiKeys.id, userId: buyerApiKeys.userId, expiresAt: buyerApiKeys.expiresAt, revokedAt: buyerApiKeys.revokedAt, lastUsedAt: buyerApiKeys.lastUsedAt, role: users.role, isActive: users.isActive })
    .from(buyerApiKeys)
    .innerJoin(users, eq(users.id, buyerApiKeys.userId))
    .where(eq(buyerApiKeys.keyHash, hashBuyerApiKey(presented)));
  if (!row) return { refused: "unknown" };
  if (row.revokedAt) return { refused: "revoked" };
  if (row.expiresAt <= now) return { refused: "expired" };
  if (row.role !== "buyer" || !row.isActive) return { refused: "inactive" };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(buyerApiKeys).set({ lastUsedAt: now }).where(eq(buyerApiKeys.id, row.id));
  }
  return { userId: row.userId };
}
