import { z } from "zod";
import type { Db } from "../../db/client";
import { can } from "../auth/permissions";
import type { ActiveSession } from "../domain/auth/sessions";
import { exportedRows, ordersCsv, ordersXlsx } from "../domain/orders/order-export";
import { orderFiltersSchema } from "../domain/orders/order-list-query";

const exportQuerySchema = orderFiltersSchema.extend({
  format: z.enum(["csv", "xlsx"], { error: "format must be csv or xlsx" }),
  sort: z.enum(["created", "total"]).default("created"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});

const json = (status: number, error: string) => Response.json({ error }, { status });

/**
 * GET /api/orders/export?format=csv|xlsx&<the list's filters>: the filtered orders list as a
 * file. Who may call: staff with orders.export (admin, director, head of managers, manager),
 * each within their order scope; the call center, moderators, buyers and suppliers may not.
 */
export async function handleOrdersExport(request: Request, deps: { db: Db; session: ActiveSession | null; now?: Date }): Promise<Response> {
  const { session } = deps;
  if (!session) return json(401, "Sign in first");
  if (!can(session.user.role, "orders.export")) return json(403, "Your role may not export orders");
  const parsed = exportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json(400, `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid value"}`);
  }
  const { format, ...filters } = parsed.data;
  if (filters.from && filters.to && filters.from > filters.to) return json(400, "from: the start date is after the end date");
  const rows = exportedRows(deps.db, { id: session.user.id, role: session.user.role }, filters);
  const stamp = (deps.now ?? new Date()).toISOString().slice(0, 10);
  const csv = format === "csv";
  return new Response(csv ? ordersCsv(rows) : ordersXlsx(rows), {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="orders-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
