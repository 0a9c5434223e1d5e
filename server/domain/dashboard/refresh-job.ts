import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { refreshDashboardRollups } from "./rollups";

export const DASHBOARD_REFRESH_TOPIC = "dashboard.refresh";

/**
 * Asks the worker to refresh the rollups: one pending outbox row at most (a second request while
 * one waits adds nothing; a rare duplicate from a race only runs an idempotent refresh twice).
 */
export async function requestDashboardRefresh(db: Db, now = new Date()): Promise<void> {
  await db.execute(sql`
    insert into outbox (topic, payload, run_at)
    select ${DASHBOARD_REFRESH_TOPIC}, '{}'::jsonb, ${now.toISOString()}::timestamptz
    where not exists (select 1 from outbox where topic = ${DASHBOARD_REFRESH_TOPIC} and status = 'pending')`);
}

/** The outbox handler: brings the rollups up to date. */
export async function runDashboardRefreshJob(db: Db, context: { now: Date }): Promise<void> {
  await refreshDashboardRollups(db, { now: context.now });
}
