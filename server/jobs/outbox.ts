import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type Db } from "../../db/client";
import { outbox } from "../../db/schema";

export interface OutboxJob {
  id: number;
  topic: string;
  orderId: string | null;
  payload: Record<string, unknown>;
  /** Including the current one. */
  attempts: number;
}

export const MAX_ATTEMPTS = 12;
export const LEASE_MS = 60_000;

/** 15 s, 30 s, 1 min, 2 min … capped at one hour between tries. */
export function backoffMs(attempts: number): number {
  return Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED, so any number of workers never take the same
 * row. A claim is a lease: a worker that dies before finishing leaves the row to be claimed
 * again when the lease runs out — the job is late, never lost.
 */
export async function claimJobs(db: Db, workerId: string, limit: number, now = new Date(), leaseMs = LEASE_MS): Promise<OutboxJob[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const result = await db.execute(sql`
    update outbox set locked_until = ${until}::timestamptz, locked_by = ${workerId}, attempts = attempts + 1
    where id in (
      select id from outbox
      where status = 'pending' and run_at <= ${at}::timestamptz and (locked_until is null or locked_until < ${at}::timestamptz)
      order by run_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, topic, order_id, payload, attempts`);
  return rowsOf<{ id: number | string; topic: string; order_id: string | null; payload: Record<string, unknown> | string; attempts: number }>(result).map((r) => ({
    id: Number(r.id),
    topic: r.topic,
    orderId: r.order_id,
    payload: typeof r.payload === "string" ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
    attempts: r.attempts,
  }))
    // UPDATE … RETURNING gives no order; by id is the order the changes were written in.
    .sort((a, b) => a.id - b.id);
}

export async function completeJob(db: Db, job: OutboxJob, workerId: string, now = new Date()): Promise<void> {
  await db
    .update(outbox)
    .set({ status: "done", doneAt: now, lockedUntil: null, lastError: null })
    .where(and(eq(outbox.id, job.id), eq(outbox.lockedBy, workerId)));
}

/** Schedules the next try, or gives up after MAX_ATTEMPTS; returns when the next try is (null: given up). */
export async function failJob(db: Db, job: OutboxJob, workerId: string, error: string, now = new Date()): Promise<Date | null> {
  const giveUp = job.attempts >= MAX_ATTEMPTS;
  const nextRun = giveUp ? null : new Date(now.getTime() + backoffMs(job.attempts));
  await db
    .update(outbox)
    .set({ status: giveUp ? "failed" : "pending", runAt: nextRun ?? now, lockedUntil: null, lastError: error.slice(0, 2000) })
    .where(and(eq(outbox.id, job.id), eq(outbox.lockedBy, workerId)));
  return nextRun;
}
