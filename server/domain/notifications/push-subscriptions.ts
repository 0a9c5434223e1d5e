import { and, asc, count, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { pushSubscriptions } from "../../../db/schema";
import { badInput } from "../errors";

/** How many browsers one user may have subscribed at once; the oldest give way to new ones. */
export const MAX_PUSH_SUBSCRIPTIONS_PER_USER = 10;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/**
 * Whether the worker may POST to this endpoint. A browser's push service is always an https
 * host by name (fcm.googleapis.com, updates.push.services.mozilla.com, web.push.apple.com, ...);
 * refusing IP literals and http keeps a signed-in user from pointing our worker at internal
 * addresses. Tests run their own push service on loopback http, which `allowLoopback` admits.
 */
export function pushEndpointProblem(endpoint: string, allowLoopback: boolean): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "endpoint must be a URL";
  }
  if (allowLoopback && LOOPBACK_HOSTS.has(url.hostname) && (url.protocol === "http:" || url.protocol === "https:")) return null;
  if (url.protocol !== "https:") return "endpoint must be an https:// URL of a push service";
  if (IP_LITERAL.test(url.hostname) || LOOPBACK_HOSTS.has(url.hostname) || !url.hostname.includes(".")) return "endpoint must name a push service's host, not an address";
  return null;
}

const base64url = (name: string, bytes: number) =>
  z
    .string({ error: `${name} is required` })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${name} must be base64url`)
    .refine((v) => Buffer.from(v, "base64url").length === bytes, `${name} must be ${bytes} bytes`);

/** PushSubscription.toJSON() as the browser gives it. */
export const pushSubscriptionInput = z.object({
  endpoint: z.string().min(10, "endpoint is required").max(2000, "endpoint is too long"),
  keys: z.object({ p256dh: base64url("keys.p256dh", 65), auth: base64url("keys.auth", 16) }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInput>;

export const pushEndpointInput = z.object({ endpoint: z.string().min(10, "endpoint is required").max(2000, "endpoint is too long") });
export const pushStateInput = z.object({ endpoint: z.string().max(2000, "endpoint is too long").optional() });

/**
 * Saves this browser for the user. A browser has one endpoint: if another account used it
 * before (a shared office computer), the subscription moves to whoever subscribed last.
 */
export async function savePushSubscription(db: Db, userId: string, rawInput: PushSubscriptionInput, options: { allowLoopback: boolean }) {
  const input = pushSubscriptionInput.parse(rawInput);
  const problem = pushEndpointProblem(input.endpoint, options.allowLoopback);
  if (problem) throw badInput(problem, "endpoint");
  return db.transaction(async (tx) => {
    await tx
      .insert(pushSubscriptions)
      .values({ userId, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth })
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId, p256dh: input.keys.p256dh, auth: input.keys.auth, createdAt: new Date() } });
    const mine = await tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, userId))
      .orderBy(asc(pushSubscriptions.createdAt), asc(pushSubscriptions.id));
    const excess = mine.slice(0, Math.max(0, mine.length - MAX_PUSH_SUBSCRIPTIONS_PER_USER)).map((s) => s.id);
    if (excess.length > 0) await tx.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, excess));
    return { devices: Math.min(mine.length, MAX_PUSH_SUBSCRIPTIONS_PER_USER) };
  });
}

/** Forgets this browser (the user switched push off here); only one's own subscription. */
export async function removePushSubscription(db: Db, userId: string, rawInput: z.input<typeof pushEndpointInput>) {
  const { endpoint } = pushEndpointInput.parse(rawInput);
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return { removed: removed.length };
}

/** What the profile card shows: whether push works at all, the key to subscribe with, and on how many browsers it is on. */
export async function myPushState(db: Db, userId: string, vapidPublicKey: string | null, endpoint?: string) {
  const [devices] = await db.select({ n: count() }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  let thisBrowser = false;
  if (endpoint) {
    const [row] = await db
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
      .limit(1);
    thisBrowser = Boolean(row);
  }
  return { enabled: vapidPublicKey !== null, publicKey: vapidPublicKey, devices: devices?.n ?? 0, thisBrowser };
}
