import { and, count, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { notifications } from "../../../db/schema";

/** The bell: the user's unread count and latest notifications. Always the caller's own rows. */
export async function bellState(db: Db, userId: string, limit = 10) {
  const [[unread], recent] = await Promise.all([
    db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
    db
      .select({ id: notifications.id, event: notifications.event, title: notifications.title, body: notifications.body, link: notifications.link, readAt: notifications.readAt, createdAt: notifications.createdAt })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt))
      .limit(limit),
  ]);
  return { unread: unread?.n ?? 0, recent };
}

export const markReadSchema = z.object({ id: z.uuid() });

/** Marks one of the user's own notifications read; another user's id changes nothing. */
export async function markRead(db: Db, userId: string, rawInput: z.input<typeof markReadSchema>): Promise<void> {
  const { id } = markReadSchema.parse(rawInput);
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export async function markAllRead(db: Db, userId: string): Promise<void> {
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
