import { z } from "zod";
import { RateLimiter } from "../../http/rate-limiter";
import { companyCounts, companyFormOptions, createCompany, getCompany, listCompanies, updateCompany } from "../../domain/companies/companies";
import {
  applicationSchema,
  approveApplicationSchema,
  attachMemberSchema,
  createCompanySchema,
  createContractSchema,
  createMemberUserSchema,
  holdingSchema,
  listApplicationsSchema,
  listCompaniesSchema,
  memberKeySchema,
  rejectApplicationSchema,
  updateCompanySchema,
  updateContractSchema,
  updateHoldingSchema,
  updateMemberSchema,
} from "../../domain/companies/company-schemas";
import { createContract, deleteContract, listContracts, updateContract } from "../../domain/companies/contracts";
import { createHolding, deleteHolding, listHoldings, updateHolding } from "../../domain/companies/holdings";
import { attachMember, createMemberUser, detachMember, listMembers, updateMember } from "../../domain/companies/members";
import { applyForRegistration, approveApplication, listApplications, rejectApplication } from "../../domain/companies/registration";
import { DomainError } from "../../domain/errors";
import { actorOf } from "../actor";
import { createTRPCRouter, publicProcedure, staffProcedure } from "../init";

const view = staffProcedure("companies.view");
const manage = staffProcedure("companies.manage");
const applications = staffProcedure("companies.applications");
const byId = z.object({ id: z.uuid() });
const byCompany = z.object({ companyId: z.uuid() });

/** Five applications a minute per address after a burst of ten (in this process): the form is public. */
const applyLimiter = new RateLimiter(5 / 60, 10);

/** Staff companies pages (scoped in the domain: a manager sees his own companies) and the public application. */
export const companiesRouter = createTRPCRouter({
  list: view.input(listCompaniesSchema).query(({ ctx, input }) => listCompanies(ctx.db, actorOf(ctx), input)),
  get: view.input(byId).query(({ ctx, input }) => getCompany(ctx.db, actorOf(ctx), input.id)),
  counts: view.input(byId).query(({ ctx, input }) => companyCounts(ctx.db, actorOf(ctx), input.id)),
  formOptions: view.query(({ ctx }) => companyFormOptions(ctx.db, actorOf(ctx))),
  create: manage.input(createCompanySchema).mutation(({ ctx, input }) => createCompany(ctx.db, actorOf(ctx), input)),
  update: manage.input(updateCompanySchema).mutation(({ ctx, input }) => updateCompany(ctx.db, actorOf(ctx), input)),

  holdings: view.query(({ ctx }) => listHoldings(ctx.db)),
  createHolding: manage.input(holdingSchema).mutation(({ ctx, input }) => createHolding(ctx.db, actorOf(ctx), input)),
  updateHolding: manage.input(updateHoldingSchema).mutation(({ ctx, input }) => updateHolding(ctx.db, actorOf(ctx), input)),
  deleteHolding: manage.input(byId).mutation(({ ctx, input }) => deleteHolding(ctx.db, actorOf(ctx), input.id)),

  contracts: view.input(byCompany).query(({ ctx, input }) => listContracts(ctx.db, actorOf(ctx), input.companyId)),
  createContract: manage.input(createContractSchema).mutation(({ ctx, input }) => createContract(ctx.db, actorOf(ctx), input)),
  updateContract: manage.input(updateContractSchema).mutation(({ ctx, input }) => updateContract(ctx.db, actorOf(ctx), input)),
  deleteContract: manage.input(byId).mutation(({ ctx, input }) => deleteContract(ctx.db, actorOf(ctx), input.id)),

  members: view.input(byCompany).query(({ ctx, input }) => listMembers(ctx.db, actorOf(ctx), input.companyId)),
  attachMember: manage.input(attachMemberSchema).mutation(({ ctx, input }) => attachMember(ctx.db, actorOf(ctx), input)),
  createMember: manage.input(createMemberUserSchema).mutation(({ ctx, input }) => createMemberUser(ctx.db, actorOf(ctx), input)),
  updateMember: manage.input(updateMemberSchema).mutation(({ ctx, input }) => updateMember(ctx.db, actorOf(ctx), input)),
  detachMember: manage.input(memberKeySchema).mutation(({ ctx, input }) => detachMember(ctx.db, actorOf(ctx), input)),

  applications: applications.input(listApplicationsSchema).query(({ ctx, input }) => listApplications(ctx.db, input)),
  approveApplication: applications.input(approveApplicationSchema).mutation(({ ctx, input }) => approveApplication(ctx.db, actorOf(ctx), input)),
  rejectApplication: applications.input(rejectApplicationSchema).mutation(({ ctx, input }) => rejectApplication(ctx.db, actorOf(ctx), input)),

  /** Public: the registration page of the closed club. Stores a pending application, never an account. */
  register: publicProcedure.input(applicationSchema).mutation(async ({ ctx, input }) => {
    const wait = applyLimiter.take(ctx.ip);
    if (wait > 0) throw new DomainError("RATE_LIMITED", "Too many applications; try again later", { retryAfterSeconds: wait });
    const { updated } = await applyForRegistration(ctx.db, input);
    return { ok: true as const, updated };
  }),
});
