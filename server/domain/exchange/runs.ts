import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { exchangeRunItems, exchangeRuns, type ExchangeCategory } from "../../../db/schema";
import { chunks, type ImportContext, type RunCounts } from "./import-context";

export async function startRun(db: Db, category: ExchangeCategory, fileName: string | null): Promise<string> {
  const [row] = await db.insert(exchangeRuns).values({ category, fileName }).returning({ id: exchangeRuns.id });
  return row!.id;
}

export async function finishRun(db: Db, runId: string, counts: RunCounts, error: string | null = null): Promise<void> {
  await db
    .update(exchangeRuns)
    .set({
      status: error ? "error" : "done",
      finishedAt: new Date(),
      itemsTotal: counts.total,
      itemsCreated: counts.created,
      itemsUpdated: counts.updated,
      itemsFailed: counts.failed,
      error,
    })
    .where(eq(exchangeRuns.id, runId));
}

const EMPTY: RunCounts = { total: 0, created: 0, updated: 0, failed: 0 };

/**
 * Runs one import step in one transaction and logs it: a run per category it touches, opened
 * before and closed after. When the step throws, the transaction is rolled back (nothing changes
 * half-way) and every run is closed as "error" with the reason.
 */
export async function runLogged(
  db: Db,
  categories: readonly ExchangeCategory[],
  fileName: string | null,
  step: (tx: ImportContext["tx"]) => Promise<ImportContext>,
): Promise<{ ok: true; context: ImportContext } | { ok: false; error: string }> {
  const runIds = new Map<ExchangeCategory, string>();
  for (const category of categories) runIds.set(category, await startRun(db, category, fileName));
  let context: ImportContext | null = null;
  try {
    context = await db.transaction(async (tx) => step(tx));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    for (const runId of runIds.values()) await finishRun(db, runId, EMPTY, message.slice(0, 2000));
    return { ok: false, error: message };
  }
  for (const [category, runId] of runIds) {
    const counts = context.counts.get(category);
    // A category the file held nothing of leaves no empty run in the log.
    if (counts) await finishRun(db, runId, counts);
    else await db.delete(exchangeRuns).where(eq(exchangeRuns.id, runId));
  }
  const lines = context.items.flatMap((item) => {
    const runId = runIds.get(item.category);
    return runId ? [{ ...item, runId }] : [];
  });
  for (const part of chunks(lines, 1000)) await db.insert(exchangeRunItems).values(part);
  return { ok: true, context };
}
