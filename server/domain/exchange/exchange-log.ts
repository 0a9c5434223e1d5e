import { and, desc, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf, type Db } from "../../../db/client";
import {
  EXCHANGE_CATEGORIES, EXCHANGE_ITEM_STATUSES, EXCHANGE_RUN_STATUSES, exchangeRunItems, exchangeRuns, exchangeSchedules, type ExchangeCategory,
} from "../../../db/schema";

export interface CategorySummary {
  category: ExchangeCategory;
  startedAt: Date | null;
  finishedAt: Date | null;
  status: "running" | "done" | "error" | null;
  itemsTotal: number;
  itemsCreated: number;
  itemsUpdated: number;
  itemsFailed: number;
  error: string | null;
  intervalMinutes: number | null;
  enabled: boolean;
}

/** "Summary": the last run of every category with its start, end, status and counts, and its schedule. */
export async function exchangeSummary(db: Db): Promise<CategorySummary[]> {
  const last = rowsOf<{
    category: ExchangeCategory; started_at: string | Date; finished_at: string | Date | null; status: "running" | "done" | "error";
    items_total: number; items_created: number; items_updated: number; items_failed: number; error: string | null;
  }>(
    await db.execute(sql`select distinct on (category) category, started_at, finished_at, status, items_total, items_created, items_updated, items_failed, error
      from exchange_runs order by category, started_at desc`),
  );
  const schedules = await db.select().from(exchangeSchedules);
  return EXCHANGE_CATEGORIES.map((category) => {
    const run = last.find((r) => r.category === category);
    const schedule = schedules.find((s) => s.category === category);
    return {
      category,
      startedAt: run ? new Date(run.started_at) : null,
      finishedAt: run?.finished_at ? new Date(run.finished_at) : null,
      status: run?.status ?? null,
      itemsTotal: run?.items_total ?? 0,
      itemsCreated: run?.items_created ?? 0,
      itemsUpdated: run?.items_updated ?? 0,
      itemsFailed: run?.items_failed ?? 0,
      error: run?.error ?? null,
      intervalMinutes: schedule?.intervalMinutes ?? null,
      enabled: schedule?.enabled ?? false,
    };
  });
}

export const runListInput = z.object({
  category: z.enum(EXCHANGE_CATEGORIES).optional(),
  status: z.enum(EXCHANGE_RUN_STATUSES).optional(),
  before: z.date().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** "All logs": runs newest first, filtered by category and status (keyset on started_at). */
export async function listRuns(db: Db, input: z.input<typeof runListInput>) {
  const { category, status, before, limit } = runListInput.parse(input);
  return db
    .select()
    .from(exchangeRuns)
    .where(and(category ? eq(exchangeRuns.category, category) : undefined, status ? eq(exchangeRuns.status, status) : undefined, before ? lt(exchangeRuns.startedAt, before) : undefined))
    .orderBy(desc(exchangeRuns.startedAt))
    .limit(limit);
}

export const itemListInput = z.object({
  runId: z.uuid().optional(),
  category: z.enum(EXCHANGE_CATEGORIES).optional(),
  status: z.enum(EXCHANGE_ITEM_STATUSES).optional(),
  search: z.string().trim().max(200).optional(),
  beforeId: z.number().int().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** Single items (a product, an offer, an order …) with their error, filtered by run, category, status, or an id. */
export async function listRunItems(db: Db, input: z.input<typeof itemListInput>) {
  const { runId, category, status, search, beforeId, limit } = itemListInput.parse(input);
  return db
    .select()
    .from(exchangeRunItems)
    .where(
      and(
        runId ? eq(exchangeRunItems.runId, runId) : undefined,
        category ? eq(exchangeRunItems.category, category) : undefined,
        status ? eq(exchangeRunItems.status, status) : undefined,
        search ? sql`(${exchangeRunItems.externalId} = ${search} or ${exchangeRunItems.label} ilike ${`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})` : undefined,
        beforeId ? lt(exchangeRunItems.id, beforeId) : undefined,
      ),
    )
    .orderBy(desc(exchangeRunItems.id))
    .limit(limit);
}

export const scheduleInput = z.object({
  category: z.enum(EXCHANGE_CATEGORIES),
  intervalMinutes: z.number().int().min(1, "At least every minute").max(7 * 24 * 60, "At most once a week"),
  enabled: z.boolean(),
});

/** "Schedule": how often a category is exchanged (stored; the 1C side runs its exchange on it). */
export async function setSchedule(db: Db, input: z.input<typeof scheduleInput>, actorId: string | null) {
  const value = scheduleInput.parse(input);
  await db
    .insert(exchangeSchedules)
    .values({ ...value, updatedBy: actorId })
    .onConflictDoUpdate({ target: exchangeSchedules.category, set: { intervalMinutes: value.intervalMinutes, enabled: value.enabled, updatedBy: actorId, updatedAt: new Date() } });
  return value;
}
