import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { brands, categories, outbox, priceTypes, productFeedFiles, productFeeds } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { notFound } from "../errors";
import { feedCategories, feedProducts } from "./feed-data";
import { googleFeed, ymlFeed, type FeedHeader } from "./feed-xml";

export const FEED_GENERATE_TOPIC = "feeds.generate";
/** Files kept per feed; older ones are deleted when a new one is made. */
export const FEED_FILES_KEPT = 5;

export const feedInputSchema = z.object({
  name: z.string().trim().min(1, { error: "name: required" }).max(120, { error: "name: at most 120 characters" }),
  format: z.enum(["yml", "google"], { error: "format: yml or google" }),
  shopName: z.string().trim().min(1, { error: "shopName: required" }).max(120),
  companyName: z.string().trim().min(1, { error: "companyName: required" }).max(200),
  shopUrl: z.url({ protocol: /^https?$/, error: "shopUrl: an http(s) address like https://shop.example" }),
  title: z.string().trim().min(1, { error: "title: required" }).max(150),
  description: z.string().trim().max(5000).default(""),
  idField: z.enum(["id", "sku"], { error: "idField: id or sku" }).default("sku"),
  priceTypeId: z.uuid({ error: "priceTypeId: choose a price type" }),
  brandIds: z.array(z.uuid({ error: "brandIds: brand ids" })).max(500).default([]),
  categoryIds: z.array(z.uuid({ error: "categoryIds: section ids" })).max(500).default([]),
  everyMinutes: z.number().int().min(10, { error: "everyMinutes: at least 10" }).max(10_080, { error: "everyMinutes: at most a week (10080)" }).nullable().default(null),
});
export type FeedInput = z.input<typeof feedInputSchema>;

async function assertPriceType(db: Db, id: string) {
  const [row] = await db.select({ id: priceTypes.id }).from(priceTypes).where(eq(priceTypes.id, id));
  if (!row) throw notFound("Price type");
}

/** Schedules the feed's next generation unless one is already waiting. */
async function scheduleNext(db: Db, feedId: string, everyMinutes: number | null, from: Date) {
  if (!everyMinutes) return;
  const [pending] = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.topic, FEED_GENERATE_TOPIC), eq(outbox.status, "pending"), sql`${outbox.payload}->>'feedId' = ${feedId}`))
    .limit(1);
  if (pending) return;
  await db.insert(outbox).values({ topic: FEED_GENERATE_TOPIC, payload: { feedId }, runAt: new Date(from.getTime() + everyMinutes * 60_000) });
}

export async function listFeeds(db: Db) {
  const feeds = await db.select().from(productFeeds).orderBy(productFeeds.name);
  if (feeds.length === 0) return [];
  const files = await db
    .select({ id: productFeedFiles.id, feedId: productFeedFiles.feedId, trigger: productFeedFiles.trigger, items: productFeedFiles.items, bytes: productFeedFiles.bytes, durationMs: productFeedFiles.durationMs, createdAt: productFeedFiles.createdAt })
    .from(productFeedFiles)
    .where(inArray(productFeedFiles.feedId, feeds.map((f) => f.id)))
    .orderBy(desc(productFeedFiles.createdAt));
  return feeds.map((feed) => ({ ...feed, files: files.filter((f) => f.feedId === feed.id) }));
}

export async function createFeed(db: Db, actorId: string, raw: FeedInput, now = new Date()) {
  const input = feedInputSchema.parse(raw);
  await assertPriceType(db, input.priceTypeId);
  const [feed] = await db.insert(productFeeds).values({ ...input, token: randomBytes(18).toString("base64url"), createdAt: now, updatedAt: now }).returning();
  await recordAudit(db, { actorId, action: "feed.created", targetType: "feed", targetId: feed!.id, details: { name: input.name, format: input.format } });
  await scheduleNext(db, feed!.id, feed!.everyMinutes, now);
  return feed!;
}

export async function updateFeed(db: Db, actorId: string, id: string, raw: FeedInput, now = new Date()) {
  const input = feedInputSchema.parse(raw);
  await assertPriceType(db, input.priceTypeId);
  const [feed] = await db.update(productFeeds).set({ ...input, updatedAt: now }).where(eq(productFeeds.id, id)).returning();
  if (!feed) throw notFound("Feed");
  await recordAudit(db, { actorId, action: "feed.updated", targetType: "feed", targetId: id, details: { name: input.name } });
  await scheduleNext(db, id, feed.everyMinutes, now);
  return feed;
}

