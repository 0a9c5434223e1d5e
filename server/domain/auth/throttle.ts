import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { loginAttempts } from "../../../db/schema";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export type ThrottleVerdict =
  | { throttled: false }
  | { throttled: true; scope: "account" | "ip"; retryAfterSeconds: number };

/**
 * Counts recent failures (not the refusals the throttle itself gave) in the database, so the
 * limit holds across app instances and restarts.
 */
export async function checkLoginThrottle(db: Db, identifier: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const counted = and(
    eq(loginAttempts.success, false),
    gt(loginAttempts.createdAt, since),
    or(isNull(loginAttempts.reason), sql`${loginAttempts.reason} <> 'throttled'`),
  );
  const [row] = await db
    .select({
      accountFailures: sql<number>`count(*) filter (where ${loginAttempts.identifier} = ${identifier})`.mapWith(Number),
      accountOldest: sql<Date | null>`min(${loginAttempts.createdAt}) filter (where ${loginAttempts.identifier} = ${identifier})`,
      ipFailures: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})`.mapWith(Number),
      ipOldest: sql<Date | null>`min(${loginAttempts.createdAt}) filter (where ${loginAttempts.ip} = ${ip})`,
    })
    .from(loginAttempts)
    .where(and(counted, or(eq(loginAttempts.identifier, identifier), eq(loginAttempts.ip, ip))));

  const retryAfter = (oldest: Date | string | null | undefined) => {
    const start = oldest ? new Date(oldest).getTime() : now.getTime();
    return Math.max(1, Math.ceil((start + THROTTLE_WINDOW_MS - now.getTime()) / 1000));
  };
  if (row && row.accountFailures >= MAX_FAILURES_PER_ACCOUNT) {
    return { throttled: true, scope: "account", retryAfterSeconds: retryAfter(row.accountOldest) };
  }
  if (row && row.ipFailures >= MAX_FAILURES_PER_IP) {
    return { throttled: true, scope: "ip", retryAfterSeconds: retryAfter(row.ipOldest) };
  }
  return { throttled: false };
}

export async function recordLoginAttempt(
  db: Db,
  attempt: { identifier: string; ip: string; userId?: string; success: boolean; reason?: string },
): Promise<void> {
  await db.insert(loginAttempts).values(attempt);
}

/** A successful login forgives the account's earlier failures. */
export async function clearAccountFailures(db: Db, identifier: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.identifier, identifier), eq(loginAttempts.success, false)));
}
