import { decideRevisions, decisionSchema, moderationQueue, queueFiltersSchema } from "../../domain/supplier-products/moderation";
import { createTRPCRouter, staffProcedure } from "../init";

const moderator = staffProcedure("moderation.review");

/** Content moderators: the queue of suppliers' product changes, approve and reject (one or many). */
export const productModerationRouter = createTRPCRouter({
  productQueue: moderator.input(queueFiltersSchema).query(({ ctx, input }) => moderationQueue(ctx.db, input)),
  approveProducts: moderator.input(decisionSchema).mutation(({ ctx, input }) => decideRevisions(ctx.db, ctx.session.user.id, input, "approved")),
  rejectProducts: moderator.input(decisionSchema).mutation(({ ctx, input }) => decideRevisions(ctx.db, ctx.session.user.id, input, "rejected")),
});
