import { z } from "zod";
import { listFxRates, setFxRate } from "../../domain/money/fx-rates";
import { createTRPCRouter, staffProcedure } from "../init";

const manage = staffProcedure("fx.manage");

export const fxRatesRouter = createTRPCRouter({
  list: manage
    .input(z.object({ currency: z.string().regex(/^[A-Z]{3}$/).optional(), limit: z.number().int().min(1).max(1000).default(200) }))
    .query(({ ctx, input }) => listFxRates(ctx.db, input)),
  set: manage
    .input(
      z.object({
        currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Currency must be a 3-letter ISO code"),
        day: z.iso.date("Day must be YYYY-MM-DD"),
        usdPerUnit: z.string().trim().regex(/^\d{1,10}(\.\d{1,10})?$/, "Rate must be a positive decimal number"),
      }),
    )
    .mutation(({ ctx, input }) => setFxRate(ctx.db, input, ctx.session.user.id)),
});
