import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { notificationDefaults, smsMessages, userNotificationPrefs, users } from "../../../db/schema";
import { isStaffRole, type Role } from "../../auth/roles";
import { recordAudit } from "../audit/record-audit";
import { forbidden, notFound } from "../errors";
import { AUDIENCES, CHANNELS, KNOWN_EVENTS, channelEnabled, defaultFor, isMandatory, overrideKey, prefKey, seedDefault, type Audience, type Channel } from "./matrix";

interface Actor {
  id: string;
  role: Role;
  ip?: string;
}

async function loadOverrides(db: Db): Promise<Map<string, boolean>> {
  const rows = await db.select().from(notificationDefaults);
  return new Map(rows.map((r) => [overrideKey(r.event, r.audience, r.channel), r.enabled]));
}

/** The admin's matrix: every listed event × audience × channel with the seed's default and the current value. */
export async function notificationMatrix(db: Db) {
  const overrides = await loadOverrides(db);
  return KNOWN_EVENTS.map((event) => ({
    event,
    cells: AUDIENCES.flatMap((audience) =>
      CHANNELS.map((channel) => ({ audience, channel, enabled: defaultFor(event, audience, channel, overrides), seed: seedDefault(event, audience, channel), mandatory: isMandatory(event, channel) })),
    ),
  }));
}

const eventSchema = z.enum(KNOWN_EVENTS as [string, ...string[]]);
export const setDefaultSchema = z.object({ event: eventSchema, audience: z.enum(AUDIENCES), channel: z.enum(CHANNELS), enabled: z.boolean() });

/** The admin changes one default; the change is audited with before and after. */
export async function setNotificationDefault(db: Db, actor: Actor, rawInput: z.input<typeof setDefaultSchema>): Promise<void> {
  const input = setDefaultSchema.parse(rawInput);
  await db.transaction(async (tx) => {
    const overrides = await loadOverrides(tx);
    const before = defaultFor(input.event, input.audience, input.channel, overrides);
    await tx
      .insert(notificationDefaults)
      .values({ ...input, updatedBy: actor.id })
      .onConflictDoUpdate({ target: [notificationDefaults.event, notificationDefaults.audience, notificationDefaults.channel], set: { enabled: input.enabled, updatedBy: actor.id, updatedAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.id, action: "notification.default", targetType: "notification_matrix", targetId: `${input.event}|${input.audience}|${input.channel}`,
      details: { before: { enabled: before }, after: { enabled: input.enabled } }, ip: actor.ip,
    });
  });
}

/** A user's own matrix: his audience's cells with what applies to him and whether he may change it. */
export async function myNotificationPrefs(db: Db, userId: string) {
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound("User");
  const audience: Audience = isStaffRole(user.role) ? "staff" : "client";
  const [overrides, prefRows] = await Promise.all([loadOverrides(db), db.select().from(userNotificationPrefs).where(eq(userNotificationPrefs.userId, userId))]);
  const userPrefs = new Map(prefRows.map((p) => [prefKey(p.event, p.channel), p.enabled]));
  return {
    audience,
    events: KNOWN_EVENTS.map((event) => ({
      event,
      cells: CHANNELS.map((channel) => {
        const byDefault = defaultFor(event, audience, channel, overrides);
        return { channel, enabled: channelEnabled(event, audience, channel, { overrides, userPrefs }), byDefault, locked: byDefault && isMandatory(event, channel) };
      }),
    })),
  };
}

export const setPrefSchema = z.object({ event: eventSchema, channel: z.enum(CHANNELS), enabled: z.boolean() });

/** A user switches one cell for himself; a mandatory cell that is on stays on. */
export async function setMyNotificationPref(db: Db, userId: string, rawInput: z.input<typeof setPrefSchema>): Promise<void> {
  const input = setPrefSchema.parse(rawInput);
  const mine = await myNotificationPrefs(db, userId);
  const cell = mine.events.find((e) => e.event === input.event)?.cells.find((c) => c.channel === input.channel);
  if (cell?.locked && !input.enabled) {
    throw forbidden("This notification cannot be switched off");
  }
  await db
    .insert(userNotificationPrefs)
    .values({ userId, event: input.event, channel: input.channel as Channel, enabled: input.enabled })
    .onConflictDoUpdate({ target: [userNotificationPrefs.userId, userNotificationPrefs.event, userNotificationPrefs.channel], set: { enabled: input.enabled, updatedAt: new Date() } });
}

/** The SMS log (the stub's outbox and the real provider's record), newest first. */
export async function smsLog(db: Db, limit = 100) {
  return db
    .select({ id: smsMessages.id, phone: smsMessages.phone, text: smsMessages.text, provider: smsMessages.provider, status: smsMessages.status, error: smsMessages.error, createdAt: smsMessages.createdAt, userName: users.name })
    .from(smsMessages)
    .leftJoin(users, eq(users.id, smsMessages.userId))
    .orderBy(desc(smsMessages.createdAt))
    .limit(limit);
}

