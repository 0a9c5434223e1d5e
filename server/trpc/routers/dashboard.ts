import { dashboardRangeInput } from "../../domain/dashboard/date-range";
import { getDashboardOverview } from "../../domain/dashboard/overview";
import { requestDashboardRefresh } from "../../domain/dashboard/refresh-job";
import { createTRPCRouter, staffProcedure } from "../init";

const view = staffProcedure("dashboard.view");

export const dashboardRouter = createTRPCRouter({
  /** Every widget of the dashboard for one range; a stale rollup is handed to the worker to refresh. */
  overview: view.input(dashboardRangeInput).query(async ({ ctx, input }) => {
    const overview = await getDashboardOverview(ctx.db, ctx.session.user, input);
    if (overview.freshness.stale) await requestDashboardRefresh(ctx.db);
    return overview;
  }),
});
