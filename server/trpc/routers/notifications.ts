import { z } from "zod";
import { bellState, markAllRead, markRead, markReadSchema } from "../../domain/notifications/bell";
import { myNotificationPrefs, notificationMatrix, setDefaultSchema, setMyNotificationPref, setNotificationDefault, setPrefSchema, smsLog } from "../../domain/notifications/matrix-settings";
import { actorOf } from "../actor";
import { authedProcedure, createTRPCRouter, staffProcedure } from "../init";

/** The bell and one's own choices (every signed-in user, own rows only); the admin's defaults and SMS log. */
export const notificationsRouter = createTRPCRouter({
  bell: authedProcedure.query(({ ctx }) => bellState(ctx.db, ctx.session.user.id)),
  markRead: authedProcedure.input(markReadSchema).mutation(({ ctx, input }) => markRead(ctx.db, ctx.session.user.id, input)),
  markAllRead: authedProcedure.mutation(({ ctx }) => markAllRead(ctx.db, ctx.session.user.id)),
  myPrefs: authedProcedure.query(({ ctx }) => myNotificationPrefs(ctx.db, ctx.session.user.id)),
  setMyPref: authedProcedure.input(setPrefSchema).mutation(({ ctx, input }) => setMyNotificationPref(ctx.db, ctx.session.user.id, input)),
  matrix: staffProcedure("notifications.manage").query(({ ctx }) => notificationMatrix(ctx.db)),
  setDefault: staffProcedure("notifications.manage").input(setDefaultSchema).mutation(({ ctx, input }) => setNotificationDefault(ctx.db, actorOf(ctx), input)),
  smsLog: staffProcedure("notifications.manage").input(z.object({}).optional()).query(({ ctx }) => smsLog(ctx.db)),
});
