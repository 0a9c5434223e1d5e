import { z } from "zod";
import { bellState, markAllRead, markRead, markReadSchema } from "../../domain/notifications/bell";
import { myNotificationPrefs, notificationMatrix, setDefaultSchema, setMyNotificationPref, setNotificationDefault, setPrefSchema, smsLog } from "../../domain/notifications/matrix-settings";
import { myPushState, pushEndpointInput, pushStateInput, pushSubscriptionInput, removePushSubscription, savePushSubscription } from "../../domain/notifications/push-subscriptions";
import { forbidden } from "../../domain/errors";
import { getEnv } from "../../env";
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
  // Browser push: one's own browsers only. A staff member logged in as a client must not
  // subscribe their own browser to the client's notifications.
  pushState: authedProcedure.input(pushStateInput).query(({ ctx, input }) => myPushState(ctx.db, ctx.session.user.id, getEnv().vapid?.publicKey ?? null, input.endpoint)),
  subscribePush: authedProcedure.input(pushSubscriptionInput).mutation(({ ctx, input }) => {
    if (ctx.session.impersonator) throw forbidden("Push cannot be switched on while logged in as a client");
    return savePushSubscription(ctx.db, ctx.session.user.id, input, { allowLoopback: getEnv().nodeEnv !== "production" });
  }),
  unsubscribePush: authedProcedure.input(pushEndpointInput).mutation(({ ctx, input }) => removePushSubscription(ctx.db, ctx.session.user.id, input)),
  smsLog: staffProcedure("notifications.manage").input(z.object({}).optional()).query(({ ctx }) => smsLog(ctx.db)),
});
