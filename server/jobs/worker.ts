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
}


/** One pass: claim due jobs and run each; a failure schedules a retry with backoff. Returns how many ran. */
export async function runDueJobs(db: Db, handlers: JobHandlers, options: RunOptions = {}): Promise<number> {
  const workerId = options.workerId ?? `worker-${process.pid}`;
  const now = options.now ?? new Date();
  const jobs = await claimJobs(db, workerId, options.batchSize ?? 20, now, options.leaseMs);
  for (const job of jobs) {
    const handler = handlers[job.topic];
    const nextRunIfFailed = job.attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + backoffMs(job.attempts));
    try {
      if (!handler) throw new Error(`No handler for topic ${job.topic}`);
      await handler(db, job, { workerId, now, nextRunIfFailed });
      await completeJob(db, job, workerId);
    } catch (error) {
      await failJob(db, job, workerId, error instanceof Error ? error.message : String(error), now);
    }
  }
  return jobs.length;
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
