import { eq, or } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { users } from "../../../db/schema";
import { can } from "../../auth/permissions";
import type { ScopedUser } from "../orders/order-scope";
import { forbidden } from "../errors";

/**
 * Whose figures a user sees, with the semantics of `orderScope`: admins and directors
 * everything; a manager the orders of customers whose `manager_id` is theirs; a head of
 * managers those of their own and their team's customers (`users.supervisor_id`). The rollups
 * are kept per manager of the customer, so the scope is a list of manager ids.
 */
export type DashboardScope = { kind: "all" } | { kind: "managers"; managerIds: string[] };

export async function dashboardScope(db: Db, user: ScopedUser): Promise<DashboardScope> {
  if (!can(user.role, "dashboard.view")) throw forbidden("Your role may not see the dashboard");
  switch (user.role) {
    case "admin":
    case "director":
      return { kind: "all" };
    case "manager":
      return { kind: "managers", managerIds: [user.id] };
    case "head_manager": {
      const team = await db
        .select({ id: users.id })
        .from(users)
        .where(or(eq(users.supervisorId, user.id), eq(users.id, user.id)));
      return { kind: "managers", managerIds: team.map((u) => u.id) };
    }
    default:
      throw forbidden("Your role may not see the dashboard");
  }
}
