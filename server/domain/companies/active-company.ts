import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { buyerProfiles, companyMembers } from "@/db/schema";

export interface ActiveCompany {
  companyId: string;
  accessLevel: number;
  isOwner: boolean;
}

/**
 * The company a buyer now works for: the one chosen in the topbar if still a membership, else the
 * default membership, else the oldest. Null when the buyer belongs to no company yet.
 */
export async function getActiveCompany(db: Db, userId: string): Promise<ActiveCompany | null> {
  const [profile] = await db.select({ activeCompanyId: buyerProfiles.activeCompanyId }).from(buyerProfiles).where(eq(buyerProfiles.userId, userId));
  const memberships = await db
    .select({ companyId: companyMembers.companyId, accessLevel: companyMembers.accessLevel, isOwner: companyMembers.isOwner })
    .from(companyMembers)
    .where(eq(companyMembers.userId, userId))
    .orderBy(desc(companyMembers.isDefault), asc(companyMembers.createdAt));
  if (memberships.length === 0) return null;
  return memberships.find((m) => m.companyId === profile?.activeCompanyId) ?? memberships[0]!;
}

/** Switches the active company; refuses a company the buyer does not belong to. Carts are not touched. */
export async function setActiveCompany(db: Db, userId: string, companyId: string): Promise<boolean> {
  const [member] = await db
    .select({ companyId: companyMembers.companyId })
    .from(companyMembers)
    .where(and(eq(companyMembers.userId, userId), eq(companyMembers.companyId, companyId)));
  if (!member) return false;
  await db
    .insert(buyerProfiles)
    .values({ userId, activeCompanyId: companyId })
    .onConflictDoUpdate({ target: buyerProfiles.userId, set: { activeCompanyId: companyId, updatedAt: new Date() } });
  return true;
}
