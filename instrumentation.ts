/**
 * Runs once when the server starts: check the environment, migrate, seed on first start, start
 * the demo's sandbox payment gateway (demo mode), start the outbox worker.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./server/env");
  let env;
  try {
    env = getEnv();
  } catch (error) {
    // A misconfigured deployment must not linger half-alive: say what is wrong and stop.
    console.error(`[t3-crm] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const { ensureDatabaseReady } = await import("./server/db");
  const db = await ensureDatabaseReady();
  if (env.sandboxGateway) {
    const { startDemoSandbox } = await import("./server/integrations/payments/sandbox/demo-sandbox");
    await startDemoSandbox(db, { authSecret: env.authSecret, encryptionKey: env.encryptionKey, port: env.sandboxGatewayPort, appBaseUrl: env.appBaseUrl, log: (line) => console.log(line) });
  }
  if (env.workerInProcess) {
    const { startWorker } = await import("./server/jobs/worker");
    const { jobHandlers } = await import("./server/jobs/handlers");
    const { scheduleRecurringJobs } = await import("./server/jobs/recurring");
    const { RECURRING_JOBS } = await import("./server/jobs/recurring-jobs");
    await scheduleRecurringJobs(db, RECURRING_JOBS);
    startWorker(ensureDatabaseReady, jobHandlers(env), { leaseMs: env.outboxLeaseMs });
  }
}
