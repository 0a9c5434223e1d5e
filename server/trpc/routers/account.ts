import QRCode from "qrcode";
import { z } from "zod";
import { passwordSchema } from "../../domain/auth/passwords";
import { beginTotpSetup, changeOwnPassword, confirmTotpSetup, disableOwnTotp, setOwnLocale, type SelfContext } from "../../domain/users/own-account";
import { SUPPORTED_LOCALES } from "../../domain/users/user-schemas";
import { HOME_BY_ROLE, PERMISSIONS, type Permission } from "../../auth/permissions";
import type { TrpcContext } from "../context";
import type { ActiveSession } from "../../domain/auth/sessions";
import { authedProcedure, createTRPCRouter } from "../init";
import { assertNotImpersonating } from "../../domain/impersonation/impersonation";

const selfOf = (ctx: TrpcContext & { session: ActiveSession }): SelfContext => {
  assertNotImpersonating(ctx.session);
  return selfOfSession(ctx);
};
const selfOfSession = (ctx: TrpcContext & { session: ActiveSession }): SelfContext => ({
  userId: ctx.session.user.id,
  sessionId: ctx.session.sessionId,
  encryptionKey: ctx.encryptionKey,
  ip: ctx.ip,
});

export const accountRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => {
    const { user } = ctx.session;
    const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => (PERMISSIONS[p] as readonly string[]).includes(user.role));
    return { user, permissions, home: HOME_BY_ROLE[user.role], remember: ctx.session.remember };
  }),
  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1, "Enter your current password"), newPassword: passwordSchema }))
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.db, selfOf(ctx), input.currentPassword, input.newPassword)),
  setLocale: authedProcedure
    .input(z.object({ locale: z.enum(SUPPORTED_LOCALES) }))
    .mutation(({ ctx, input }) => setOwnLocale(ctx.db, ctx.session.user.id, input.locale)),
  beginTotp: authedProcedure.mutation(async ({ ctx }) => {
    const { secret, uri } = await beginTotpSetup(ctx.db, selfOf(ctx));
    return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) };
  }),
  confirmTotp: authedProcedure
    .input(z.object({ code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code") }))
    .mutation(({ ctx, input }) => confirmTotpSetup(ctx.db, selfOf(ctx), input.code)),
  disableTotp: authedProcedure
    .input(z.object({ password: z.string().min(1, "Enter your password") }))
    .mutation(({ ctx, input }) => disableOwnTotp(ctx.db, selfOf(ctx), input.password)),
});
