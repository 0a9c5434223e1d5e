import { sql, type SQL } from "drizzle-orm";
import { addDays, addMonths, dayStart, monthStart } from "./date-range";
import type { DashboardScope } from "./dashboard-scope";
import type { RollupPlan } from "./rollups";

/**
 * The dashboard's one data source, as a SQL sub-select of rows (day, dim, key, orders, usd_minor)
 * over a window of days [from, end): rolled-up days from `dashboard_daily`, the others (after the
 * watermark, or dirty) aggregated from the raw tables with the same grouping. Summing these rows
 * gives the same figures as summing the raw tables, only faster.
 */

export type OrderDim = "status" | "country" | "device";
export type FactsSource = { kind: "orders"; dims: readonly OrderDim[] } | { kind: "ledger" };

/** A window of days; null bounds are open. */
export interface DayWindow {
  from: string | null;
  end: string | null;
}

const FAR_PAST = "1900-01-01";

interface TimeRange {
  start: string;
  stop: string;
}

/** Where the rollup of a source ends: orders by whole days, the ledger at a moment (its last day partly). */
function watermarkOf(source: FactsSource, plan: RollupPlan): { moment: string; lastRolledDay: string } | null {
  if (source.kind === "ledger") {
    return plan.ledgerBuiltUntil === null ? null : { moment: plan.ledgerBuiltUntil, lastRolledDay: plan.ledgerBuiltUntil.slice(0, 10) };
  }
  return plan.builtUntil === null ? null : { moment: dayStart(plan.builtUntil).toISOString(), lastRolledDay: addDays(plan.builtUntil, -1) };
}

/** What is read raw: everything after the watermark, and the dirty days inside the rolled-up part. */
export function rawRanges(source: FactsSource, window: DayWindow, plan: RollupPlan, useRollups: boolean): TimeRange[] {
  const from = window.from === null ? "-infinity" : dayStart(window.from).toISOString();
  const end = window.end === null ? "infinity" : dayStart(window.end).toISOString();
  const mark = useRollups ? watermarkOf(source, plan) : null;
  // ISO moments compare as strings; ±infinity are handled by hand.
  const before = (a: string, b: string) => a !== b && (a === "-infinity" || b === "infinity" || (b !== "-infinity" && a !== "infinity" && a < b));
  const ranges: Array<[string, string]> = [];
  if (mark !== null) {
    for (const day of plan.dirtyDays) {
      const start = dayStart(day).toISOString();
      const stop = dayStart(addDays(day, 1)).toISOString();
      if (day <= mark.lastRolledDay && before(start, end) && before(from, stop)) ranges.push([before(start, from) ? from : start, before(end, stop) ? end : stop]);
    }
  }
  const liveFrom = mark === null || before(mark.moment, from) ? from : mark.moment;
  if (before(liveFrom, end)) ranges.push([liveFrom, end]);
  ranges.sort((a, b) => (before(a[0], b[0]) ? -1 : 1));
  const merged: Array<[string, string]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && !before(last[1], range[0])) last[1] = before(last[1], range[1]) ? range[1] : last[1];
    else merged.push([...range]);
  }
  return merged.map(([start, stop]) => ({ start, stop }));
}

function list(values: readonly string[]): string {
  return values.join(",");
}

/**
 * Rolled-up rows of a window: whole months from `dashboard_monthly` (complete, not dirty, and
 * ending by `monthsUntil` when the caller needs days after it), the other days from
 * `dashboard_daily`. A month row carries its first day as `day`.
 */
function rollupPart(source: FactsSource, window: DayWindow, plan: RollupPlan, scope: DashboardScope, monthsUntil: string | null = null): SQL | null {
  const mark = watermarkOf(source, plan);
  if (mark === null) return null;
  const dims = source.kind === "ledger" ? ["ledger"] : source.dims;
  // Days up to the last rolled-up one (for the ledger the watermark's own day, partly covered).
  const last = window.end !== null && addDays(window.end, -1) < mark.lastRolledDay ? addDays(window.end, -1) : mark.lastRolledDay;
  const from = window.from ?? FAR_PAST;
  if (from > last) return null;
  const stop = addDays(last, 1);
  // Whole months [monthsFrom, monthsEnd): those that end by the day after `last` (a partly
  // rolled-up ledger day is not complete) and by `monthsUntil`.
  const monthsFrom = monthStart(from) === from ? from : addMonths(monthStart(from), 1);
  const capped = monthsUntil !== null && monthsUntil < stop ? monthsUntil : stop;
  const monthsEnd = source.kind === "ledger" && capped === stop ? monthStart(last) : monthStart(capped);
  const useMonths = monthsFrom < monthsEnd;
  const dirtyMonths = useMonths ? [...new Set(plan.dirtyDays.map(monthStart))].filter((m) => m >= monthsFrom && m < monthsEnd).sort() : [];
  const dayRanges: Array<[string, string]> = useMonths
    ? [[from, monthsFrom], ...dirtyMonths.map((m): [string, string] => [m, addMonths(m, 1)]), [monthsEnd, stop]]
    : [[from, stop]];
  const days = dayRanges.filter(([a, b]) => a < b);
  const who =
    scope.kind === "all"
      ? sql`all_managers`
      : sql`not all_managers and manager_id = any(string_to_array(${list(scope.managerIds)}, ',')::uuid[])`;
  const parts: SQL[] = [];
  if (useMonths) {
    parts.push(sql`
      select month as day, dim::text as dim, key, orders::bigint as orders, usd_minor
      from dashboard_monthly
      where dim = any(string_to_array(${list(dims)}, ',')::dashboard_dim[]) and ${who}
        and month >= ${monthsFrom}::date and month < ${monthsEnd}::date
        and not (month = any(string_to_array(${list(dirtyMonths)}, ',')::date[]))`);
  }
  if (days.length > 0) {
    const within = sql.join(
      days.map(([a, b]) => sql`(day >= ${a}::date and day < ${b}::date)`),
      sql` or `,
    );
    parts.push(sql`
      select day, dim::text as dim, key, orders::bigint as orders, usd_minor
      from dashboard_daily
      where dim = any(string_to_array(${list(dims)}, ',')::dashboard_dim[]) and ${who}
        and (${within})
        and not (day = any(string_to_array(${list(plan.dirtyDays)}, ',')::date[]))`);
  }
  return parts.length === 0 ? null : sql.join(parts, sql` union all `);
}

