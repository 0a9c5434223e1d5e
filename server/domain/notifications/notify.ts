import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { notificationDefaults, notifications, outbox, pushSubscriptions, userNotificationPrefs, users, type LocalizedText } from "../../../db/schema";
import { isStaffRole } from "../../auth/roles";
import { channelEnabled, overrideKey, prefKey, type Audience, type Channel } from "./matrix";

/** A database handle or an open transaction: notifications are written with the change that causes them. */
type Writer = Pick<Db, "insert" | "select">;

export interface NotificationInput {
  /** Event key of the notification matrix, e.g. "quote.sent". */
  event: string;
  userIds: readonly string[];
  title: LocalizedText;
  body?: LocalizedText;
  /** A path inside the app the notification opens. */
  link?: string;
}

export const NOTIFICATION_EMAIL_TOPIC = "notification.email";
export const NOTIFICATION_SMS_TOPIC = "notification.sms";
export const NOTIFICATION_PUSH_TOPIC = "notification.push";

const TOPIC_OF: Record<Exclude<Channel, "in_app">, string> = {
  email: NOTIFICATION_EMAIL_TOPIC,
  sms: NOTIFICATION_SMS_TOPIC,
  push: NOTIFICATION_PUSH_TOPIC,
};

/**
 * Tells users about an event. Call it inside the transaction of the change, so a rolled-back
 * change notifies nobody. For every recipient the notification matrix (seed defaults, the admin's
 * changes, the user's own choices) decides the channels: in-app writes the bell's row here; e-mail,
 * SMS and push become outbox jobs delivered by the worker (push: one job per subscribed browser,
 * none for a user who subscribed nowhere). Returns the in-app rows written.
 */
export async function notify(db: Writer, input: NotificationInput): Promise<Array<{ id: string; userId: string }>> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return [];
  const [recipients, overrideRows, prefRows] = await Promise.all([
    db.select({ id: users.id, role: users.role, isActive: users.isActive, email: users.email, phone: users.phone }).from(users).where(inArray(users.id, userIds)),
    db.select().from(notificationDefaults).where(eq(notificationDefaults.event, input.event)),
    db.select().from(userNotificationPrefs).where(and(eq(userNotificationPrefs.event, input.event), inArray(userNotificationPrefs.userId, userIds))),
  ]);
  const overrides = new Map(overrideRows.map((r) => [overrideKey(r.event, r.audience, r.channel), r.enabled]));
  const inApp: string[] = [];
  const jobs: Array<{ topic: string; payload: Record<string, unknown> }> = [];
  const pushPayloads = new Map<string, Record<string, unknown>>();
  for (const user of recipients) {
    if (!user.isActive) continue;
    const audience: Audience = isStaffRole(user.role) ? "staff" : "client";
    const userPrefs = new Map(prefRows.filter((p) => p.userId === user.id).map((p) => [prefKey(p.event, p.channel), p.enabled]));
    const on = (channel: Channel) => channelEnabled(input.event, audience, channel, { overrides, userPrefs });
    if (on("in_app")) inApp.push(user.id);
    const payload = { userId: user.id, event: input.event, title: input.title, body: input.body ?? null, link: input.link ?? null };
    if (on("email") && user.email) jobs.push({ topic: TOPIC_OF.email, payload });
    if (on("sms") && user.phone) jobs.push({ topic: TOPIC_OF.sms, payload });
    if (on("push")) pushPayloads.set(user.id, payload);
  }
  // Browsers are looked up only for the recipients who get this event by push.
  if (pushPayloads.size > 0) {
    const browsers = await db
      .select({ id: pushSubscriptions.id, userId: pushSubscriptions.userId })
      .from(pushSubscriptions)
      .where(inArray(pushSubscriptions.userId, [...pushPayloads.keys()]));
    for (const browser of browsers) jobs.push({ topic: TOPIC_OF.push, payload: { ...pushPayloads.get(browser.userId), subscriptionId: browser.id } });
  }
  if (jobs.length > 0) await db.insert(outbox).values(jobs.map((j) => ({ topic: j.topic, payload: j.payload })));
  if (inApp.length === 0) return [];
  return db
    .insert(notifications)
    .values(inApp.map((userId) => ({ userId, event: input.event, title: input.title, body: input.body ?? null, link: input.link ?? null })))
    .returning({ id: notifications.id, userId: notifications.userId });
}
