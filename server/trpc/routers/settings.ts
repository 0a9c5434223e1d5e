import { z } from "zod";
import { getSetting, setSetting } from "../../domain/settings/settings";
import { createTRPCRouter, staffProcedure } from "../init";

const manage = staffProcedure("settings.manage");

export const settingsRouter = createTRPCRouter({
  security: manage.query(async ({ ctx }) => ({
    requireAdminTotp: await getSetting(ctx.db, "security.requireAdminTotp"),
  })),
  setSecurity: manage
    .input(z.object({ requireAdminTotp: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setSetting(ctx.db, "security.requireAdminTotp", input.requireAdminTotp, ctx.session.user.id);
      return input;
    }),
  api: manage.query(async ({ ctx }) => ({ keyLifetimeDays: await getSetting(ctx.db, "api.keyLifetimeDays") })),
  setApi: manage
    .input(z.object({ keyLifetimeDays: z.number({ error: "keyLifetimeDays: a number of days" }).int().min(1, { error: "keyLifetimeDays: at least 1 day" }).max(365, { error: "keyLifetimeDays: at most 365 days" }) }))
    .mutation(async ({ ctx, input }) => {
      await setSetting(ctx.db, "api.keyLifetimeDays", input.keyLifetimeDays, ctx.session.user.id);
      return input;
    }),
});
