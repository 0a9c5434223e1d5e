import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "../../../db/client";
import { dashboardDirtyDays } from "../../../db/schema";
import { addDays, addMonths, dayStart, monthStart, toDay } from "./date-range";

/**
 * Rollups for the dashboard: `dashboard_daily` holds per-day aggregates of orders (by status,
 * country, device type; by the order's creation day) and of the ledger (by kind; by the entry's
 * day), per manager of the customer and in total. Every day before the watermark
 * `dashboard_rollup_state.built_until` is rolled up, except days listed in
 * `dashboard_dirty_days`; readers compute the other days (today, dirty days) from the raw tables,
 * so figures are always current. `refreshDashboardRollups` moves the watermark up to the last
 * completed day and rebuilds dirty days; it runs as the `dashboard.refresh` job and can be run
 * from scratch (`rebuildDashboardRollups`).
 */

/** A day is rolled up only this long after it ended, so transactions still open at midnight are in. */
export const ROLLUP_LAG_MS = 10 * 60_000;
/** The initial build and catch-ups aggregate up to a year of days per statement (one pass over the orders). */
const CHUNK_DAYS = 366;

/** Marks the days of changed orders or ledger entries dirty: a plain insert, no conflict handling, no update. */
export async function markDashboardDaysDirty(db: Db, moments: ReadonlyArray<Date | string>): Promise<void> {
  const days = [...new Set(moments.map((m) => (typeof m === "string" ? m : toDay(m))))];
  if (days.length === 0) return;
  await db.insert(dashboardDirtyDays).values(days.map((day) => ({ day })));
}

/**
 * For a change that moves a customer's orders between managers (reassigning a customer): marks
 * every day that has one of the customer's orders or ledger entries dirty.
 */
export async function markCustomerDaysDirty(db: Db, customerId: string): Promise<void> {
  await db.execute(sql`
    insert into dashboard_dirty_days (day)
    select distinct d from (
      select (o.created_at at time zone 'UTC')::date d from orders o where o.customer_id = ${customerId}
      union
      select (l.created_at at time zone 'UTC')::date from ledger_entries l join orders o on o.id = l.order_id where o.customer_id = ${customerId}
    ) x`);
}

export interface RollupPlan {
  /** Orders: days before this are rolled up (null: nothing is). */
  builtUntil: string | null;
  /** Ledger: entries before this moment (ISO) are rolled up, the current day's partly (null: nothing is). */
  ledgerBuiltUntil: string | null;
  /** Rolled-up days that changed since: read from the raw tables until the next refresh. */
  dirtyDays: string[];
}

export async function readRollupPlan(db: Db): Promise<RollupPlan> {
  const [row] = rowsOf<{ built_until: string | null; ledger_built_until: string | null; dirty: string | null }>(
    await db.execute(sql`
      select s.built_until::text as built_until,
             to_char(s.ledger_built_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ledger_built_until,
             (select string_agg(distinct day::text, ',') from dashboard_dirty_days) as dirty
      from (select 1) one left join dashboard_rollup_state s on s.id = 1`),
  );
  return {
    builtUntil: row?.built_until ?? null,
    ledgerBuiltUntil: row?.ledger_built_until ?? null,
    dirtyDays: row?.dirty ? row.dirty.split(",").sort() : [],
  };
}

/** The watermark a refresh at `now` reaches: every day that ended at least ROLLUP_LAG_MS ago. */
export function rollupTarget(now: Date): string {
  return toDay(new Date(now.getTime() - ROLLUP_LAG_MS));
}

/** Ledger entries are rolled up to this moment (append-only, written when they happen). */
export function ledgerRollupTarget(now: Date): Date {
  return new Date(now.getTime() - ROLLUP_LAG_MS);
}

/** How far the ledger watermark may fall behind its target before a refresh is asked for. */
export const LEDGER_REFRESH_AFTER_MS = 5 * 60_000;

/** True when a refresh is due: a watermark is behind, or days are dirty. */
export function rollupsStale(plan: RollupPlan, now: Date): boolean {
  if (plan.builtUntil === null || plan.ledgerBuiltUntil === null || plan.dirtyDays.length > 0) return true;
  if (plan.builtUntil < rollupTarget(now)) return true;
  return new Date(plan.ledgerBuiltUntil).getTime() < ledgerRollupTarget(now).getTime() - LEDGER_REFRESH_AFTER_MS;
}

