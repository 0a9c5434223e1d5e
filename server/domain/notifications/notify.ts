import type { Db } from "../../../db/client";
import { notifications, type LocalizedText } from "../../../db/schema";

/** A database handle or an open transaction: notifications are written with the change that causes them. */
type Writer = Pick<Db, "insert">;

export interface NotificationInput {
  /** Event key of the notification matrix, e.g. "quote.sent". */
  event: string;
  userIds: readonly string[];
  title: LocalizedText;
  body?: LocalizedText;
  /** A path inside the app the notification opens. */
  link?: string;
}

/**
 * Tells users about an event. Call it inside the transaction of the change, so a rolled-back
 * change notifies nobody. Writes the in-app notification (the bell); the other channels of the
 * notification matrix (e-mail, SMS, push) are delivered through the outbox from here too.
 */
export async function notify(db: Writer, input: NotificationInput): Promise<Array<{ id: string; userId: string }>> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return [];
  return db
    .insert(notifications)
    .values(userIds.map((userId) => ({ userId, event: input.event, title: input.title, body: input.body ?? null, link: input.link ?? null })))
    .returning({ id: notifications.id, userId: notifications.userId });
}
