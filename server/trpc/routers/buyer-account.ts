import { z } from "zod";
import { companyEmployees, createEmployee, myCompanies, myCompany, setEmployeeActive, switchActiveCompany } from "../../domain/companies/buyer-company";
import { createEmployeeSchema, setEmployeeActiveSchema } from "../../domain/companies/company-schemas";
import { askManager, askManagerSchema, personalManager } from "../../domain/companies/personal-manager";
import { currentApiKey, issueApiKey, revokeApiKey } from "../../domain/catalog-api/api-keys";
import { regionChoices } from "../../domain/regions/regions";
import { actorOf } from "../actor";
import { buyerProcedure, createTRPCRouter } from "../init";
import { assertNotImpersonating } from "../../domain/impersonation/impersonation";

const buyer = buyerProcedure();

/** The buyer's own companies: the topbar switcher, requisites and contracts, and (owners) employees. */
export const buyerAccountRouter = createTRPCRouter({
  companies: buyer.query(({ ctx }) => myCompanies(ctx.db, ctx.session.user.id)),
  setActiveCompany: buyer.input(z.object({ companyId: z.uuid() })).mutation(({ ctx, input }) => {
    // A staff user logged in as the client stays within the company he serves.
    if (ctx.session.impersonator && ctx.session.impersonator.companyId !== input.companyId) assertNotImpersonating(ctx.session);
    return switchActiveCompany(ctx.db, ctx.session.user.id, input.companyId);
  }),
  company: buyer.input(z.object({ companyId: z.uuid().optional() }).default({})).query(({ ctx, input }) => myCompany(ctx.db, ctx.session.user.id, input.companyId)),
  employees: buyer.input(z.object({ companyId: z.uuid() })).query(({ ctx, input }) => companyEmployees(ctx.db, ctx.session.user.id, input.companyId)),
  createEmployee: buyer.input(createEmployeeSchema).mutation(({ ctx, input }) => createEmployee(ctx.db, actorOf(ctx), input)),
  setEmployeeActive: buyer.input(setEmployeeActiveSchema).mutation(({ ctx, input }) => setEmployeeActive(ctx.db, actorOf(ctx), input)),
  regions: buyer.query(({ ctx }) => regionChoices(ctx.db)),
  manager: buyer.query(({ ctx }) => personalManager(ctx.db, ctx.session.user.id)),
  askManager: buyer.input(askManagerSchema).mutation(({ ctx, input }) => askManager(ctx.db, ctx.session.user.id, input)),
  apiKey: buyer.query(({ ctx }) => currentApiKey(ctx.db, ctx.session.user.id)),
  issueApiKey: buyer.mutation(({ ctx }) => {
    assertNotImpersonating(ctx.session);
    return issueApiKey(ctx.db, ctx.session.user.id, { keepSessionId: ctx.session.sessionId });
  }),
  revokeApiKey: buyer.mutation(({ ctx }) => {
    assertNotImpersonating(ctx.session);
    return revokeApiKey(ctx.db, ctx.session.user.id);
  }),
});
