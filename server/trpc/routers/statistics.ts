import { z } from "zod";
import { deepAnalytics } from "../../domain/statistics/deep-analytics";
import { liveFeed, salesStatistics } from "../../domain/statistics/sales-stats";
import { actorOf } from "../actor";
import { createTRPCRouter, staffProcedure } from "../init";

const view = staffProcedure("statistics.view");
const deep = staffProcedure("statistics.deep");
const rangeInput = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });

/** Sales statistics, the deep analytics (admins and directors) and the live feed, each within the caller's company scope. */
export const statisticsRouter = createTRPCRouter({
  sales: view.input(rangeInput).query(({ ctx, input }) => salesStatistics(ctx.db, actorOf(ctx), input)),
  deep: deep.input(rangeInput).query(({ ctx, input }) => deepAnalytics(ctx.db, actorOf(ctx), input)),
  feed: view.query(({ ctx }) => liveFeed(ctx.db, actorOf(ctx))),
});
