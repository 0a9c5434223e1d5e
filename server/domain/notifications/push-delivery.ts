import { eq } from "drizzle-orm";
import type { Agent } from "node:https";
import webpush from "web-push";
import { z } from "zod";
import { pushSubscriptions, users } from "../../../db/schema";
import type { VapidKeys } from "../../env";
import type { JobHandler } from "../../jobs/worker";
import { channelJobSchema } from "./channel-jobs";

/** A push job names the one browser it goes to: each is retried on its own, so a dead browser never re-sends to live ones. */
export const pushJobSchema = channelJobSchema.extend({ userId: z.uuid(), subscriptionId: z.uuid() });

/** What the service worker (public/push-sw.js) receives, decrypted: the notification in the user's language. */
export interface PushMessage {
  title: string;
  body: string | null;
  link: string | null;
  /** Notifications of one event replace each other instead of piling up. */
  tag: string;
}

/** Push services take 4 KB; the text is cut well below so the encrypted record always fits. */
const TITLE_LIMIT = 200;
const BODY_LIMIT = 1000;
/** A push the browser cannot get within a day (laptop closed over the weekend) is dropped by the push service. */
const TTL_SECONDS = 24 * 60 * 60;

export function pushMessageOf(job: z.infer<typeof pushJobSchema>, locale: "en" | "ru"): PushMessage {
  return {
    title: job.title[locale].slice(0, TITLE_LIMIT),
    body: job.body?.[locale].slice(0, BODY_LIMIT) ?? null,
    link: job.link ?? null,
    tag: job.event,
  };
}

/** The push service's status codes that mean "this subscription is gone for good" (RFC 8030 §7.3, and 404 from FCM). */
function subscriptionGone(error: unknown): boolean {
  return error instanceof webpush.WebPushError && (error.statusCode === 404 || error.statusCode === 410);
}

/**
 * "notification.push": encrypts the message for one browser (RFC 8291) and posts it to its push
 * service with a VAPID signature (RFC 8292). A gone subscription is deleted and the job ends; any
 * other failure is retried by the outbox. `agent` is for tests whose push service has its own
 * certificate authority.
 */
export function notificationPushHandler(vapid: VapidKeys | null, options: { agent?: Agent } = {}): JobHandler {
  return async (db, job) => {
    const parsed = pushJobSchema.safeParse(job.payload);
    if (!parsed.success || !vapid) return; // a job from before per-browser jobs, or push switched off by the deployment
    const [target] = await db
      .select({ userId: pushSubscriptions.userId, endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth, locale: users.locale, isActive: users.isActive })
      .from(pushSubscriptions)
      .innerJoin(users, eq(users.id, pushSubscriptions.userId))
      .where(eq(pushSubscriptions.id, parsed.data.subscriptionId));
    // Unsubscribed since, or the browser now belongs to someone else's login: nothing to deliver.
    if (!target || !target.isActive || target.userId !== parsed.data.userId) return;
    const message = pushMessageOf(parsed.data, target.locale === "ru" ? "ru" : "en");
    try {
      await webpush.sendNotification({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(message), {
        vapidDetails: vapid,
        TTL: TTL_SECONDS,
        urgency: "normal",
        timeout: 15_000,
        ...(options.agent ? { agent: options.agent } : {}),
      });
    } catch (error) {
      if (subscriptionGone(error)) {
        await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, parsed.data.subscriptionId));
        return;
      }
      const status = error instanceof webpush.WebPushError ? ` (HTTP ${error.statusCode})` : "";
      throw new Error(`push service refused${status}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500));
    }
  };
}
