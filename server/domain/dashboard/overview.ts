import { sql } from "drizzle-orm";
import type { z } from "zod";
import { rowsOf, type Db } from "../../../db/client";
import type { ScopedUser } from "../orders/order-scope";
import { dashboardScope, type DashboardScope } from "./dashboard-scope";
import {
  addDays,
  addMonths,
  bucketStart,
  bucketStarts,
  deltaPercent,
  monthStart,
  resolveRange,
  type Bucket,
  type dashboardRangeInput,
  type RangePreset,
} from "./date-range";
import { factsSql, orderFactsSql, type DayWindow, type FactsSource } from "./facts";
import { readRollupPlan, rollupsStale, type RollupPlan } from "./rollups";
import { NET_STATUSES, STATUS_CLASSES, type StatusClass } from "./status-classes";

export interface Kpi {
  /** US cents, or a count. */
  value: number;
  /** The same figure over the previous period of equal length. */
  previous: number;
  /** Percentage change; null when the previous period had nothing. */
  deltaPercent: number | null;
}

export interface DashboardOverview {
  range: { preset: RangePreset; from: string; to: string; days: number; bucket: Bucket; previousFrom: string; previousTo: string };
  kpis: { totalSales: Kpi; netEarnings: Kpi; orders: Kpi; approvedOrders: Kpi; balanceUsdMinor: number };
  /** The last 14 days of the range, US cents per day. */
  turnover: Array<{ day: string; approved: number; pending: number; declined: number }>;
  /** Per day, week or month of the range: paid orders, net earnings, declines and refunds (US cents). */
  revenue: Array<{ start: string; paidOrders: number; netEarnings: number; declines: number; refunds: number }>;
  /** All orders of the range by country, largest total first. */
  countries: Array<{ country: string; orders: number; usdMinor: number }>;
  devices: Array<{ device: string; orders: number }>;
  /** Net earnings of the 12 calendar months ending with the range's last month. */
  monthly: Array<{ month: string; netEarnings: number }>;
  /** No order was created in the range. */
  empty: boolean;
  freshness: { builtUntil: string | null; dirtyDays: number; stale: boolean };
  /** Time spent in this function (database included), for the footer and the bench. */
  serverMs: number;
}

type Row = Record<string, string | number | null>;
const num = (v: string | number | null | undefined) => Number(v ?? 0);

/** SQL for the class of a status key; the statuses come from `status-classes`, so they are defined once. */
function classSql() {
  return sql`case when key = any(string_to_array(${NET_STATUSES.join(",")}, ',')) then 'net' when key in ('pending', 'declined', 'refunded') then key else 'other' end`;
}

function facts(source: FactsSource, window: DayWindow, plan: RollupPlan, scope: DashboardScope, useRollups: boolean) {
  return factsSql(source, window, plan, scope, useRollups);
}

export interface OverviewOptions {
  now?: Date;
  /** false: read every figure from the raw tables (the rollups' own check, and the bench's baseline). */
  useRollups?: boolean;
}

