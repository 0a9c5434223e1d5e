import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { customers, orders, users } from "../../../db/schema";
import type { Role } from "../../auth/roles";

export interface ScopedUser {
  id: string;
  role: Role;
}

/**
 * Which orders a staff user may see, as a condition on orders: a manager their own clients, a
 * head of managers their managers' clients, the call center the orders sent to it, directors
 * and admins everything. Enforced in queries, not only in the UI.
 */
export async function orderScope(db: Db, user: ScopedUser): Promise<SQL | undefined> {
  switch (user.role) {
    case "admin":
    case "director":
      return undefined;
    case "call_center":
      // Only orders in the Call Center status: once a manager moves an order on, it leaves the queue.
      return eq(orders.status, "call_center");
    case "manager":
      return inArray(orders.customerId, db.select({ id: customers.id }).from(customers).where(eq(customers.managerId, user.id)));
    case "head_manager": {
      const team = db.select({ id: users.id }).from(users).where(or(eq(users.supervisorId, user.id), eq(users.id, user.id)));
      return inArray(orders.customerId, db.select({ id: customers.id }).from(customers).where(inArray(customers.managerId, team)));
    }
    default:
      return sql`false`;
  }
}
