import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { b2bOrders, companies, companyMembers } from "@/db/schema";
import type { Role } from "../../auth/roles";
import { companyScope } from "../companies/company-scope";
import { notFound } from "../errors";

/** Who looks at B2B orders: a buyer (the orders of every company he works for) or staff (the companies in their scope). */
export type B2bOrderViewer = { kind: "buyer"; userId: string } | { kind: "staff"; id: string; role: Role };

/** A condition on b2b_orders: the rows this viewer may see. */
export function b2bOrderScope(viewer: B2bOrderViewer): SQL | undefined {
  if (viewer.kind === "buyer") {
    return sql`${b2bOrders.companyId} in (select ${companyMembers.companyId} from ${companyMembers} where ${companyMembers.userId} = ${viewer.userId})`;
  }
  const scope = companyScope({ id: viewer.id, role: viewer.role });
  return scope ? sql`${b2bOrders.companyId} in (select ${companies.id} from ${companies} where ${scope})` : undefined;
}

/** Loads an order the viewer may see (FOR UPDATE when `lock`), else NOT_FOUND. */
export async function visibleOrder(db: Db, viewer: B2bOrderViewer, orderId: string, lock = false) {
  const scope = b2bOrderScope(viewer);
  const query = db
    .select()
    .from(b2bOrders)
    .where(scope ? and(eq(b2bOrders.id, orderId), scope) : eq(b2bOrders.id, orderId));
  const [order] = lock ? await query.for("update") : await query;
  if (!order) throw notFound("Order");
  return order;
}
