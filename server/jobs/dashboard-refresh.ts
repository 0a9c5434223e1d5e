import { runDashboardRefreshJob } from "../domain/dashboard/refresh-job";
import type { JobHandler } from "./worker";

/** `dashboard.refresh`: rolls up the completed days and the dirty days (see server/domain/dashboard/rollups.ts). */
export const dashboardRefreshHandler: JobHandler = (db, _job, context) => runDashboardRefreshJob(db, { now: context.now });
