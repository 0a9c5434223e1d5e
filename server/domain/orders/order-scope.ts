import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orders, users } from "../../../db/schema";
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
    // orders.manager_id mirrors the customer's manager (triggers, migration 0010): an index range.
    case "manager":
      return eq(orders.managerId, user.id);
    case "head_manager": {
      const team = await db.select({ id: users.id }).from(users).where(or(eq(users.supervisorId, user.id), eq(users.id, user.id)));
      return inArray(orders.managerId, team.map((m) => m.id));
    }
    default:
      return sql`false`;
  }
}
