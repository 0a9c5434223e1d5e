import { exchangeCredentialInput, exchangeLogin, setExchangeCredential } from "../../domain/exchange/credentials";
import { exchangeSummary, itemListInput, listRunItems, listRuns, runListInput, scheduleInput, setSchedule } from "../../domain/exchange/exchange-log";
import { createTRPCRouter, staffProcedure } from "../init";

const manage = staffProcedure("exchange.manage");

/** Exchange logs (summary, all runs, single items), the schedule and the 1C credential. */
export const exchangeRouter = createTRPCRouter({
  summary: manage.query(({ ctx }) => exchangeSummary(ctx.db)),
  runs: manage.input(runListInput).query(({ ctx, input }) => listRuns(ctx.db, input)),
  items: manage.input(itemListInput).query(({ ctx, input }) => listRunItems(ctx.db, input)),
  setSchedule: manage.input(scheduleInput).mutation(({ ctx, input }) => setSchedule(ctx.db, input, ctx.session.user.id)),
  credential: manage.query(async ({ ctx }) => ({ login: await exchangeLogin(ctx.db) })),
  setCredential: manage.input(exchangeCredentialInput).mutation(async ({ ctx, input }) => {
    await setExchangeCredential(ctx.db, input, ctx.session.user.id);
    return { login: input.login };
  }),
});
