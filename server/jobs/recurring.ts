import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outbox } from "../../db/schema";
import type { JobHandler } from "./worker";

/**
 * A job that repeats on a calendar (daily reminders, monthly statements), kept in the outbox like
 * every other job: durable, retried, visible. Each run schedules its successor in the same
 * transaction as its work and hands it `state` (what the run must remember, e.g. whom it reminded).
 */
export interface RecurringJob {
  topic: string;
  /** When the run after one at `now` is due. */
  nextRunAt(now: Date): Date;
  /** The work, inside one transaction; returns the state for the next run. */
  run(tx: Db, state: Record<string, unknown>, now: Date): Promise<Record<string, unknown>>;
}

/** The next `hourUtc`:00 UTC strictly after `now`. */
export function nextDailyAt(hourUtc: number): (now: Date) => Date {
  return (now) => {
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
    if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
    return next;
  };
}

/** `day` of the next month at `hourUtc`:00 UTC, or of this month if that is still ahead. */
export function nextMonthlyAt(day: number, hourUtc: number): (now: Date) => Date {
  return (now) => {
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), day, hourUtc));
    if (next <= now) next.setUTCMonth(next.getUTCMonth() + 1);
    return next;
  };
}

async function hasOtherPending(db: Db, topic: string, exceptId: number | null): Promise<boolean> {
  const [row] = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.topic, topic), eq(outbox.status, "pending"), exceptId === null ? undefined : ne(outbox.id, exceptId)))
    .limit(1);
  return Boolean(row);
}

export function recurringHandler(job: RecurringJob): JobHandler {
  return async (db, current, context) => {
    const state = (current.payload.state ?? {}) as Record<string, unknown>;
    await db.transaction(async (tx) => {
      const nextState = await job.run(tx, state, context.now);
      // Two workers that started the chain at once converge on one: a run only schedules when no other run waits.
      if (!(await hasOtherPending(tx, job.topic, current.id))) {
        await tx.insert(outbox).values({ topic: job.topic, payload: { state: nextState }, runAt: job.nextRunAt(context.now) });
      }
    });
  };
}

/** At worker start: every recurring job has its next run waiting (the first start, or after someone deleted it). */
export async function scheduleRecurringJobs(db: Db, jobs: readonly RecurringJob[], now = new Date()): Promise<void> {
  for (const job of jobs) {
    if (!(await hasOtherPending(db, job.topic, null))) await db.insert(outbox).values({ topic: job.topic, payload: { state: {} }, runAt: job.nextRunAt(now) });
  }
}
