import { z } from "zod";
import type { Role } from "../../auth/roles";
import { deleteCommissionRule, commissionRuleInputSchema, commissionTargets, listCommissionRules, saveCommissionRule } from "../../domain/supplier-orders/commission-rules";
import { partsOfOrder } from "../../domain/supplier-orders/order-parts";
import { allStatements, generateStatements, markPaidSchema, markStatementPaid, ownStatements, periodSchema, statementDetails } from "../../domain/supplier-orders/statements";
import { statisticsInputSchema, supplierStatistics } from "../../domain/supplier-orders/statistics";
import {
  listSupplierParts, moveSupplierPart, PART_DOCUMENT_KINDS, partTransitionSchema, supplierPartDetails, supplierPartFiltersSchema, uploadPartDocument,
} from "../../domain/supplier-orders/supplier-parts";
import { badInput } from "../../domain/errors";
import { buyerProcedure, createTRPCRouter, staffProcedure, supplierProcedure } from "../init";

const supplier = supplierProcedure();
const finance = staffProcedure("suppliers.finance");
const id = z.uuid();
const base64File = z.string().max(7_000_000, "The file is larger than 5 MB").regex(/^[A-Za-z0-9+/=]*$/, "Not base64");
const staffViewer = (user: { id: string; role: Role }) => ({ kind: "staff" as const, id: user.id, role: user.role });

/**
 * The marketplace's order side. Suppliers: their own order parts (scoped by requireActiveSupplier
 * in the domain), statistics and statements. Buyers and staff: the parts of an order they may see.
 * Finance staff (suppliers.finance): commission rules, statements, payouts.
 */
export const supplierOrdersRouter = createTRPCRouter({
  list: supplier.input(supplierPartFiltersSchema).query(({ ctx, input }) => listSupplierParts(ctx.db, ctx.session.user.id, input)),
  part: supplier.input(z.object({ partId: id })).query(({ ctx, input }) => supplierPartDetails(ctx.db, ctx.session.user.id, input.partId)),
  move: supplier.input(partTransitionSchema).mutation(({ ctx, input }) => moveSupplierPart(ctx.db, ctx.session.user.id, input)),
  uploadDocument: supplier
    .input(z.object({ partId: id, kind: z.enum(PART_DOCUMENT_KINDS), fileName: z.string().trim().min(1).max(200), contentType: z.string().max(100).default("application/pdf"), contentBase64: base64File }))
    .mutation(({ ctx, input }) => {
      if (!/\.(pdf|png|jpe?g|xlsx?|docx?)$/i.test(input.fileName)) throw badInput("Upload a PDF, image, Excel or Word file", "file");
      return uploadPartDocument(ctx.db, ctx.session.user.id, { ...input, content: Buffer.from(input.contentBase64, "base64") });
    }),
  statistics: supplier.input(statisticsInputSchema).query(({ ctx, input }) => supplierStatistics(ctx.db, ctx.session.user.id, input)),
  statements: supplier.query(({ ctx }) => ownStatements(ctx.db, ctx.session.user.id)),
  statement: supplier.input(z.object({ statementId: id })).query(({ ctx, input }) => statementDetails(ctx.db, { kind: "supplier", userId: ctx.session.user.id }, input.statementId)),

  orderParts: buyerProcedure().input(z.object({ orderId: id })).query(({ ctx, input }) => partsOfOrder(ctx.db, { kind: "buyer", userId: ctx.session.user.id }, input.orderId)),
  staffOrderParts: staffProcedure("b2bOrders.view").input(z.object({ orderId: id })).query(({ ctx, input }) => partsOfOrder(ctx.db, staffViewer(ctx.session.user), input.orderId)),

  commissionRules: finance.query(({ ctx }) => listCommissionRules(ctx.db)),
  commissionTargets: finance.query(({ ctx }) => commissionTargets(ctx.db)),
  saveCommissionRule: finance.input(commissionRuleInputSchema).mutation(({ ctx, input }) => saveCommissionRule(ctx.db, ctx.session.user.id, input)),
  deleteCommissionRule: finance.input(z.object({ ruleId: id })).mutation(({ ctx, input }) => deleteCommissionRule(ctx.db, ctx.session.user.id, input.ruleId)),
  allStatements: finance.input(z.object({ status: z.enum(["pending", "paid"]).optional() })).query(({ ctx, input }) => allStatements(ctx.db, input.status)),
  staffStatement: finance.input(z.object({ statementId: id })).query(({ ctx, input }) => statementDetails(ctx.db, { kind: "staff" }, input.statementId)),
  generateStatements: finance
    .input(z.object({ period: periodSchema, supplierId: id.optional() }))
    .mutation(({ ctx, input }) => generateStatements(ctx.db, ctx.session.user.id, input.period, input.supplierId)),
  markPaid: finance.input(markPaidSchema).mutation(({ ctx, input }) => markStatementPaid(ctx.db, ctx.session.user.id, input)),
});
