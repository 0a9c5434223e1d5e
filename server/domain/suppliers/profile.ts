import { and, count, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { products, supplierMembers, supplierNews, suppliers } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { forbidden, notFound } from "../errors";
import { bankOf } from "./registration";
import { requireActiveSupplier } from "./supplier-scope";
import { supplierProfileSchema, type SupplierProfileInput } from "./supplier-schemas";

/** The cabinet home: the acting user's supplier with the counts that exist today. */
export async function supplierHome(db: Db, userId: string) {
  const active = await requireActiveSupplier(db, userId);
  const [[supplier], [productCount], [memberCount], news] = await Promise.all([
    db.select({ name: suppliers.name, inn: suppliers.inn, status: suppliers.status, reviewedAt: suppliers.reviewedAt }).from(suppliers).where(eq(suppliers.id, active.supplierId)),
    db.select({ n: count() }).from(products).where(eq(products.supplierId, active.supplierId)),
    db.select({ n: count() }).from(supplierMembers).where(eq(supplierMembers.supplierId, active.supplierId)),
    db.select({ status: supplierNews.status, n: count() }).from(supplierNews).where(eq(supplierNews.supplierId, active.supplierId)).groupBy(supplierNews.status),
  ]);
  if (!supplier) throw notFound("Supplier");
  const newsBy = Object.fromEntries(news.map((r) => [r.status, r.n]));
  return {
    ...active,
    inn: supplier.inn,
    status: supplier.status,
    approvedAt: supplier.reviewedAt,
    products: productCount?.n ?? 0,
    members: memberCount?.n ?? 0,
    newsPending: newsBy.pending ?? 0,
    newsApproved: newsBy.approved ?? 0,
  };
}

/** The acting user's own supplier profile — never another's: the id comes from the membership, not the request. */
export async function getOwnProfile(db: Db, userId: string) {
  const active = await requireActiveSupplier(db, userId);
  const [row] = await db.select().from(suppliers).where(eq(suppliers.id, active.supplierId)).limit(1);
  if (!row) throw notFound("Supplier");
  const { reviewedBy: _reviewer, ...profile } = row;
  return { ...profile, isOwner: active.isOwner };
}

/** The owner edits contacts, addresses and bank details; the name and INN stay as approved. */
export async function updateOwnProfile(db: Db, actor: { id: string; ip?: string }, rawInput: SupplierProfileInput) {
  const active = await requireActiveSupplier(db, actor.id);
  if (!active.isOwner) throw forbidden("Only the supplier's owner may change its profile");
  const [current] = await db.select({ inn: suppliers.inn }).from(suppliers).where(eq(suppliers.id, active.supplierId)).limit(1);
  if (!current) throw notFound("Supplier");
  const input = supplierProfileSchema.parse({ ...rawInput, inn: current.inn });
  await db.transaction(async (tx) => {
    await tx
      .update(suppliers)
      .set({
        kpp: input.kpp ?? null, ogrn: input.ogrn ?? null, legalAddress: input.legalAddress, postalAddress: input.postalAddress ?? null, bank: bankOf(input),
        website: input.website ?? null, description: input.description ?? null, contactName: input.contactName, contactEmail: input.contactEmail, contactPhone: input.contactPhone, updatedAt: new Date(),
      })
      .where(and(eq(suppliers.id, active.supplierId), eq(suppliers.status, "approved")));
    await recordAudit(tx, { actorId: actor.id, action: "supplier.profile_update", targetType: "supplier", targetId: active.supplierId, ip: actor.ip });
  });
}