/** Every figure of the staff dashboard for one range, scoped to what the user may see. */
export async function getDashboardOverview(
  db: Db,
  user: ScopedUser,
  input: z.output<typeof dashboardRangeInput>,
  options: OverviewOptions = {},
): Promise<DashboardOverview> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const useRollups = options.useRollups ?? true;
  const range = resolveRange(input, now);
  const [scope, plan] = await Promise.all([dashboardScope(db, user), readRollupPlan(db)]);

  // One window of per-day status classes covers the KPIs, the turnover and the monthly bars.
  const dailyFrom = [range.from, range.turnoverFrom, range.monthlyFrom].sort()[0]!;
  // Each query in its own read-only transaction without JIT, so they run in parallel on
  // PostgreSQL: the planner's estimates for the raw part (a nested loop over today's orders) cross
  // the JIT threshold, and compiling cost 50–100 ms per query for queries that run in a few
  // milliseconds (measured on 10 M orders).
  const run = (query: ReturnType<typeof sql>) =>
    db.transaction(
      async (tx) => {
        await tx.execute(sql`set local jit = off`);
        return rowsOf<Row>(await tx.execute(query));
      },
      { accessMode: "read only" },
    );
  // The daily status classes (over the widest window) and the range's countries and devices
  // come from one statement, so today's orders are read once.
  const [widgetRows, previous, ledger] = await Promise.all([
    run(sql`
      with f as materialized (${orderFactsSql(
        [
          // Whole months only where no chart needs their days: before the range (the monthly
          // bars), or inside it when the revenue chart is by month — never in the turnover's 14 days.
          { dims: ["status"], window: { from: dailyFrom, end: range.end }, monthsUntil: range.bucket === "month" ? range.turnoverFrom : range.from < range.turnoverFrom ? range.from : range.turnoverFrom },
          { dims: ["country", "device"], window: { from: range.from, end: range.end } },
        ],
        plan,
        scope,
        useRollups,
      )})
      select 'daily' as part, day::text as day, ${classSql()} as class, null as dim, null as key, sum(orders)::bigint as orders, sum(usd_minor)::bigint as usd
      from f where dim = 'status' group by 2, 3
      union all
      select 'place', null, null, dim, key, sum(orders)::bigint, sum(usd_minor)::bigint
      from f where dim <> 'status' and day >= ${range.from}::date group by 4, 5`),
    run(sql`
      select ${classSql()} as class, sum(orders)::bigint as orders, sum(usd_minor)::bigint as usd
      from (${facts({ kind: "orders", dims: ["status"] }, { from: range.previousFrom, end: range.from }, plan, scope, useRollups)}) f
      group by 1`),
    run(sql`select sum(usd_minor)::bigint as usd from (${facts({ kind: "ledger" }, { from: null, end: null }, plan, scope, useRollups)}) f`),
  ]);
  const daily = widgetRows.filter((r) => r.part === "daily");
  const places = widgetRows.filter((r) => r.part === "place");

  const empty = () => Object.fromEntries(STATUS_CLASSES.map((c) => [c, { orders: 0, usd: 0 }])) as Record<StatusClass, { orders: number; usd: number }>;
  const byDay = new Map<string, Record<StatusClass, { orders: number; usd: number }>>();
  for (const row of daily) {
    const day = String(row.day).slice(0, 10);
    const entry = byDay.get(day) ?? empty();
    entry[row.class as StatusClass] = { orders: num(row.orders), usd: num(row.usd) };
    byDay.set(day, entry);
  }
  const sumDays = (from: string, end: string) => {
    const total = empty();
    for (const [day, classes] of byDay) {
      if (day < from || day >= end) continue;
      for (const c of STATUS_CLASSES) {
        total[c].orders += classes[c].orders;
        total[c].usd += classes[c].usd;
      }
    }
    return total;
  };
  const current = sumDays(range.from, range.end);
  const before = empty();
  for (const row of previous) before[row.class as StatusClass] = { orders: num(row.orders), usd: num(row.usd) };
  const all = (t: Record<StatusClass, { orders: number; usd: number }>, field: "orders" | "usd") => STATUS_CLASSES.reduce((s, c) => s + t[c][field], 0);
  const kpi = (value: number, prev: number): Kpi => ({ value, previous: prev, deltaPercent: deltaPercent(value, prev) });

  const turnover = [];
  for (let day = range.turnoverFrom; day < range.end; day = addDays(day, 1)) {
    const c = byDay.get(day) ?? empty();
    turnover.push({ day, approved: c.net.usd, pending: c.pending.usd, declined: c.declined.usd });
  }

  const buckets = new Map(bucketStarts(range.from, range.to, range.bucket).map((start) => [start, { start, paidOrders: 0, netEarnings: 0, declines: 0, refunds: 0 }]));
  for (const [day, c] of byDay) {
    if (day < range.from || day >= range.end) continue;
    const bucket = buckets.get(bucketStart(day, range.bucket));
    if (!bucket) continue;
    bucket.paidOrders += c.net.orders;
    bucket.netEarnings += c.net.usd;
    bucket.declines += c.declined.usd;
    bucket.refunds += c.refunded.usd;
  }

  const months = new Map<string, number>();
  for (let m = range.monthlyFrom; m <= range.to; m = addMonths(m, 1)) months.set(m.slice(0, 7), 0);
  for (const [day, c] of byDay) {
    if (day < range.monthlyFrom || day >= range.end) continue;
    const key = monthStart(day).slice(0, 7);
    if (months.has(key)) months.set(key, (months.get(key) ?? 0) + c.net.usd);
  }

  const countries = places
    .filter((r) => r.dim === "country")
    .map((r) => ({ country: String(r.key), orders: num(r.orders), usdMinor: num(r.usd) }))
    .sort((a, b) => b.usdMinor - a.usdMinor || a.country.localeCompare(b.country));
  const devices = places
    .filter((r) => r.dim === "device")
    .map((r) => ({ device: String(r.key), orders: num(r.orders) }))
    .sort((a, b) => b.orders - a.orders || a.device.localeCompare(b.device));

  const orderCount = all(current, "orders");
  return {
    range: { preset: range.preset, from: range.from, to: range.to, days: range.days, bucket: range.bucket, previousFrom: range.previousFrom, previousTo: addDays(range.from, -1) },
    kpis: {
      totalSales: kpi(all(current, "usd"), all(before, "usd")),
      netEarnings: kpi(current.net.usd, before.net.usd),
      orders: kpi(orderCount, all(before, "orders")),
      approvedOrders: kpi(current.net.orders, before.net.orders),
      balanceUsdMinor: num(ledger[0]?.usd),
    },
    turnover,
    revenue: [...buckets.values()],
    countries,
    devices,
    monthly: [...months].map(([month, netEarnings]) => ({ month, netEarnings })),
    empty: orderCount === 0,
    freshness: { builtUntil: plan.builtUntil, dirtyDays: plan.dirtyDays.length, stale: rollupsStale(plan, now) },
    serverMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