/** Orders of the days [from, end): their rollup rows are replaced. */
async function rebuildOrderDays(db: Db, from: string, end: string): Promise<void> {
  const start = dayStart(from).toISOString();
  const stop = dayStart(end).toISOString();
  await db.execute(sql`delete from dashboard_daily where dim <> 'ledger' and day >= ${from}::date and day < ${end}::date`);
  // One pass, per manager and in total, for the three order dimensions.
  await db.execute(sql`
    insert into dashboard_daily (day, dim, key, all_managers, manager_id, orders, usd_minor)
    select d,
           (case when grouping(status) = 0 then 'status' when grouping(country) = 0 then 'country' else 'device' end)::dashboard_dim,
           coalesce(status::text, country, device),
           grouping(mid) = 1, mid, count(*), sum(usd)
    from (
      select (o.created_at at time zone 'UTC')::date d, c.manager_id mid, o.status, o.country,
             coalesce(nullif(o.device_type, ''), 'unknown') device, o.total_usd_minor usd
      from orders o join customers c on c.id = o.customer_id
      where o.created_at >= ${start}::timestamptz and o.created_at < ${stop}::timestamptz
    ) x
    group by grouping sets ((d, mid, status), (d, status), (d, mid, country), (d, country), (d, mid, device), (d, device))`);
}

/** Ledger entries from the start of day `from` to the moment `until`: the rows of those days are replaced (the last one partly covered). */
async function rebuildLedger(db: Db, from: string, until: Date): Promise<void> {
  const start = dayStart(from).toISOString();
  const stop = until.toISOString();
  // Only days that start before \`until\`: a rebuild up to midnight must not wipe the next day's rows.
  await db.execute(sql`delete from dashboard_daily where dim = 'ledger' and day >= ${from}::date and (day::timestamp at time zone 'UTC') < ${stop}::timestamptz`);
  await db.execute(sql`
    insert into dashboard_daily (day, dim, key, all_managers, manager_id, orders, usd_minor)
    select d, 'ledger'::dashboard_dim, kind::text, grouping(mid) = 1, mid, count(*), sum(usd)
    from (
      select (l.created_at at time zone 'UTC')::date d, c.manager_id mid, l.kind, l.usd_minor usd
      from ledger_entries l join orders o on o.id = l.order_id join customers c on c.id = o.customer_id
      where l.created_at >= ${start}::timestamptz and l.created_at < ${stop}::timestamptz
    ) x
    group by grouping sets ((d, mid, kind), (d, kind))`);
}

/**
 * The month rows of `month` (its first day), summed from the day rows, for each dimension only
 * when the month is complete in the rollup: orders when its last day is before `builtUntil`,
 * the ledger when it is before the ledger watermark's day.
 */
async function rebuildMonth(db: Db, month: string, builtUntil: string, ledgerDay: string): Promise<void> {
  const next = addMonths(month, 1);
  await db.execute(sql`delete from dashboard_monthly where month = ${month}::date`);
  const orders = next <= builtUntil;
  const ledger = next <= ledgerDay;
  if (!orders && !ledger) return;
  await db.execute(sql`
    insert into dashboard_monthly (month, dim, key, all_managers, manager_id, orders, usd_minor)
    select ${month}::date, dim, key, all_managers, manager_id, sum(orders), sum(usd_minor)
    from dashboard_daily
    where day >= ${month}::date and day < ${next}::date
      and ((dim <> 'ledger' and ${orders}) or (dim = 'ledger' and ${ledger}))
    group by dim, key, all_managers, manager_id`);
}

export interface RefreshResult {
  builtUntil: string;
  /** Days rebuilt: the watermark's advance plus the dirty days. */
  days: number;
  ms: number;
}

/**
 * Brings the rollups up to date in one transaction: deletes the dirty marks it sees, then
 * rebuilds those days and every completed day since the watermark, and moves the watermark.
 * Deleting the marks before reading the orders is what keeps a concurrent change safe: a change
 * committed before the delete is seen by the rebuild; one committed after leaves its mark. Two
 * refreshes queue on the state row.
 */
