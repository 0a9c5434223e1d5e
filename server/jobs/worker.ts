import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { backoffMs, claimJobs, completeJob, failJob, MAX_ATTEMPTS, type OutboxJob } from "./outbox";

export interface JobContext {
  workerId: string;
  now: Date;
  /** When this job will be tried again if it fails now (null: this was the last try). */
  nextRunIfFailed: Date | null;
}

export type JobHandler = (db: Db, job: OutboxJob, context: JobContext) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export interface RunOptions {
  workerId?: string;
  batchSize?: number;
  now?: Date;
  /** How long a claim holds before another worker may take the job (default LEASE_MS). */
  leaseMs?: number;
  /** How many jobs run at once (default DEFAULT_LANES); jobs of one order never overlap. */
  lanes?: number;
}

/** How many jobs of one pass run at once by default: a slow endpoint or mail server then holds one lane, not the whole queue. */
export const DEFAULT_LANES = 4;

/**
 * One pass: claim due jobs and run them; a failure schedules a retry with backoff. Returns how
 * many ran. Jobs of the same order run one after another in claim order (an order's e-mails keep
 * their sequence); other jobs run side by side in up to `lanes` lanes.
 */
export async function runDueJobs(db: Db, handlers: JobHandlers, options: RunOptions = {}): Promise<number> {
  const workerId = options.workerId ?? `worker-${process.pid}`;
  const now = options.now ?? new Date();
  const jobs = await claimJobs(db, workerId, options.batchSize ?? 20, now, options.leaseMs);
  const runOne = async (job: OutboxJob) => {
    const handler = handlers[job.topic];
    const nextRunIfFailed = job.attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + backoffMs(job.attempts));
    try {
      if (!handler) throw new Error(`No handler for topic ${job.topic}`);
      await handler(db, job, { workerId, now, nextRunIfFailed });
      await completeJob(db, job, workerId);
    } catch (error) {
      await failJob(db, job, workerId, error instanceof Error ? error.message : String(error), now);
    }
  };
  const queues = groupByOrder(jobs);
  let next = 0;
  const lane = async () => {
    while (next < queues.length) {
      const queue = queues[next++]!;
      for (const job of queue) await runOne(job);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.lanes ?? DEFAULT_LANES, queues.length)) }, lane));
  return jobs.length;
}

/** The claimed jobs as queues: one per order (in claim order), one per job without an order. */
function groupByOrder(jobs: OutboxJob[]): OutboxJob[][] {
  const byOrder = new Map<string, OutboxJob[]>();
  const queues: OutboxJob[][] = [];
  for (const job of jobs) {
    if (job.orderId === null) {
      queues.push([job]);
      continue;
    }
    const queue = byOrder.get(job.orderId);
    if (queue) queue.push(job);
    else {
      const created = [job];
      byOrder.set(job.orderId, created);
      queues.push(created);
    }
  }
  return queues;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

/** Polls the outbox until stopped; drains quickly while there is work, then waits `pollMs`. */
export function startWorker(getDb: () => Promise<Db>, handlers: JobHandlers, options: { pollMs?: number; batchSize?: number; leaseMs?: number } = {}): RunningWorker {
  const workerId = `worker-${process.pid}-${randomBytes(3).toString("hex")}`;
  const pollMs = options.pollMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    if (stopped) return;
    let ran = 0;
    try {
      ran = await runDueJobs(await getDb(), handlers, { workerId, batchSize: options.batchSize, leaseMs: options.leaseMs });
    } catch (error) {
      console.error(`[worker] pass failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!stopped) timer = setTimeout(() => (current = tick()), ran > 0 ? 0 : pollMs);
  };
  timer = setTimeout(() => (current = tick()), 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
