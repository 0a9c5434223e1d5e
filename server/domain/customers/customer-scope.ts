import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { customers, users } from "../../../db/schema";
import type { ScopedUser } from "../orders/order-scope";

/**
 * Which customers a staff user may see and change, as a condition on `customers`: a manager his
 * own clients, a head of managers those of his team (and his own), directors and admins all;
 * every other role none. The same rule as `orderScope`, so a customer's page and its orders agree.
 */
export function customerScope(db: Db, user: ScopedUser): SQL | undefined {
  switch (user.role) {
    case "admin":
    case "director":
      return undefined;
    case "manager":
      return eq(customers.managerId, user.id);
    case "head_manager":
      return inArray(customers.managerId, teamOf(db, user.id));
    default:
      return sql`false`;
  }
}

/** A head of managers and the managers he supervises, as a subquery of user ids. */
export function teamOf(db: Db, headId: string) {
  return db.select({ id: users.id }).from(users).where(or(eq(users.supervisorId, headId), eq(users.id, headId)));
}