function rawPart(source: FactsSource, ranges: TimeRange[], scope: DashboardScope): SQL | null {
  if (ranges.length === 0) return null;
  // The ranges are spelled out (not joined from an array), so the planner sees their size and uses the created_at indexes.
  const within = (column: SQL) =>
    sql.join(
      ranges.map((r) => sql`(${column} >= ${r.start}::timestamptz and ${column} < ${r.stop}::timestamptz)`),
      sql` or `,
    );
  // The raw part is small (today, dirty days): look each order's customer up by primary key
  // rather than hashing all of a team's customers (`limit 1` keeps the planner from turning it into a hash join).
  const managerJoin =
    scope.kind === "all"
      ? sql``
      : sql`cross join lateral (select c.manager_id from customers c where c.id = o.customer_id limit 1) cm`;
  const managerWhere =
    scope.kind === "all" ? sql`` : sql` and cm.manager_id = any(string_to_array(${list(scope.managerIds)}, ',')::uuid[])`;
  if (source.kind === "ledger") {
    const orderJoin = scope.kind === "all" ? sql`` : sql`join orders o on o.id = l.order_id ${managerJoin}`;
    return sql`
      select (l.created_at at time zone 'UTC')::date as day, 'ledger' as dim, l.kind::text as key, count(*) as orders, sum(l.usd_minor)::bigint as usd_minor
      from ledger_entries l
      ${orderJoin}
      where (${within(sql`l.created_at`)})${managerWhere}
      group by 1, 3`;
  }
  const column = { status: sql`x.st`, country: sql`x.co`, device: sql`x.dv` } as const;
  const dims = source.dims;
  const from = sql`
    from orders o ${managerJoin}
    cross join lateral (
      select (o.created_at at time zone 'UTC')::date as d, o.status::text as st, o.country as co, coalesce(nullif(o.device_type, ''), 'unknown') as dv
    ) x
    where (${within(sql`o.created_at`)})${managerWhere}`;
  if (dims.length === 1) {
    const [dim] = dims as [OrderDim];
    return sql`
      select x.d as day, ${dim}::text as dim, ${column[dim]} as key, count(*) as orders, sum(o.total_usd_minor)::bigint as usd_minor
      ${from}
      group by x.d, ${column[dim]}`;
  }
  const which = sql.join(
    dims.map((dim) => sql`when grouping(${column[dim]}) = 0 then ${dim}::text`),
    sql` `,
  );
  return sql`
    select x.d as day, case ${which} end as dim, coalesce(${sql.join(dims.map((dim) => column[dim]), sql`, `)}) as key,
           count(*) as orders, sum(o.total_usd_minor)::bigint as usd_minor
    ${from}
    group by grouping sets (${sql.join(dims.map((dim) => sql`(x.d, ${column[dim]})`), sql`, `)})`;
}

const NO_FACTS = sql`select null::date as day, null::text as dim, null::text as key, 0::bigint as orders, 0::bigint as usd_minor where false`;

/** The sub-select of facts for a window; `useRollups: false` reads everything raw (for checks and the bench). */
export function factsSql(source: FactsSource, window: DayWindow, plan: RollupPlan, scope: DashboardScope, useRollups = true): SQL {
  const parts = [useRollups ? rollupPart(source, window, plan, scope) : null, rawPart(source, rawRanges(source, window, plan, useRollups), scope)].filter(
    (part): part is SQL => part !== null,
  );
  return parts.length === 0 ? NO_FACTS : sql.join(parts, sql` union all `);
}

/**
 * Facts of several order dimensions, each over its own window, with one raw pass over the
 * orders (the raw days are the same for every dimension; the caller filters the raw rows of a
 * dimension to its window). Windows must share their end.
 */
export function orderFactsSql(
  windows: ReadonlyArray<{ dims: readonly OrderDim[]; window: DayWindow; monthsUntil?: string | null }>,
  plan: RollupPlan,
  scope: DashboardScope,
  useRollups = true,
): SQL {
  const rollups = useRollups ? windows.map((w) => rollupPart({ kind: "orders", dims: w.dims }, w.window, plan, scope, w.monthsUntil ?? null)) : [];
  const widest: DayWindow = {
    from: windows.some((w) => w.window.from === null) ? null : windows.map((w) => w.window.from!).sort()[0]!,
    end: windows[0]?.window.end ?? null,
  };
  const dims = [...new Set(windows.flatMap((w) => w.dims))];
  const raw = rawPart({ kind: "orders", dims }, rawRanges({ kind: "orders", dims }, widest, plan, useRollups), scope);
  const parts = [...rollups, raw].filter((part): part is SQL => part !== null);
  return parts.length === 0 ? NO_FACTS : sql.join(parts, sql` union all `);
}
