/**
 * npm run worker — delivers outbox jobs in its own process (PostgreSQL only; with the embedded
 * database the app runs the worker itself). Start as many as you like: claims never overlap.
 */
import { ensureDatabaseReady } from "../server/db";
import { getEnv } from "../server/env";
import { jobHandlers } from "../server/jobs/handlers";
import { scheduleRecurringJobs } from "../server/jobs/recurring";
import { RECURRING_JOBS } from "../server/jobs/recurring-jobs";
import { startWorker } from "../server/jobs/worker";

async function main() {
  const env = getEnv();
  if (env.embedded) {
    console.error("npm run worker needs DATABASE_URL: the embedded database can only be opened by the app itself.");
    process.exit(1);
  }
  await scheduleRecurringJobs(await ensureDatabaseReady(), RECURRING_JOBS);
  const worker = startWorker(ensureDatabaseReady, jobHandlers(env), { leaseMs: env.outboxLeaseMs });
  console.log(`[worker] delivering outbox jobs (pid ${process.pid})`);
  const stop = () => {
    void worker.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
