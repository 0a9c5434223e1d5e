import { and, desc, eq, gte, lt, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { supplierOrderPartLines, supplierOrderParts } from "../../../db/schema";
import { badInput } from "../errors";
import { requireActiveSupplier } from "../suppliers/supplier-scope";

const DAY_MS = 86_400_000;

export const statisticsInputSchema = z.object({
  from: z.iso.date({ error: "from: YYYY-MM-DD" }),
  to: z.iso.date({ error: "to: YYYY-MM-DD" }),
  granularity: z.enum(["day", "week"]).default("day"),
  currency: z.string().regex(/^[A-Z]{3}$/, "currency: ISO code").default("RUB"),
});
export type StatisticsInput = z.infer<typeof statisticsInputSchema>;

/** The buckets of a period: every day, or every ISO week (Monday) that touches it, so the chart has no gaps. */
export function periodBuckets(from: string, to: string, granularity: "day" | "week"): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  if (granularity === "week") start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const step = granularity === "week" ? 7 : 1;
  const out: string[] = [];
  for (let d = start; d <= end; d = new Date(d.getTime() + step * DAY_MS)) out.push(d.toISOString().slice(0, 10));
  return out;
}

/** Average check in minor units, rounded half up; 0 without orders. */
export function averageCheck(revenueMinor: number, orders: number): number {
  return orders === 0 ? 0 : Math.floor((revenueMinor * 2 + orders) / (orders * 2));
}

/**
 * The supplier's own sales in a period (UTC days, both ends included): parts placed in it, except
 * rejected ones — count, revenue, average check, turnover by day or week, top products by revenue.
 */
export async function supplierStatistics(db: Db, userId: string, input: StatisticsInput) {
  const { supplierId } = await requireActiveSupplier(db, userId);
  if (input.to < input.from) throw badInput("The period ends before it starts", "to");
  const from = new Date(`${input.from}T00:00:00Z`);
  const until = new Date(new Date(`${input.to}T00:00:00Z`).getTime() + DAY_MS);
  if (until.getTime() - from.getTime() > 367 * DAY_MS) throw badInput("At most one year at a time", "from");
  const scope = and(
    eq(supplierOrderParts.supplierId, supplierId),
    eq(supplierOrderParts.currency, input.currency),
    ne(supplierOrderParts.status, "rejected"),
    gte(supplierOrderParts.createdAt, from),
    lt(supplierOrderParts.createdAt, until),
  );
  const bucket = sql<string>`to_char(date_trunc(${sql.raw(input.granularity === "week" ? "'week'" : "'day'")}, ${supplierOrderParts.createdAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const [[totals], series, top] = await Promise.all([
    db.select({ orders: sql<number>`count(*)::int`, revenue: sql<string>`coalesce(sum(${supplierOrderParts.totalMinor}), 0)::text`, commission: sql<string>`coalesce(sum(${supplierOrderParts.commissionMinor}), 0)::text` }).from(supplierOrderParts).where(scope),
    db.select({ bucket, orders: sql<number>`count(*)::int`, revenue: sql<string>`sum(${supplierOrderParts.totalMinor})::text` }).from(supplierOrderParts).where(scope).groupBy(bucket),
    db
      .select({ sku: supplierOrderPartLines.sku, name: sql<string>`max(${supplierOrderPartLines.name})`, quantity: sql<string>`sum(${supplierOrderPartLines.quantity})::text`, revenue: sql<string>`sum(${supplierOrderPartLines.lineTotalMinor})::text`, orders: sql<number>`count(distinct ${supplierOrderPartLines.partId})::int` })
      .from(supplierOrderPartLines)
      .innerJoin(supplierOrderParts, eq(supplierOrderParts.id, supplierOrderPartLines.partId))
      .where(scope)
      .groupBy(supplierOrderPartLines.sku)
      .orderBy(desc(sql`sum(${supplierOrderPartLines.lineTotalMinor})`), supplierOrderPartLines.sku)
      .limit(10),
  ]);
  const byBucket = new Map(series.map((s) => [s.bucket, s]));
  const orders = totals?.orders ?? 0;
  const revenueMinor = Number(totals?.revenue ?? 0);
  return {
    currency: input.currency,
    orders,
    revenueMinor,
    commissionMinor: Number(totals?.commission ?? 0),
    averageMinor: averageCheck(revenueMinor, orders),
    series: periodBuckets(input.from, input.to, input.granularity).map((b) => ({ bucket: b, orders: byBucket.get(b)?.orders ?? 0, revenueMinor: Number(byBucket.get(b)?.revenue ?? 0) })),
    topProducts: top.map((p) => ({ sku: p.sku, name: p.name, quantity: Number(p.quantity), revenueMinor: Number(p.revenue), orders: p.orders })),
  };
}

export type SupplierStatistics = Awaited<ReturnType<typeof supplierStatistics>>;

const csvCell = (v: string | number) => (typeof v === "number" ? String(v) : /[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const decimal = (minor: number) => (minor / 100).toFixed(2);

/** The statistics as CSV: the turnover rows, then the top products (amounts in major units, dot decimals). */
export function statisticsCsv(stats: SupplierStatistics): string {
  const lines = [["period", "orders", `revenue_${stats.currency}`]];
  for (const s of stats.series) lines.push([s.bucket, String(s.orders), decimal(s.revenueMinor)]);
  lines.push([]);
  lines.push(["sku", "product", "quantity", "orders", `revenue_${stats.currency}`]);
  for (const p of stats.topProducts) lines.push([p.sku, p.name, String(p.quantity), String(p.orders), decimal(p.revenueMinor)]);
  return `\uFEFF${lines.map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period a statistics URL asks for (?from&to&granularity); the last 30 days by day when absent or malformed. */
export function statisticsPeriodOf(query: Record<string, string | undefined>, now = new Date()): { from: string; to: string; granularity: "day" | "week" } {
  const today = now.toISOString().slice(0, 10);
  const monthAgo = new Date(now.getTime() - 29 * DAY_MS).toISOString().slice(0, 10);
  return {
    from: query.from && DATE.test(query.from) ? query.from : monthAgo,
    to: query.to && DATE.test(query.to) ? query.to : today,
    granularity: query.granularity === "week" ? "week" : "day",
  };
}
