import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { supplierMembers, suppliers, users } from "../../../db/schema";
import { forbidden } from "../errors";

export interface ActiveSupplier {
  supplierId: string;
  name: string;
  isOwner: boolean;
}

/**
 * The approved supplier the user acts for, or null. A user normally belongs to one supplier;
 * if to several, the one he owns wins, then the oldest membership — a stable, explainable choice.
 * Pending, rejected and blocked suppliers do not count: their members have no cabinet.
 */
export async function activeSupplierOf(db: Db, userId: string): Promise<ActiveSupplier | null> {
  const [row] = await db
    .select({ supplierId: suppliers.id, name: suppliers.name, isOwner: supplierMembers.isOwner })
    .from(supplierMembers)
    .innerJoin(suppliers, eq(suppliers.id, supplierMembers.supplierId))
    .where(and(eq(supplierMembers.userId, userId), eq(suppliers.status, "approved")))
    .orderBy(desc(supplierMembers.isOwner), asc(supplierMembers.createdAt), asc(suppliers.id))
    .limit(1);
  return row ?? null;
}

/**
 * THE scoping helper of the supplier cabinet: every supplier-side domain function starts here
 * and filters its rows by the returned supplierId, so one supplier never reaches another's data.
 * Throws FORBIDDEN when the user has no approved supplier.
 */
export async function requireActiveSupplier(db: Db, userId: string): Promise<{ supplierId: string; name: string; isOwner: boolean }> {
  const supplier = await activeSupplierOf(db, userId);
  if (!supplier) throw forbidden("You are not a member of an approved supplier");
  return supplier;
}

/** The users who work for a supplier (notification recipients): a deactivated or not yet joined colleague hears nothing. */
export async function supplierMemberIds(db: Pick<Db, "select">, supplierId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: supplierMembers.userId })
    .from(supplierMembers)
    .innerJoin(users, eq(users.id, supplierMembers.userId))
    .where(and(eq(supplierMembers.supplierId, supplierId), eq(users.isActive, true)));
  return rows.map((r) => r.userId);
}
