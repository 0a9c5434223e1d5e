import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { companies } from "../../../db/schema";
import type { Role } from "../../auth/roles";
import { forbidden, notFound } from "../errors";

export interface CompanyActor {
  id: string;
  role: Role;
  ip?: string;
}

/**
 * Which companies a staff user may see and change, as a condition on `companies`: admins,
 * directors and heads of managers all; a manager those he serves (managerId = self); anyone else none.
 */
export function companyScope(actor: CompanyActor): SQL | undefined {
  switch (actor.role) {
    case "admin":
    case "director":
    case "head_manager":
      return undefined;
    case "manager":
      return eq(companies.managerId, actor.id);
    default:
      return sql`false`;
  }
}

/** May this user give a company to another manager (or to nobody)? A manager may not. */
export function mayAssignManager(actor: CompanyActor): boolean {
  return actor.role === "admin" || actor.role === "director" || actor.role === "head_manager";
}

/** Throws NOT_FOUND unless the company exists within the actor's scope: another manager's company does not exist for him. */
export async function assertCompanyInScope(db: Db, actor: CompanyActor, companyId: string): Promise<void> {
  const scope = companyScope(actor);
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(scope ? sql`${eq(companies.id, companyId)} and ${scope}` : eq(companies.id, companyId))
    .limit(1);
  if (!row) throw notFound("Company");
}

export function assertMayAssign(actor: CompanyActor): void {
  if (!mayAssignManager(actor)) throw forbidden("Only a head of managers, a director or an admin may do this");
}
