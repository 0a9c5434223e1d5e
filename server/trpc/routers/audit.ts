import { searchAudit, searchAuditSchema } from "../../domain/audit/search-audit";
import { createTRPCRouter, staffProcedure } from "../init";

/** The audit log of staff actions (admin and director). */
export const auditRouter = createTRPCRouter({
  search: staffProcedure("audit.view").input(searchAuditSchema).query(({ ctx, input }) => searchAudit(ctx.db, input)),
});