export async function deleteFeed(db: Db, actorId: string, id: string) {
  const deleted = await db.delete(productFeeds).where(eq(productFeeds.id, id)).returning({ id: productFeeds.id });
  if (!deleted.length) throw notFound("Feed");
  await recordAudit(db, { actorId, action: "feed.deleted", targetType: "feed", targetId: id });
}

/** Builds the feed's file now, stores it (keeping the last FEED_FILES_KEPT) and returns its figures. */
export async function generateFeed(db: Db, id: string, trigger: "manual" | "schedule", now = new Date()) {
  const [feed] = await db.select().from(productFeeds).where(eq(productFeeds.id, id));
  if (!feed) throw notFound("Feed");
  const started = performance.now();
  const header: FeedHeader = { ...feed, idField: feed.idField };
  const products = await feedProducts(db, feed);
  // Google rejects items without an image; YML accepts them.
  const usable = feed.format === "google" ? products.filter((p) => p.image) : products;
  const content = feed.format === "yml" ? ymlFeed(header, await feedCategories(db), usable, now) : googleFeed(header, usable);
  const durationMs = Math.round(performance.now() - started);
  const [file] = await db
    .insert(productFeedFiles)
    .values({ feedId: id, trigger, items: usable.length, bytes: Buffer.byteLength(content), durationMs, content, createdAt: now })
    .returning({ id: productFeedFiles.id, items: productFeedFiles.items, bytes: productFeedFiles.bytes, durationMs: productFeedFiles.durationMs, createdAt: productFeedFiles.createdAt });
  const keep = await db.select({ id: productFeedFiles.id }).from(productFeedFiles).where(eq(productFeedFiles.feedId, id)).orderBy(desc(productFeedFiles.createdAt)).limit(FEED_FILES_KEPT);
  await db.delete(productFeedFiles).where(and(eq(productFeedFiles.feedId, id), sql`${productFeedFiles.id} <> all(${`{${keep.map((k) => k.id).join(",")}}`}::uuid[])`));
  return { ...file!, skipped: products.length - usable.length };
}

/** The worker's handler: generate, then schedule the next run. A deleted feed ends its schedule. */
export async function feedGenerateJob(db: Db, payload: Record<string, unknown>, now: Date) {
  const feedId = typeof payload.feedId === "string" ? payload.feedId : null;
  if (!feedId) return;
  const [feed] = await db.select({ everyMinutes: productFeeds.everyMinutes }).from(productFeeds).where(eq(productFeeds.id, feedId));
  if (!feed) return;
  await generateFeed(db, feedId, "schedule", now);
  if (feed.everyMinutes) await db.insert(outbox).values({ topic: FEED_GENERATE_TOPIC, payload: { feedId }, runAt: new Date(now.getTime() + feed.everyMinutes * 60_000) });
}

/** The newest file of the feed with this token (the marketplace's download), or one file by id (staff). */
export async function feedFileByToken(db: Db, token: string) {
  const [row] = await db
    .select({ content: productFeedFiles.content, createdAt: productFeedFiles.createdAt })
    .from(productFeedFiles)
    .innerJoin(productFeeds, eq(productFeeds.id, productFeedFiles.feedId))
    .where(eq(productFeeds.token, token))
    .orderBy(desc(productFeedFiles.createdAt))
    .limit(1);
  return row ?? null;
}

export async function feedFileById(db: Db, fileId: string) {
  const [row] = await db
    .select({ content: productFeedFiles.content, createdAt: productFeedFiles.createdAt, name: productFeeds.name, format: productFeeds.format })
    .from(productFeedFiles)
    .innerJoin(productFeeds, eq(productFeeds.id, productFeedFiles.feedId))
    .where(eq(productFeedFiles.id, fileId));
  return row ?? null;
}

/** What the feed form chooses from: price types (the default first: the form preselects it), brands, sections (two top levels). */
export async function feedOptions(db: Db) {
  const [types, brandRows, sections] = await Promise.all([
    db.select({ id: priceTypes.id, name: priceTypes.name, currency: priceTypes.currency }).from(priceTypes).where(eq(priceTypes.isActive, true)).orderBy(desc(priceTypes.isDefault), priceTypes.rank, priceTypes.name),
    db.select({ id: brands.id, name: brands.name }).from(brands).orderBy(brands.name),
    db.select({ id: categories.id, name: categories.name, depth: categories.depth, path: categories.path }).from(categories).where(sql`${categories.depth} <= 1`).orderBy(categories.path),
  ]);
  return { priceTypes: types, brands: brandRows, sections };
}
