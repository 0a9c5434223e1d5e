import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { companies, outbox, reconciliationRequests } from "@/db/schema";
import { getActiveCompany } from "../companies/active-company";
import { MANAGER_QUESTION_TOPIC, type ManagerQuestionPayload } from "../companies/personal-manager";
import { DomainError } from "../errors";

export const reconciliationInputSchema = z
  .object({ from: z.iso.date({ error: "from: a date like 2026-01-31" }), to: z.iso.date({ error: "to: a date like 2026-03-31" }) })
  .refine((v) => v.from <= v.to, { message: "from: the start is after the end", path: ["from"] });
export type ReconciliationInput = z.input<typeof reconciliationInputSchema>;

/**
 * A buyer asks for a reconciliation act (акт сверки) for a period: the request is stored for the
 * company and, in the same transaction, e-mailed to the company's personal manager through the
 * outbox (the manager-question mail, in the manager's language). Without a manager the request
 * is only stored; `notified` says which.
 */
export async function requestReconciliation(db: Db, userId: string, raw: ReconciliationInput, now = new Date()) {
  const input = reconciliationInputSchema.parse(raw);
  const active = await getActiveCompany(db, userId);
  if (!active) throw new DomainError("PRECONDITION_FAILED", "You do not work for a company yet", { field: "company" });
  const [company] = await db.select({ managerId: companies.managerId }).from(companies).where(eq(companies.id, active.companyId));
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(reconciliationRequests).values({ companyId: active.companyId, userId, periodFrom: input.from, periodTo: input.to, createdAt: now }).returning();
    if (company?.managerId) {
      const payload: ManagerQuestionPayload = {
        buyerId: userId,
        companyId: active.companyId,
        managerId: company.managerId,
        kind: "reconciliation",
        question: `${input.from} – ${input.to}`,
      };
      await tx.insert(outbox).values({ topic: MANAGER_QUESTION_TOPIC, payload, runAt: now, createdAt: now });
    }
    return { ...row!, notified: Boolean(company?.managerId) };
  });
}
