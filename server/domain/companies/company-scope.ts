import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { companies, users } from "../../../db/schema";
import type { Role } from "../../auth/roles";
import { forbidden, notFound } from "../errors";

export interface CompanyActor {
  id: string;
  role: Role;
  ip?: string;
}

/** The ids of a head's team as a subquery: the managers he supervises and himself. */
function teamOf(headId: string): SQL {
  return sql`(select ${users.id} from ${users} where ${users.supervisorId} = ${headId} or ${users.id} = ${headId})`;
}

/**
 * Which companies a staff user may see and change, as a condition on `companies`: admins and
 * directors all; a head of managers those of the managers he supervises (users.supervisorId = head)
 * and his own; a manager those he serves (managerId = self); anyone else none.
 */
export function companyScope(actor: CompanyActor): SQL | undefined {
  switch (actor.role) {
    case "admin":
    case "director":
      return undefined;
    case "head_manager":
      return sql`${companies.managerId} in ${teamOf(actor.id)}`;
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

/**
 * A head of managers may give a company only to his own team (or himself); admins and directors
 * to any active manager. Throws FORBIDDEN otherwise.
 */
export async function assertMayAssignTo(db: Db, actor: CompanyActor, managerId: string | null): Promise<void> {
  if (!mayAssignManager(actor)) throw forbidden("Only a head of managers, a director or an admin may do this");
  if (actor.role !== "head_manager" || managerId === null || managerId === actor.id) return;
  const [member] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, managerId), eq(users.supervisorId, actor.id)))
    .limit(1);
  if (!member) throw forbidden("A head of managers assigns companies to his own team only");
}

/** The managers whose companies the actor sees (for filters and assignment lists): null means all. */
export async function managersInScope(db: Db, actor: CompanyActor): Promise<string[] | null> {
  if (actor.role === "admin" || actor.role === "director") return null;
  if (actor.role === "manager") return [actor.id];
  if (actor.role !== "head_manager") return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(or(eq(users.supervisorId, actor.id), eq(users.id, actor.id)));
  return rows.map((r) => r.id);
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

