import { and, asc, desc, eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { companies, supplierOrderParts, supplierStatementRows, supplierStatements, suppliers } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { badInput, conflict, DomainError, notFound } from "../errors";
import { requireActiveSupplier, supplierMemberIds } from "../suppliers/supplier-scope";
import { notify } from "../notifications/notify";
import { monthBounds, statementTotals } from "./statement-math";

export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Period: YYYY-MM");

/**
 * Builds (or rebuilds) the monthly statements of a period: per supplier and currency, the parts
 * delivered in that month, their sales and commission snapshots, and the payout due. A statement
 * already paid is frozen and left as it is. Runs on demand from the staff page, and from a job.
 */
export async function generateStatements(db: Db, actorId: string | null, period: string, onlySupplierId?: string, now = new Date()) {
  const { start, next } = monthBounds(periodSchema.parse(period));
  if (start > now.toISOString().slice(0, 10)) throw badInput("The month has not started yet", "period");
  return db.transaction(async (tx) => {
    const delivered = await tx
      .select({ id: supplierOrderParts.id, number: supplierOrderParts.number, supplierId: supplierOrderParts.supplierId, currency: supplierOrderParts.currency, deliveredAt: supplierOrderParts.deliveredAt, totalMinor: supplierOrderParts.totalMinor, commissionMinor: supplierOrderParts.commissionMinor, companyName: companies.name })
      .from(supplierOrderParts)
      .innerJoin(companies, eq(companies.id, supplierOrderParts.companyId))
      .where(
        and(
          eq(supplierOrderParts.status, "delivered"),
          gte(supplierOrderParts.deliveredAt, new Date(`${start}T00:00:00Z`)),
          lt(supplierOrderParts.deliveredAt, new Date(`${next}T00:00:00Z`)),
          onlySupplierId ? eq(supplierOrderParts.supplierId, onlySupplierId) : undefined,
        ),
      )
      .orderBy(asc(supplierOrderParts.deliveredAt), asc(supplierOrderParts.number));
    const groups = new Map<string, typeof delivered>();
    for (const part of delivered) groups.set(`${part.supplierId}|${part.currency}`, [...(groups.get(`${part.supplierId}|${part.currency}`) ?? []), part]);
    const results: Array<{ id: string; supplierId: string; currency: string; payoutMinor: number; frozen: boolean }> = [];
    for (const [key, parts] of groups) {
      const [supplierId, currency] = key.split("|") as [string, string];
      const totals = statementTotals(parts.map((p) => ({ salesMinor: p.totalMinor, commissionMinor: p.commissionMinor })));
      const [existing] = await tx
        .select()
        .from(supplierStatements)
        .where(and(eq(supplierStatements.supplierId, supplierId), eq(supplierStatements.periodStart, start), eq(supplierStatements.currency, currency)))
        .for("update");
      if (existing?.payoutStatus === "paid") {
        results.push({ id: existing.id, supplierId, currency, payoutMinor: existing.payoutMinor, frozen: true });
        continue;
      }
      const [statement] = existing
        ? await tx.update(supplierStatements).set({ ...totals, generatedAt: now }).where(eq(supplierStatements.id, existing.id)).returning()
        : await tx.insert(supplierStatements).values({ supplierId, periodStart: start, currency, ...totals, generatedAt: now }).returning();
      await tx.delete(supplierStatementRows).where(eq(supplierStatementRows.statementId, statement!.id));
      await tx.insert(supplierStatementRows).values(
        parts.map((p) => ({ statementId: statement!.id, partId: p.id, partNumber: p.number, companyName: p.companyName, deliveredAt: p.deliveredAt!, salesMinor: p.totalMinor, commissionMinor: p.commissionMinor, payoutMinor: p.totalMinor - p.commissionMinor })),
      );
      if (!existing) {
        const memberIds = await supplierMemberIds(tx, supplierId);
        await notify(tx, { event: "supplier_statement.ready", userIds: memberIds, title: { en: `Statement for ${period} is ready`, ru: `Отчёт за ${period} сформирован` }, link: "/supplier/finance" });
      }
      results.push({ id: statement!.id, supplierId, currency, payoutMinor: statement!.payoutMinor, frozen: false });
    }
    await recordAudit(tx, { actorId, action: "supplier_statement.generate", targetType: "supplier_statement", details: { period, supplierId: onlySupplierId ?? null, statements: results.length } });
    return results;
  });
}

const statementColumns = {
  id: supplierStatements.id, supplierId: supplierStatements.supplierId, supplierName: suppliers.name, periodStart: supplierStatements.periodStart, currency: supplierStatements.currency,
  partsCount: supplierStatements.partsCount, salesMinor: supplierStatements.salesMinor, commissionMinor: supplierStatements.commissionMinor, payoutMinor: supplierStatements.payoutMinor,
  payoutStatus: supplierStatements.payoutStatus, paidAt: supplierStatements.paidAt, paymentReference: supplierStatements.paymentReference, generatedAt: supplierStatements.generatedAt,
};

/** Statements, newest month first: the supplier's own, or (staff, supplierId null) everyone's. */
async function statementsWhere(db: Db, supplierId: string | null, status?: "pending" | "paid") {
  return db
    .select(statementColumns)
    .from(supplierStatements)
    .innerJoin(suppliers, eq(suppliers.id, supplierStatements.supplierId))
    .where(and(supplierId ? eq(supplierStatements.supplierId, supplierId) : undefined, status ? eq(supplierStatements.payoutStatus, status) : undefined))
    .orderBy(desc(supplierStatements.periodStart), asc(suppliers.name))
    .limit(500);
}

export async function ownStatements(db: Db, userId: string) {
  const { supplierId } = await requireActiveSupplier(db, userId);
  const rows = await statementsWhere(db, supplierId);
  const totals = rows.reduce((acc, r) => (r.payoutStatus === "paid" ? { ...acc, paidMinor: acc.paidMinor + r.payoutMinor } : { ...acc, dueMinor: acc.dueMinor + r.payoutMinor }), { paidMinor: 0, dueMinor: 0 });
  return { rows, ...totals };
}

export async function allStatements(db: Db, status?: "pending" | "paid") {
  return statementsWhere(db, null, status);
}

/** Who reads a statement: the supplier that owns it, or finance staff. */
export type StatementViewer = { kind: "supplier"; userId: string } | { kind: "staff" };

export async function statementDetails(db: Db, viewer: StatementViewer, statementId: string) {
  const supplierId = viewer.kind === "supplier" ? (await requireActiveSupplier(db, viewer.userId)).supplierId : null;
  const [statement] = await db
    .select(statementColumns)
    .from(supplierStatements)
    .innerJoin(suppliers, eq(suppliers.id, supplierStatements.supplierId))
    .where(and(eq(supplierStatements.id, statementId), supplierId ? eq(supplierStatements.supplierId, supplierId) : undefined));
  if (!statement) throw notFound("Statement");
  const rows = await db.select().from(supplierStatementRows).where(eq(supplierStatementRows.statementId, statementId)).orderBy(asc(supplierStatementRows.deliveredAt), asc(supplierStatementRows.partNumber));
  return { statement, rows };
}

export const markPaidSchema = z.object({
  statementId: z.uuid(),
  paidAt: z.iso.date({ error: "Payment date: YYYY-MM-DD" }),
  reference: z.string().trim().min(1, "Payment reference is required").max(120),
});

/** Staff record the payout of a statement (pending → paid, with the date and the payment order's reference). */
export async function markStatementPaid(db: Db, actorId: string, input: z.infer<typeof markPaidSchema>) {
  return db.transaction(async (tx) => {
    const [statement] = await tx.select().from(supplierStatements).where(eq(supplierStatements.id, input.statementId)).for("update");
    if (!statement) throw notFound("Statement");
    if (statement.payoutStatus === "paid") throw conflict("This statement is already paid", "statementId");
    if (input.paidAt < statement.periodStart) throw new DomainError("BAD_INPUT", "The payment date is before the statement's month", { field: "paidAt" });
    await tx.update(supplierStatements).set({ payoutStatus: "paid", paidAt: input.paidAt, paymentReference: input.reference, paidBy: actorId }).where(eq(supplierStatements.id, statement.id));
    await recordAudit(tx, { actorId, action: "supplier_statement.paid", targetType: "supplier_statement", targetId: statement.id, details: { paidAt: input.paidAt, reference: input.reference, payoutMinor: statement.payoutMinor } });
    const memberIds = await supplierMemberIds(tx, statement.supplierId);
    await notify(tx, {
      event: "supplier_payout.paid",
      userIds: memberIds,
      title: { en: `Payout for ${statement.periodStart.slice(0, 7)} sent`, ru: `Выплата за ${statement.periodStart.slice(0, 7)} отправлена` },
      body: { en: `Reference ${input.reference}`, ru: `Платёжное поручение ${input.reference}` },
      link: "/supplier/finance",
    });
    return { id: statement.id, payoutStatus: "paid" as const };
  });
}

/** The month before `now` as YYYY-MM: what the monthly job closes. */
export function previousMonth(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

