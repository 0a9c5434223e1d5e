import { bigint, bigserial, boolean, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * What a rollup row counts: orders by status, by country or by device type (each by the order's
 * creation day), or ledger entries by kind (by the entry's day).
 */
export const dashboardDim = pgEnum("dashboard_dim", ["status", "country", "device", "ledger"]);

/**
 * Per-day aggregates behind the staff dashboard (UTC days). Rows come in two flavours: per
 * manager of the order's customer (`all_managers` false, `manager_id` null when the customer has
 * none), used for managers and heads; and totals over everybody (`all_managers` true), used for
 * admins and directors so they read a few thousand rows for a year. Written only by
 * `refreshDashboardRollups` (delete the day's rows, insert them again from the raw tables).
 */
export const dashboardDaily = pgTable(
  "dashboard_daily",
  {
    day: date({ mode: "string" }).notNull(),
    dim: dashboardDim().notNull(),
    key: text().notNull(),
    allManagers: boolean().notNull(),
    managerId: uuid(),
    orders: integer().notNull(),
    usdMinor: bigint({ mode: "number" }).notNull(),
  },
  (t) => [index("dashboard_daily_all_idx").on(t.dim, t.allManagers, t.day), index("dashboard_daily_manager_idx").on(t.dim, t.managerId, t.day), index("dashboard_daily_day_idx").on(t.day)],
);

/**
 * The same aggregates per calendar month (`month` is its first day), summed from
 * `dashboard_daily` for complete months only: a year of a team's figures is a few hundred rows
 * instead of tens of thousands. Rebuilt with the days of the month.
 */
export const dashboardMonthly = pgTable(
  "dashboard_monthly",
  {
    month: date({ mode: "string" }).notNull(),
    dim: dashboardDim().notNull(),
    key: text().notNull(),
    allManagers: boolean().notNull(),
    managerId: uuid(),
    orders: integer().notNull(),
    usdMinor: bigint({ mode: "number" }).notNull(),
  },
  (t) => [index("dashboard_monthly_all_idx").on(t.dim, t.allManagers, t.month), index("dashboard_monthly_manager_idx").on(t.dim, t.managerId, t.month)],
);

/**
 * Days whose rollup is out of date because an order of that day (or a ledger entry of that day)
 * changed after the day was rolled up. Append-only: a status change inserts a row, without any
 * conflict handling or update, so concurrent changes never wait on each other. The refresh deletes
 * the rows it has seen, then rebuilds their days.
 */
export const dashboardDirtyDays = pgTable(
  "dashboard_dirty_days",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    day: date({ mode: "string" }).notNull(),
    markedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dashboard_dirty_days_day_idx").on(t.day)],
);

/**
 * One row (id 1). Orders: every day before `built_until` is rolled up (except dirty days).
 * Ledger: every entry before `ledger_built_until` is (the current day's rows are partial), since
 * entries are append-only and written at the time they happen.
 */
export const dashboardRollupState = pgTable("dashboard_rollup_state", {
  id: integer().primaryKey(),
  builtUntil: date({ mode: "string" }),
  ledgerBuiltUntil: timestamp({ withTimezone: true }),
  refreshedAt: timestamp({ withTimezone: true }),
  lastRefreshMs: integer(),
});

