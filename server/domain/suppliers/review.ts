import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../../db/client";
import { outbox, supplierDocuments, supplierMembers, suppliers, users, type SUPPLIER_STATUSES } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { conflict, notFound } from "../errors";
import { listMembersOf } from "./members";
import { SUPPLIER_DECISION_TOPIC, type SupplierDecisionPayload } from "./decision-email";
import { decideSupplierSchema, listSuppliersSchema, type DecideSupplierInput } from "./supplier-schemas";

export interface ReviewActor {
  id: string;
  ip?: string;
}

export async function listSuppliersForReview(db: Db, rawInput: z.input<typeof listSuppliersSchema>) {
  const input = listSuppliersSchema.parse(rawInput);
  const conditions: SQL[] = [];
  if (input.status !== "all") conditions.push(eq(suppliers.status, input.status));
  if (input.search) {
    const pattern = `%${input.search.replace(/[%_\\]/g, "\\$&")}%`;
    const match = or(ilike(suppliers.name, pattern), ilike(suppliers.inn, pattern), ilike(suppliers.contactEmail, pattern));
    if (match) conditions.push(match);
  }
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: suppliers.id, name: suppliers.name, inn: suppliers.inn, kpp: suppliers.kpp, contactName: suppliers.contactName, contactEmail: suppliers.contactEmail,
        status: suppliers.status, reason: suppliers.reason, createdAt: suppliers.createdAt, reviewedAt: suppliers.reviewedAt,
      })
      .from(suppliers)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(suppliers.createdAt))
      .limit(200),
    db.select({ status: suppliers.status, n: count() }).from(suppliers).groupBy(suppliers.status),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<(typeof SUPPLIER_STATUSES)[number], number>>;
  return { rows, counts: byStatus };
}

/** Everything a reviewer needs: requisites, contacts, who applied, the documents (without their bytes). */
export async function getSupplierForReview(db: Db, id: string) {
  const [supplier] = await db.select().from(suppliers).where(eq(suppliers.id, id)).limit(1);
  if (!supplier) throw notFound("Supplier");
  const [documents, members, reviewer] = await Promise.all([
    db
      .select({ id: supplierDocuments.id, fileName: supplierDocuments.fileName, contentType: supplierDocuments.contentType, sizeBytes: supplierDocuments.sizeBytes, createdAt: supplierDocuments.createdAt })
      .from(supplierDocuments)
      .where(eq(supplierDocuments.supplierId, id))
      .orderBy(asc(supplierDocuments.createdAt)),
    listMembersOf(db, id),
    supplier.reviewedBy ? db.select({ name: users.name }).from(users).where(eq(users.id, supplier.reviewedBy)).limit(1) : Promise.resolve([]),
  ]);
  return { supplier, documents, members, reviewerName: reviewer[0]?.name ?? null };
}

/** One document's bytes for the reviewer's download (base64: the tRPC transport carries JSON). */
export async function getSupplierDocument(db: Db, documentId: string) {
  const [doc] = await db.select().from(supplierDocuments).where(eq(supplierDocuments.id, documentId)).limit(1);
  if (!doc) throw notFound("Document");
  return { fileName: doc.fileName, contentType: doc.contentType, base64: doc.content.toString("base64") };
}

const ALLOWED_FROM = {
  approve: ["pending", "rejected", "blocked"],
  reject: ["pending"],
  block: ["approved"],
} as const;
const STATUS_OF = { approve: "approved", reject: "rejected", block: "blocked" } as const;

/**
 * Approve, reject (pending only) or block (approved only) a supplier, in one transaction with the
 * audit entry and the e-mail to the applicant (outbox). Approval switches the owner's login on;
 * approving a blocked supplier unblocks it.
 */
export async function decideSupplier(db: Db, actor: ReviewActor, rawInput: DecideSupplierInput, now = new Date()) {
  const input = decideSupplierSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(suppliers).where(eq(suppliers.id, input.id)).limit(1).for("update");
    if (!current) throw notFound("Supplier");
    if (!(ALLOWED_FROM[input.decision] as readonly string[]).includes(current.status)) throw conflict(`A ${current.status} supplier cannot be ${STATUS_OF[input.decision]}`);
    const reason = input.decision === "approve" ? null : input.reason;
    const status = STATUS_OF[input.decision];
    await tx.update(suppliers).set({ status, reason, reviewedBy: actor.id, reviewedAt: now, updatedAt: now }).where(eq(suppliers.id, current.id));
    const owners = await tx.select({ userId: supplierMembers.userId }).from(supplierMembers).where(and(eq(supplierMembers.supplierId, current.id), eq(supplierMembers.isOwner, true)));
    if (input.decision === "approve") {
      for (const owner of owners) await tx.update(users).set({ isActive: true, updatedAt: now }).where(and(eq(users.id, owner.userId), eq(users.kind, "supplier")));
    }
    await recordAudit(tx, { actorId: actor.id, action: `supplier.${input.decision}`, targetType: "supplier", targetId: current.id, details: reason ? { reason } : {}, ip: actor.ip });
    if (current.contactEmail) {
      const payload: SupplierDecisionPayload = { supplierId: current.id, decision: status, reason };
      await tx.insert(outbox).values({ topic: SUPPLIER_DECISION_TOPIC, payload, runAt: now, createdAt: now });
    }
    return { id: current.id, status };
  });
}
