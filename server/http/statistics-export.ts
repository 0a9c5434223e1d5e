import { z } from "zod";
import type { Db } from "../../db/client";
import { can } from "../auth/permissions";
import type { ActiveSession } from "../domain/auth/sessions";
import { deepAnalytics } from "../domain/statistics/deep-analytics";
import { salesStatistics } from "../domain/statistics/sales-stats";
import { statisticsCsv, statisticsXlsx } from "../domain/statistics/stats-export";

const querySchema = z.object({
  format: z.enum(["csv", "xlsx"], { error: "format must be csv or xlsx" }),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

const json = (status: number, error: string) => Response.json({ error }, { status });

/**
 * GET /api/statistics/export?format=csv|xlsx&from&to: the sales statistics of the caller's scope
 * as a file. Staff with statistics.view (admin, director, head of managers, manager); the deep
 * analytics sheets only for statistics.deep (admin, director).
 */
export async function handleStatisticsExport(request: Request, deps: { db: Db; session: ActiveSession | null }): Promise<Response> {
  const { session } = deps;
  if (!session) return json(401, "Sign in first");
  if (!can(session.user.role, "statistics.view")) return json(403, "Your role may not see sales statistics");
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json(400, `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid value"}`);
  }
  const { format, from, to } = parsed.data;
  if (from && to && from > to) return json(400, "from: the start date is after the end date");
  const actor = { id: session.user.id, role: session.user.role };
  const [stats, deep] = await Promise.all([
    salesStatistics(deps.db, actor, { from, to }),
    can(session.user.role, "statistics.deep") ? deepAnalytics(deps.db, actor, { from, to }) : undefined,
  ]);
  const csv = format === "csv";
  const body = csv ? statisticsCsv(stats, deep) : await statisticsXlsx(stats, deep);
  return new Response(body as BodyInit, {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="statistics-${stats.range.from}-${stats.range.to}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
