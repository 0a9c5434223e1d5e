import { z } from "zod";
import { companyLookupFromEnv } from "../../integrations/company-lookup";
import { DomainError } from "../../domain/errors";
import { createNews, deleteNews, listNewsForModeration, listNewsForModerationSchema, listOwnNews, listPublishedNews, moderateNews, moderateNewsSchema, newsInputSchema, updateNews, updateNewsSchema } from "../../domain/suppliers/news";
import { acceptInvitation, acceptInvitationSchema, deactivateSupplierMember, inviteSupplierMember, inviteSupplierMemberSchema, listOwnMembers, supplierMemberKeySchema } from "../../domain/suppliers/members";
import { getOwnProfile, supplierHome, updateOwnProfile } from "../../domain/suppliers/profile";
import { applyAsSupplier, lookupCompany } from "../../domain/suppliers/registration";
import { decideSupplier, getSupplierDocument, getSupplierForReview, listSuppliersForReview } from "../../domain/suppliers/review";
import { decideSupplierSchema, documentIdSchema, listSuppliersSchema, lookupInnSchema, supplierApplicationSchema, supplierIdSchema, supplierProfileSchema } from "../../domain/suppliers/supplier-schemas";
import { RateLimiter } from "../../http/rate-limiter";
import { actorOf } from "../actor";
import { buyerProcedure, createTRPCRouter, publicProcedure, staffProcedure, supplierProcedure } from "../init";

/** The public form is anonymous: like the buyer application, a few tries a minute per address. */
const applyLimiter = new RateLimiter(5 / 60, 10);
/** The lookup calls a paid provider when configured: a little more room, still bounded. */
const lookupLimiter = new RateLimiter(20 / 60, 20);

/** Before the input is parsed, so a burst of junk spends the budget as well as a burst of valid forms. */
const limitedBy = (limiter: RateLimiter) =>
  publicProcedure.use(({ ctx, next }) => {
    const wait = limiter.take(ctx.ip);
    if (wait > 0) throw new DomainError("RATE_LIMITED", "Too many requests; try again later", { retryAfterSeconds: wait });
    return next();
  });

const review = staffProcedure("suppliers.review");
const moderate = staffProcedure("moderation.review");
const cabinet = supplierProcedure("supplier.cabinet");

export const suppliersRouter = createTRPCRouter({
  // ---- public: the application form ----
  register: limitedBy(applyLimiter).input(supplierApplicationSchema).mutation(async ({ ctx, input }) => {
    await applyAsSupplier(ctx.db, input, { ip: ctx.ip });
    return { ok: true as const };
  }),
  /** Public: an invited colleague sets a password from the e-mailed link (the token is the proof). */
  acceptInvitation: limitedBy(applyLimiter).input(acceptInvitationSchema).mutation(({ ctx, input }) => acceptInvitation(ctx.db, input, { ip: ctx.ip })),
  lookupInn: limitedBy(lookupLimiter).input(lookupInnSchema).mutation(({ input }) => lookupCompany(companyLookupFromEnv(), input)),

  // ---- staff: review of applications and suppliers ----
  list: review.input(listSuppliersSchema).query(({ ctx, input }) => listSuppliersForReview(ctx.db, input)),
  get: review.input(supplierIdSchema).query(({ ctx, input }) => getSupplierForReview(ctx.db, input.id)),
  document: review.input(documentIdSchema).query(({ ctx, input }) => getSupplierDocument(ctx.db, input.id)),
  decide: review.input(decideSupplierSchema).mutation(({ ctx, input }) => decideSupplier(ctx.db, actorOf(ctx), input)),

  // ---- staff: news moderation ----
  newsQueue: moderate.input(listNewsForModerationSchema).query(({ ctx, input }) => listNewsForModeration(ctx.db, input)),
  moderateNews: moderate.input(moderateNewsSchema).mutation(({ ctx, input }) => moderateNews(ctx.db, actorOf(ctx), input)),

  // ---- supplier cabinet (rows scoped by requireActiveSupplier inside the domain) ----
  home: cabinet.query(({ ctx }) => supplierHome(ctx.db, ctx.session.user.id)),
  profile: cabinet.query(({ ctx }) => getOwnProfile(ctx.db, ctx.session.user.id)),
  updateProfile: cabinet.input(supplierProfileSchema).mutation(({ ctx, input }) => updateOwnProfile(ctx.db, actorOf(ctx), input)),
  members: cabinet.query(({ ctx }) => listOwnMembers(ctx.db, ctx.session.user.id)),
  inviteMember: cabinet.input(inviteSupplierMemberSchema).mutation(({ ctx, input }) => inviteSupplierMember(ctx.db, actorOf(ctx), input)),
  deactivateMember: cabinet.input(supplierMemberKeySchema).mutation(({ ctx, input }) => deactivateSupplierMember(ctx.db, actorOf(ctx), input)),
  myNews: cabinet.query(({ ctx }) => listOwnNews(ctx.db, ctx.session.user.id)),
  createNews: cabinet.input(newsInputSchema).mutation(({ ctx, input }) => createNews(ctx.db, ctx.session.user.id, input)),
  updateNews: cabinet.input(updateNewsSchema).mutation(({ ctx, input }) => updateNews(ctx.db, ctx.session.user.id, input)),
  deleteNews: cabinet.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => deleteNews(ctx.db, ctx.session.user.id, input.id)),

  // ---- buyers: what moderators approved ----
  publishedNews: buyerProcedure("buyer.cabinet").query(({ ctx }) => listPublishedNews(ctx.db)),
});
