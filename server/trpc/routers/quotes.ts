import { z } from "zod";
import type { Role } from "../../auth/roles";
import { realActorId } from "../../domain/impersonation/impersonation";
import {
  acceptQuote, acceptQuoteSchema, declineQuote, listQuotes, quoteDetails, quoteFiltersSchema, requestQuote, requestQuoteSchema, searchQuoteVariants, sendQuote, updateQuote,
  updateQuoteSchema, variantSearchSchema,
} from "../../domain/quotes/quotes";
import { buyerProcedure, createTRPCRouter, staffProcedure } from "../init";

const buyer = buyerProcedure();
const staff = staffProcedure("quotes.manage");
const byId = z.object({ id: z.uuid() });

const actorOf = (ctx: { session: { user: { id: string; role: Role } }; ip: string }) => ({ id: ctx.session.user.id, role: ctx.session.user.role, ip: ctx.ip });

/**
 * Commercial offers. Buyers: request from a cart, see their companies' quotes, accept into an
 * order or decline. Staff (quotes.manage): the quotes of companies in their scope, edit and send.
 */
export const quotesRouter = createTRPCRouter({
  request: buyer.input(requestQuoteSchema).mutation(({ ctx, input }) => requestQuote(ctx.db, { userId: ctx.session.user.id, staffId: ctx.session.impersonator?.id }, input)),
  mine: buyer.input(quoteFiltersSchema.default({})).query(({ ctx, input }) => listQuotes(ctx.db, { kind: "buyer", userId: ctx.session.user.id }, input)),
  mineById: buyer.input(byId).query(({ ctx, input }) => quoteDetails(ctx.db, { kind: "buyer", userId: ctx.session.user.id }, input.id)),
  accept: buyer.input(acceptQuoteSchema).mutation(({ ctx, input }) => acceptQuote(ctx.db, { userId: ctx.session.user.id, staffId: ctx.session.impersonator ? realActorId(ctx.session) : null }, input)),
  decline: buyer.input(byId).mutation(({ ctx, input }) => declineQuote(ctx.db, { userId: ctx.session.user.id }, input.id)),

  list: staff.input(quoteFiltersSchema.default({})).query(({ ctx, input }) => listQuotes(ctx.db, { kind: "staff", actor: actorOf(ctx) }, input)),
  byId: staff.input(byId).query(({ ctx, input }) => quoteDetails(ctx.db, { kind: "staff", actor: actorOf(ctx) }, input.id)),
  update: staff.input(updateQuoteSchema).mutation(({ ctx, input }) => updateQuote(ctx.db, actorOf(ctx), input)),
  send: staff.input(byId).mutation(({ ctx, input }) => sendQuote(ctx.db, actorOf(ctx), input.id)),
  searchVariants: staff.input(variantSearchSchema).query(({ ctx, input }) => searchQuoteVariants(ctx.db, actorOf(ctx), input)),
});
