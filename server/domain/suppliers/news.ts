import { and, desc, eq, gte, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { SUPPLIER_NEWS_KINDS, supplierMembers, supplierNews, suppliers } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { conflict, notFound } from "../errors";
import { notify } from "../notifications/notify";
import { requireActiveSupplier } from "./supplier-scope";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const isoDate = z.preprocess(blankToUndefined, z.iso.date({ error: "Date must be YYYY-MM-DD" }).optional());

export const newsInputSchema = z
  .object({
    kind: z.enum(SUPPLIER_NEWS_KINDS).default("news"),
    title: z.string().trim().min(3, "Title: at least 3 characters").max(200),
    body: z.string().trim().min(10, "Text: at least 10 characters").max(10_000),
    imageUrl: z.preprocess(blankToUndefined, z.string().trim().max(500).regex(/^https?:\/\/\S+$/i, "Image must be an http(s) URL").optional()),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.kind === "promotion" && (!v.startsOn || !v.endsOn)) ctx.addIssue({ code: "custom", path: [v.startsOn ? "endsOn" : "startsOn"], message: "A promotion needs its period: from and to" });
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The period ends before it starts" });
  });
export const updateNewsSchema = z.object({ id: z.uuid() }).and(newsInputSchema);
export const moderateNewsSchema = z.discriminatedUnion("decision", [
  z.object({ id: z.uuid(), decision: z.literal("approve"), comment: z.preprocess(blankToUndefined, z.string().trim().max(2000).optional()) }),
  z.object({ id: z.uuid(), decision: z.literal("reject"), comment: z.string().trim().min(3, "comment: say why (at least 3 characters)").max(2000) }),
]);
export const listNewsForModerationSchema = z.object({ status: z.enum(["pending", "approved", "rejected", "all"]).default("pending") });

const columns = {
  id: supplierNews.id, kind: supplierNews.kind, title: supplierNews.title, body: supplierNews.body, imageUrl: supplierNews.imageUrl, startsOn: supplierNews.startsOn,
  endsOn: supplierNews.endsOn, status: supplierNews.status, moderatorComment: supplierNews.moderatorComment, createdAt: supplierNews.createdAt, updatedAt: supplierNews.updatedAt,
};

/** The acting supplier's own news, newest first. */
export async function listOwnNews(db: Db, userId: string) {
  const { supplierId } = await requireActiveSupplier(db, userId);
  return db.select(columns).from(supplierNews).where(eq(supplierNews.supplierId, supplierId)).orderBy(desc(supplierNews.createdAt)).limit(200);
}

/** A new item goes to the moderators' queue (pending). */
export async function createNews(db: Db, userId: string, raw: z.input<typeof newsInputSchema>) {
  const { supplierId } = await requireActiveSupplier(db, userId);
  const input = newsInputSchema.parse(raw);
  const [row] = await db
    .insert(supplierNews)
    .values({ supplierId, kind: input.kind, title: input.title, body: input.body, imageUrl: input.imageUrl ?? null, startsOn: input.startsOn ?? null, endsOn: input.endsOn ?? null })
    .returning({ id: supplierNews.id });
  if (!row) throw notFound("News");
  return row;
}

/** An edit sends the item back to moderation: buyers never see text a moderator has not read. */
export async function updateNews(db: Db, userId: string, raw: z.input<typeof updateNewsSchema>) {
  const { supplierId } = await requireActiveSupplier(db, userId);
  const input = updateNewsSchema.parse(raw);
  const updated = await db
    .update(supplierNews)
    .set({ kind: input.kind, title: input.title, body: input.body, imageUrl: input.imageUrl ?? null, startsOn: input.startsOn ?? null, endsOn: input.endsOn ?? null, status: "pending", moderatorComment: null, updatedAt: new Date() })
    .where(and(eq(supplierNews.id, input.id), eq(supplierNews.supplierId, supplierId)))
    .returning({ id: supplierNews.id });
  // Another supplier's item does not exist for this one.
  if (!updated.length) throw notFound("News");
}

export async function deleteNews(db: Db, userId: string, id: string) {
  const { supplierId } = await requireActiveSupplier(db, userId);
  const deleted = await db.delete(supplierNews).where(and(eq(supplierNews.id, id), eq(supplierNews.supplierId, supplierId))).returning({ id: supplierNews.id });
  if (!deleted.length) throw notFound("News");
}

export async function listNewsForModeration(db: Db, raw: z.input<typeof listNewsForModerationSchema>) {
  const input = listNewsForModerationSchema.parse(raw);
  return db
    .select({ ...columns, supplierId: suppliers.id, supplierName: suppliers.name })
    .from(supplierNews)
    .innerJoin(suppliers, eq(suppliers.id, supplierNews.supplierId))
    .where(input.status === "all" ? undefined : eq(supplierNews.status, input.status))
    .orderBy(desc(supplierNews.createdAt))
    .limit(200);
}

export async function moderateNews(db: Db, actor: { id: string; ip?: string }, raw: z.input<typeof moderateNewsSchema>, now = new Date()) {
  const input = moderateNewsSchema.parse(raw);
  await db.transaction(async (tx) => {
    const [item] = await tx.select({ status: supplierNews.status, supplierId: supplierNews.supplierId, title: supplierNews.title }).from(supplierNews).where(eq(supplierNews.id, input.id)).limit(1).for("update");
    if (!item) throw notFound("News");
    if (item.status !== "pending") throw conflict("This item has been moderated already");
    await tx
      .update(supplierNews)
      .set({ status: input.decision === "approve" ? "approved" : "rejected", moderatorComment: input.comment ?? null, reviewedBy: actor.id, reviewedAt: now })
      .where(eq(supplierNews.id, input.id));
    const members = await tx.select({ userId: supplierMembers.userId }).from(supplierMembers).where(eq(supplierMembers.supplierId, item.supplierId));
    const approved = input.decision === "approve";
    await notify(tx, {
      event: approved ? "supplier_news.approved" : "supplier_news.rejected",
      userIds: members.map((m) => m.userId),
      title: approved ? { en: `Published: ${item.title}`, ru: `Опубликовано: ${item.title}` } : { en: `Not published: ${item.title}`, ru: `Не опубликовано: ${item.title}` },
      body: input.comment ? { en: input.comment, ru: input.comment } : undefined,
      link: "/supplier/news",
    });
    await recordAudit(tx, { actorId: actor.id, action: `supplier_news.${input.decision}`, targetType: "supplier_news", targetId: input.id, ip: actor.ip });
  });
}

/**
 * What buyers see: approved items of approved suppliers; a promotion only within its period,
 * news from its start date if it has one.
 */
export async function listPublishedNews(db: Db, now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  return db
    .select({ id: supplierNews.id, kind: supplierNews.kind, title: supplierNews.title, body: supplierNews.body, imageUrl: supplierNews.imageUrl, startsOn: supplierNews.startsOn, endsOn: supplierNews.endsOn, createdAt: supplierNews.createdAt, supplierName: suppliers.name })
    .from(supplierNews)
    .innerJoin(suppliers, eq(suppliers.id, supplierNews.supplierId))
    .where(
      and(
        eq(supplierNews.status, "approved"),
        eq(suppliers.status, "approved"),
        or(isNull(supplierNews.startsOn), lte(supplierNews.startsOn, today)),
        or(isNull(supplierNews.endsOn), gte(supplierNews.endsOn, today)),
      ),
    )
    .orderBy(desc(supplierNews.createdAt))
    .limit(50);
}
