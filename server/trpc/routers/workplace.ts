import { z } from "zod";
import { setEmployeeActiveSchema } from "../../domain/companies/company-schemas";
import { setMemberActive } from "../../domain/companies/members";
import { listRegionManagers, setRegionManager, setRegionManagerSchema } from "../../domain/regions/region-managers";
import { myCompanies, myCompaniesSchema } from "../../domain/workplace/my-companies";
import { actorOf } from "../actor";
import { createTRPCRouter, staffProcedure } from "../init";

/** The manager's workplace: his companies (scoped in the domain), a member's account on/off, region managers. */
export const workplaceRouter = createTRPCRouter({
  companies: staffProcedure("workplace.view").input(myCompaniesSchema).query(({ ctx, input }) => myCompanies(ctx.db, actorOf(ctx), input)),
  setMemberActive: staffProcedure("companies.manage").input(setEmployeeActiveSchema).mutation(({ ctx, input }) => setMemberActive(ctx.db, actorOf(ctx), input)),
  regionManagers: staffProcedure("companies.assign").input(z.object({}).optional()).query(({ ctx }) => listRegionManagers(ctx.db)),
  setRegionManager: staffProcedure("companies.assign").input(setRegionManagerSchema).mutation(({ ctx, input }) => setRegionManager(ctx.db, actorOf(ctx), input)),
});
