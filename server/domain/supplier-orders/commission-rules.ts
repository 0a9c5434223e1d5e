import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { categories, commissionRules, suppliers } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { badInput, conflict, isUniqueViolation, notFound } from "../errors";

/** Percent as typed by staff ("12.5") → basis points (1250), by string arithmetic, never floats. */
export function percentToBp(percent: string): number {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(percent.trim());
  if (!match) throw badInput("Percent: a number like 10 or 12.5", "percent");
  const bp = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (bp > 10_000) throw badInput("Percent: at most 100", "percent");
  return bp;
}

export const commissionRuleInputSchema = z.object({
  target: z.enum(["default", "supplier", "category"]),
  supplierId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  percent: z.string().trim().min(1, "Percent is required").max(6),
});

/** Every rule with the name of what it applies to: the default first, then suppliers, then categories. */
export async function listCommissionRules(db: Db) {
  return db
    .select({ id: commissionRules.id, supplierId: commissionRules.supplierId, categoryId: commissionRules.categoryId, percentBp: commissionRules.percentBp, supplierName: suppliers.name, categoryName: categories.name, updatedAt: commissionRules.updatedAt })
    .from(commissionRules)
    .leftJoin(suppliers, eq(suppliers.id, commissionRules.supplierId))
    .leftJoin(categories, eq(categories.id, commissionRules.categoryId))
    .orderBy(sql`${commissionRules.supplierId} is not null`, sql`${commissionRules.categoryId} is not null`, asc(suppliers.name), asc(categories.name));
}

/** Sets the rate of a target (creating its rule or changing it). Existing orders keep their snapshots. */
export async function saveCommissionRule(db: Db, actorId: string, input: z.infer<typeof commissionRuleInputSchema>) {
  const percentBp = percentToBp(input.percent);
  const supplierId = input.target === "supplier" ? input.supplierId : undefined;
  const categoryId = input.target === "category" ? input.categoryId : undefined;
  if (input.target === "supplier" && !supplierId) throw badInput("Choose a supplier", "supplierId");
  if (input.target === "category" && !categoryId) throw badInput("Choose a category", "categoryId");
  if (supplierId && !(await db.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.id, supplierId)))[0]) throw badInput("Unknown supplier", "supplierId");
  if (categoryId && !(await db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId)))[0]) throw badInput("Unknown category", "categoryId");
  const target = and(supplierId ? eq(commissionRules.supplierId, supplierId) : isNull(commissionRules.supplierId), categoryId ? eq(commissionRules.categoryId, categoryId) : isNull(commissionRules.categoryId));
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx.select().from(commissionRules).where(target).for("update");
      const [row] = existing
        ? await tx.update(commissionRules).set({ percentBp, updatedBy: actorId, updatedAt: new Date() }).where(eq(commissionRules.id, existing.id)).returning()
        : await tx.insert(commissionRules).values({ supplierId: supplierId ?? null, categoryId: categoryId ?? null, percentBp, updatedBy: actorId }).returning();
      await recordAudit(tx, { actorId, action: "commission_rule.save", targetType: "commission_rule", targetId: row!.id, details: { supplierId, categoryId, before: existing?.percentBp ?? null, after: percentBp } });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("Someone saved this rule at the same moment; reload", "percent");
    throw error;
  }
}

export async function deleteCommissionRule(db: Db, actorId: string, ruleId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(commissionRules).where(eq(commissionRules.id, ruleId)).returning();
    if (!row) throw notFound("Commission rule");
    await recordAudit(tx, { actorId, action: "commission_rule.delete", targetType: "commission_rule", targetId: ruleId, details: { percentBp: row.percentBp } });
    return { id: ruleId };
  });
}

/** What the admin page's pickers offer. */
export async function commissionTargets(db: Db) {
  const [supplierRows, categoryRows] = await Promise.all([
    db.select({ id: suppliers.id, name: suppliers.name }).from(suppliers).where(eq(suppliers.status, "approved")).orderBy(asc(suppliers.name)),
    db.select({ id: categories.id, name: categories.name }).from(categories).orderBy(asc(categories.name)).limit(5000),
  ]);
  return { suppliers: supplierRows, categories: categoryRows };
}
