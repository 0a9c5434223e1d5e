import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../../db/client";
import { productRevisions, products, suppliers } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { badInput } from "../errors";
import { notify } from "../notifications/notify";
import { supplierMemberIds } from "../suppliers/supplier-scope";
import { applyContent, loadContent } from "./content";
import { buildContentDiff, type ContentDiff } from "./content-diff";
import { toDisplayContents } from "./display-content";

export const queueFiltersSchema = z.object({ supplierId: z.uuid().optional(), kind: z.enum(["create", "update"]).optional() });

export interface QueueItem {
  id: string;
  kind: "create" | "update";
  productId: string;
  sku: string;
  supplierId: string;
  supplierName: string;
  submittedAt: Date;
  diff: ContentDiff;
}

/** Pending revisions, oldest first, each with its field-by-field diff against what buyers see now. */
export async function moderationQueue(db: Db, filters: z.output<typeof queueFiltersSchema>): Promise<{ items: QueueItem[]; suppliers: Array<{ id: string; name: string }> }> {
  const where: SQL[] = [eq(productRevisions.status, "pending")];
  if (filters.supplierId) where.push(eq(productRevisions.supplierId, filters.supplierId));
  if (filters.kind) where.push(eq(productRevisions.kind, filters.kind));
  const rows = await db
    .select({
      id: productRevisions.id,
      kind: productRevisions.kind,
      productId: productRevisions.productId,
      proposed: productRevisions.proposed,
      createdAt: productRevisions.createdAt,
      sku: products.sku,
      supplierId: suppliers.id,
      supplierName: suppliers.name,
    })
    .from(productRevisions)
    .innerJoin(products, eq(products.id, productRevisions.productId))
    .innerJoin(suppliers, eq(suppliers.id, productRevisions.supplierId))
    .where(and(...where))
    .orderBy(asc(productRevisions.createdAt))
    .limit(200);
  const live = await Promise.all(rows.map((r) => (r.kind === "create" ? null : loadContent(db, r.productId))));
  const shown = await toDisplayContents(db, [...live, ...rows.map((r) => r.proposed)]);
  const items = rows.map((r, i) => ({
    id: r.id,
    kind: r.kind,
    productId: r.productId,
    sku: r.sku,
    supplierId: r.supplierId,
    supplierName: r.supplierName,
    submittedAt: r.createdAt,
    diff: buildContentDiff(shown[i] ?? null, shown[rows.length + i]!),
  }));
  const withPending = await db
    .selectDistinct({ id: suppliers.id, name: suppliers.name })
    .from(suppliers)
    .innerJoin(productRevisions, and(eq(productRevisions.supplierId, suppliers.id), eq(productRevisions.status, "pending")))
    .orderBy(asc(suppliers.name));
  return { items, suppliers: withPending };
}

export const decisionSchema = z.object({
  revisionIds: z.array(z.uuid()).min(1, "Select at least one item").max(200),
  comment: z.string().trim().max(2000).optional(),
});

type Decision = "approved" | "rejected";

/**
 * Approves or rejects pending revisions in one transaction. Approval applies the proposed content
 * and publishes the product; rejection keeps what buyers see (a new product becomes "rejected")
 * and leaves the comment for the supplier. Revisions decided meanwhile are skipped.
 */
export async function decideRevisions(db: Db, moderatorId: string, input: z.output<typeof decisionSchema>, decision: Decision): Promise<{ decided: number; skipped: number }> {
  const comment = input.comment || null;
  if (decision === "rejected" && !comment) throw badInput("Say why the change is rejected", "comment");
  return db.transaction(async (tx) => {
    const pending = await tx
      .select()
      .from(productRevisions)
      .where(and(inArray(productRevisions.id, input.revisionIds), eq(productRevisions.status, "pending")))
      .orderBy(asc(productRevisions.id))
      .for("update");
    for (const revision of pending) await decideOne(tx, moderatorId, revision, decision, comment);
    return { decided: pending.length, skipped: input.revisionIds.length - pending.length };
  });
}

async function decideOne(tx: Tx, moderatorId: string, revision: typeof productRevisions.$inferSelect, decision: Decision, comment: string | null) {
  const previous = revision.kind === "update" ? await loadContent(tx, revision.productId) : null;
  if (decision === "approved") {
    await applyContent(tx, revision.productId, revision.proposed);
    await tx.update(products).set({ status: "published", updatedAt: new Date() }).where(eq(products.id, revision.productId));
  } else if (revision.kind === "create") {
    await tx.update(products).set({ status: "rejected", updatedAt: new Date() }).where(eq(products.id, revision.productId));
  }
  await tx
    .update(productRevisions)
    .set({ status: decision, comment, previous, reviewedBy: moderatorId, reviewedAt: new Date() })
    .where(eq(productRevisions.id, revision.id));
  const [product] = await tx.select({ sku: products.sku, name: products.name }).from(products).where(eq(products.id, revision.productId));
  const label = `${product?.sku ?? ""} ${revision.proposed.name}`.trim();
  await notify(tx, {
    event: decision === "approved" ? "supplier.product_approved" : "supplier.product_rejected",
    userIds: await supplierMemberIds(tx, revision.supplierId),
    title:
      decision === "approved"
        ? { en: `Approved: ${label}`, ru: `Одобрено: ${label}` }
        : { en: `Rejected: ${label}`, ru: `Отклонено: ${label}` },
    body: comment ? { en: comment, ru: comment } : undefined,
    link: `/supplier/products/${revision.productId}`,
  });
  await recordAudit(tx, {
    actorId: moderatorId,
    action: decision === "approved" ? "product_revision.approve" : "product_revision.reject",
    targetType: "product",
    targetId: revision.productId,
    details: { revisionId: revision.id, kind: revision.kind, supplierId: revision.supplierId, comment },
  });
}
