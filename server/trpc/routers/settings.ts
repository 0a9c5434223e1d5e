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
});