export async function refreshDashboardRollups(db: Db, options: { now?: Date; full?: boolean } = {}): Promise<RefreshResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const target = rollupTarget(now);
  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into dashboard_rollup_state (id) values (1) on conflict do nothing`);
    const [state] = rowsOf<{ built_until: string | null; ledger_built_until: string | null }>(
      await tx.execute(sql`
        select built_until::text as built_until, to_char(ledger_built_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ledger_built_until
        from dashboard_rollup_state where id = 1 for update`),
    );
    const dirtyRows = rowsOf<{ day: string }>(await tx.execute(sql`delete from dashboard_dirty_days returning day::text as day`));
    let from = options.full ? null : (state?.built_until ?? null);
    let ledgerFrom = options.full || !state?.ledger_built_until ? null : toDay(new Date(state.ledger_built_until));
    if (from === null || ledgerFrom === null) {
      const [first] = rowsOf<{ day: string | null }>(
        await tx.execute(sql`select least((select min(created_at) from orders), (select min(created_at) from ledger_entries))::date::text as day`),
      );
      const firstDay = first?.day ?? target;
      if (from === null) {
        await tx.execute(sql`delete from dashboard_daily where dim <> 'ledger'`);
        from = firstDay;
      }
      if (ledgerFrom === null) {
        await tx.execute(sql`delete from dashboard_daily where dim = 'ledger'`);
        ledgerFrom = firstDay;
      }
      if (options.full) await tx.execute(sql`delete from dashboard_monthly`);
    }
    // The ledger watermark never moves back (a refresh with an earlier clock rebuilds up to where it was).
    const previousLedger = options.full || !state?.ledger_built_until ? null : new Date(state.ledger_built_until);
    const ledgerTarget = previousLedger && previousLedger > ledgerRollupTarget(now) ? previousLedger : ledgerRollupTarget(now);
    let days = 0;
    for (let chunk = from; chunk < target; chunk = addDays(chunk, CHUNK_DAYS)) {
      const end = addDays(chunk, CHUNK_DAYS) < target ? addDays(chunk, CHUNK_DAYS) : target;
      await rebuildOrderDays(tx, chunk, end);
      days += Math.round((dayStart(end).getTime() - dayStart(chunk).getTime()) / 86_400_000);
    }
    // The ledger from the start of its watermark's day up to the new watermark (a few minutes ago).
    await rebuildLedger(tx, ledgerFrom, ledgerTarget);
    // Dirty days before the old watermarks; later ones were just rebuilt or are still read live.
    const dirty = [...new Set(dirtyRows.map((r) => String(r.day).slice(0, 10)))].sort();
    for (const day of dirty) {
      if (day < from) {
        await rebuildOrderDays(tx, day, addDays(day, 1));
        days += 1;
      }
      if (day < ledgerFrom) await rebuildLedger(tx, day, dayStart(addDays(day, 1)));
    }
    const builtUntil = from > target ? from : target;
    // Months whose days changed: from the older watermark's month on, and the dirty days' months.
    const months = new Set(dirty.map(monthStart));
    const oldest = from < ledgerFrom ? from : ledgerFrom;
    for (let month = monthStart(oldest); month <= ledgerTarget.toISOString().slice(0, 10) || month < builtUntil; month = addMonths(month, 1)) months.add(month);
    for (const month of [...months].sort()) await rebuildMonth(tx, month, builtUntil, toDay(ledgerTarget));
    // Fresh statistics, so the planner reads a year of the rollup with the right plan.
    if (days > 7) await tx.execute(sql`analyze dashboard_daily, dashboard_monthly`);
    const ms = Math.round(performance.now() - started);
    await tx.execute(sql`
      update dashboard_rollup_state
      set built_until = ${builtUntil}::date, ledger_built_until = ${ledgerTarget.toISOString()}::timestamptz,
          refreshed_at = now(), last_refresh_ms = ${ms}
      where id = 1`);
    return { builtUntil, days, ms };
  });
}

/** Throws the rollups away and builds them again from the raw tables. */
export function rebuildDashboardRollups(db: Db, options: { now?: Date } = {}): Promise<RefreshResult> {
  return refreshDashboardRollups(db, { ...options, full: true });
}
