import { z } from "zod";
import type { Role } from "../../auth/roles";
import { changeClaimStatus, claimableOrders, claimCommentSchema, claimDetails, claimFiltersSchema, claimStatusSchema, commentOnClaim, createClaim, createClaimSchema, listClaims } from "../../domain/claims/claims";
import { buyerProcedure, createTRPCRouter, staffProcedure } from "../init";

const buyer = buyerProcedure();
const staff = staffProcedure("claims.manage");
const byId = z.object({ id: z.uuid() });

const actorOf = (ctx: { session: { user: { id: string; role: Role } }; ip: string }) => ({ id: ctx.session.user.id, role: ctx.session.user.role, ip: ctx.ip });

/**
 * Claims and returns. Buyers: file one on their companies' orders, follow and comment.
 * Staff (claims.manage): the queue of the companies in their scope, comments, statuses.
 */
export const claimsRouter = createTRPCRouter({
  create: buyer.input(createClaimSchema).mutation(({ ctx, input }) => createClaim(ctx.db, { userId: ctx.session.user.id, staffId: ctx.session.impersonator?.id }, input)),
  orders: buyer.query(({ ctx }) => claimableOrders(ctx.db, ctx.session.user.id)),
  mine: buyer.input(claimFiltersSchema.default({})).query(({ ctx, input }) => listClaims(ctx.db, { kind: "buyer", userId: ctx.session.user.id }, input)),
  mineById: buyer.input(byId).query(({ ctx, input }) => claimDetails(ctx.db, { kind: "buyer", userId: ctx.session.user.id }, input.id)),
  comment: buyer.input(claimCommentSchema).mutation(({ ctx, input }) =>
    commentOnClaim(ctx.db, { viewer: { kind: "buyer", userId: ctx.session.user.id }, userId: ctx.session.user.id, staffId: ctx.session.impersonator?.id }, input),
  ),

  list: staff.input(claimFiltersSchema.default({})).query(({ ctx, input }) => listClaims(ctx.db, { kind: "staff", actor: actorOf(ctx) }, input)),
  byId: staff.input(byId).query(({ ctx, input }) => claimDetails(ctx.db, { kind: "staff", actor: actorOf(ctx) }, input.id)),
  staffComment: staff.input(claimCommentSchema).mutation(({ ctx, input }) => commentOnClaim(ctx.db, { viewer: { kind: "staff", actor: actorOf(ctx) }, userId: ctx.session.user.id }, input)),
  setStatus: staff.input(claimStatusSchema).mutation(({ ctx, input }) => changeClaimStatus(ctx.db, actorOf(ctx), input)),
});
