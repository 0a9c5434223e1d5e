import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { supplierMembers, suppliers } from "../../../db/schema";
import { DomainError } from "../errors";

/**
 * The supplier a supplier-cabinet user acts for: an approved supplier he is a member of (the one
 * he owns first). Every supplier query is scoped by the id this returns, never by input.
 * Refused as PRECONDITION_FAILED (not FORBIDDEN): the role may use the cabinet, the account just
 * has no approved supplier yet.
 */
export async function requireActiveSupplier(db: Db, userId: string): Promise<{ supplierId: string; name: string; isOwner: boolean }> {
  const [row] = await db
    .select({ supplierId: suppliers.id, name: suppliers.name, isOwner: supplierMembers.isOwner })
    .from(supplierMembers)
    .innerJoin(suppliers, eq(suppliers.id, supplierMembers.supplierId))
    .where(and(eq(supplierMembers.userId, userId), eq(suppliers.status, "approved")))
    .orderBy(desc(supplierMembers.isOwner), suppliers.createdAt)
    .limit(1);
  if (!row) throw new DomainError("PRECONDITION_FAILED", "You do not work for an approved supplier", { field: "supplier" });
  return row;
}

/** The users who work for a supplier (notification recipients). */
export async function supplierMemberIds(db: Pick<Db, "select">, supplierId: string): Promise<string[]> {
  const rows = await db.select({ userId: supplierMembers.userId }).from(supplierMembers).where(eq(supplierMembers.supplierId, supplierId));
  return rows.map((r) => r.userId);
}
