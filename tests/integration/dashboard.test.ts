import { and, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { customers, dashboardDirtyDays, dashboardRollupState, ledgerEntries, orders, outbox } from "@/db/schema";
import { addDays, addMonths, monthStart, toDay } from "@/server/domain/dashboard/date-range";
import { getDashboardOverview, type DashboardOverview } from "@/server/domain/dashboard/overview";
import { requestDashboardRefresh } from "@/server/domain/dashboard/refresh-job";
import { markCustomerDaysDirty, markDashboardDaysDirty, readRollupPlan, rebuildDashboardRollups, refreshDashboardRollups } from "@/server/domain/dashboard/rollups";
import { changeOrderStatus } from "@/server/domain/orders/change-status";
import { orderScope, type ScopedUser } from "@/server/domain/orders/order-scope";
import type { OrderStatus } from "@/server/domain/orders/order-statuses";
import type { Role } from "@/server/auth/roles";
import { dashboardRefreshHandler } from "@/server/jobs/dashboard-refresh";
import { runDueJobs } from "@/server/jobs/worker";
import { domainError, outcomeOf } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { createTestShop, insertFxRate, insertProcessor, orderBody, orderDeps, placeOrder, userActor, type TestShop } from "../helpers/order-fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

/**
 * The dashboard's figures against SQL written here, independently of the rollups: straight over
 * `orders` and `ledger_entries`, scoped with the order pages' own `orderScope`. Checked after a
 * full build, after intake of new orders, after status changes of old orders (dirty days, read
 * raw) and after the refresh.
 */

// The test's own statement of "paid and what follows" (the domain defines it in status-classes).
const NET: OrderStatus[] = ["approved", "packed", "shipped", "reshipped", "delivered"];
const HISTORY: OrderStatus[] = ["pending", "approved", "declined", "shipped", "delivered", "refunded", "cancelled", "packed", "call_center", "chargeback"];
const COUNTRIES = ["US", "DE", "GB", "FR", "CA"];
const DEVICES = ["desktop", "mobile", "tablet", null];

let t: TestDatabase;
let admin: ScopedUser;
let director: ScopedUser;
let head: ScopedUser;
let manager: ScopedUser;
let otherManager: ScopedUser;
let staffUsers: Record<string, { id: string; role: Role }>;
let shops: TestShop[];
const NOW = new Date();
const TODAY = toDay(NOW);

beforeAll(async () => {
  t = await createTestDatabase();
  const headUser = await makeUser(t.db, { role: "head_manager" });
  const m1 = await makeUser(t.db, { role: "manager", supervisorId: headUser.id });
  const m2 = await makeUser(t.db, { role: "manager" });
  const adminUser = await makeUser(t.db, { role: "admin" });
  const directorUser = await makeUser(t.db, { role: "director" });
  head = { id: headUser.id, role: "head_manager" };
  manager = { id: m1.id, role: "manager" };
  otherManager = { id: m2.id, role: "manager" };
  admin = { id: adminUser.id, role: "admin" };
  director = { id: directorUser.id, role: "director" };
  staffUsers = { admin, director, head_manager: head, manager };
  for (const role of ["call_center", "content_moderator", "buyer", "supplier"] as const) {
    const u = await makeUser(t.db, { role });
    staffUsers[role] = { id: u.id, role };
  }
  // Customers of shop 0 belong to the manager (in the head's team), of shop 1 to a manager outside it, of shop 2 to nobody.
  shops = [
    await createTestShop(t.db, { name: "A", hostname: "a.example", defaultManagerId: m1.id }),
    await createTestShop(t.db, { name: "B", hostname: "b.example", defaultManagerId: m2.id }),
    await createTestShop(t.db, { name: "C", hostname: "c.example" }),
  ];
  const processor = await insertProcessor(t.db, 450, 30);
  await insertFxRate(t.db, "EUR", "1.1");

  // 48 orders through the intake, then moved into a year and a half of history with a spread of
  // statuses, countries and devices (as if they had happened), with their ledger entries.
  for (let i = 0; i < 48; i++) {
    const shop = shops[i % 3]!;
    const id = await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, email: `c${i % 17}@x.example`, currency: i % 2 ? "EUR" : "USD", products: [["SKU", 10 + i * 7, 1 + (i % 3)]], shippingPrice: 0, coupon: false }));
    const ageDays = i < 4 ? 0 : (i * 37) % 540;
    const createdAt = new Date(NOW.getTime() - ageDays * 86_400_000 - ((i * 3_607_000) % 80_000_000));
    const status = HISTORY[i % HISTORY.length]!;
    const paid = NET.includes(status) || status === "refunded" || status === "chargeback";
    const paidAt = paid ? new Date(createdAt.getTime() + 3_600_000) : null;
    const [order] = await t.db
      .update(orders)
      .set({ createdAt, status, paidAt, processorId: processor.id, country: COUNTRIES[i % 5]!, deviceType: DEVICES[i % 4]!, shippedAt: ["shipped", "delivered"].includes(status) ? paidAt : null })
      .where(eq(orders.id, id))
      .returning();
    if (paid && order && paidAt) {
      await t.db.insert(ledgerEntries).values([
        { orderId: id, kind: "sale", amountMinor: order.totalMinor, currency: order.currency, usdMinor: order.totalUsdMinor, createdAt: paidAt },
        { orderId: id, kind: "processor_fee", amountMinor: -100, currency: order.currency, usdMinor: -100, createdAt: paidAt },
      ]);
      if (status === "refunded" || status === "chargeback") {
        await t.db.insert(ledgerEntries).values({ orderId: id, kind: status === "refunded" ? "refund" : "chargeback", amountMinor: -order.totalMinor, currency: order.currency, usdMinor: -order.totalUsdMinor, createdAt: new Date(paidAt.getTime() + 86_400_000) });
      }
    }
  }
  // The first customers get a clean history for the rollups' "first day".
  await rebuildDashboardRollups(t.db, { now: NOW });
}, 120_000);

afterAll(async () => {
  await t?.destroy();
});

interface Expected {
  totalSales: number;
  orders: number;
  net: number;
  approved: number;
  balance: number;
  countries: Record<string, number>;
  devices: Record<string, number>;
  perDay: Record<string, { net: number; netCount: number; pending: number; declined: number; refunded: number }>;
  perMonthNet: Record<string, number>;
}

async function expected(user: ScopedUser, from: string, end: string): Promise<Expected> {
  const scope = await orderScope(t.db, user);
  const inRange = and(gte(orders.createdAt, new Date(`${from}T00:00:00Z`)), lt(orders.createdAt, new Date(`${end}T00:00:00Z`)), scope);
  const all = await t.db.select().from(orders).where(inRange);
  const hist = await t.db.select().from(orders).where(scope);
  const [bal] = await t.db
    .select({ s: sql<string | null>`sum(${ledgerEntries.usdMinor})` })
    .from(ledgerEntries)
    .innerJoin(orders, eq(orders.id, ledgerEntries.orderId))
    .where(scope as SQL | undefined);
  const e: Expected = { totalSales: 0, orders: 0, net: 0, approved: 0, balance: Number(bal?.s ?? 0), countries: {}, devices: {}, perDay: {}, perMonthNet: {} };
  for (const o of all) {
    e.totalSales += o.totalUsdMinor;
    e.orders += 1;
    if (NET.includes(o.status)) {
      e.net += o.totalUsdMinor;
      e.approved += 1;
    }
    e.countries[o.country] = (e.countries[o.country] ?? 0) + o.totalUsdMinor;
    const device = o.deviceType ?? "unknown";
    e.devices[device] = (e.devices[device] ?? 0) + 1;
  }
  for (const o of hist) {
    const day = o.createdAt.toISOString().slice(0, 10);
    const d = (e.perDay[day] ??= { net: 0, netCount: 0, pending: 0, declined: 0, refunded: 0 });
    if (NET.includes(o.status)) {
      d.net += o.totalUsdMinor;
      d.netCount += 1;
      const month = day.slice(0, 7);
      e.perMonthNet[month] = (e.perMonthNet[month] ?? 0) + o.totalUsdMinor;
    }
    if (o.status === "pending") d.pending += o.totalUsdMinor;
    if (o.status === "declined") d.declined += o.totalUsdMinor;
    if (o.status === "refunded") d.refunded += o.totalUsdMinor;
  }
  return e;
}

function compare(overview: DashboardOverview, e: Expected) {
  expect(overview.kpis.totalSales.value).toBe(e.totalSales);
  expect(overview.kpis.orders.value).toBe(e.orders);
  expect(overview.kpis.netEarnings.value).toBe(e.net);
  expect(overview.kpis.approvedOrders.value).toBe(e.approved);
  expect(overview.kpis.balanceUsdMinor).toBe(e.balance);
  expect(Object.fromEntries(overview.countries.map((c) => [c.country, c.usdMinor]))).toEqual(e.countries);
  expect(Object.fromEntries(overview.devices.map((d) => [d.device, d.orders]))).toEqual(e.devices);
  for (const day of overview.turnover) {
    const d = e.perDay[day.day];
    expect({ day: day.day, approved: day.approved, pending: day.pending, declined: day.declined }).toEqual({ day: day.day, approved: d?.net ?? 0, pending: d?.pending ?? 0, declined: d?.declined ?? 0 });
  }
  for (const m of overview.monthly) expect([m.month, m.netEarnings]).toEqual([m.month, e.perMonthNet[m.month] ?? 0]);
  expect(overview.empty).toBe(e.orders === 0);
}

/** The revenue chart's buckets against the per-day figures, bucketed here. */
function compareRevenue(overview: DashboardOverview, e: Expected) {
  const sums = { paidOrders: 0, netEarnings: 0, declines: 0, refunds: 0 };
  for (const b of overview.revenue) {
    sums.paidOrders += b.paidOrders;
    sums.netEarnings += b.netEarnings;
    sums.declines += b.declines;
    sums.refunds += b.refunds;
  }
  const want = { paidOrders: 0, netEarnings: 0, declines: 0, refunds: 0 };
  for (const [day, d] of Object.entries(e.perDay)) {
    if (day < overview.range.from || day > overview.range.to) continue;
    want.paidOrders += d.netCount;
    want.netEarnings += d.net;
    want.declines += d.declined;
    want.refunds += d.refunded;
  }
  expect(sums).toEqual(want);
}

const RANGES = [
  { preset: "this_month" as const },
  { preset: "1y" as const },
  { preset: "custom" as const, from: addDays(TODAY, -40), to: TODAY },
  { preset: "custom" as const, from: "2020-01-01", to: "2020-01-31" },
];

async function checkAll(label: string) {
  for (const user of [admin, director, head, manager, otherManager]) {
    for (const input of RANGES) {
      const overview = await getDashboardOverview(t.db, user, input, { now: NOW });
      const e = await expected(user, overview.range.from, addDays(overview.range.to, 1));
      try {
        compare(overview, e);
        compareRevenue(overview, e);
        // The raw path (no rollups) gives the same answer.
        const raw = await getDashboardOverview(t.db, user, input, { now: NOW, useRollups: false });
        expect({ ...raw, serverMs: 0 }).toEqual({ ...overview, serverMs: 0 });
      } catch (error) {
        throw new Error(`${label}: ${user.role} ${JSON.stringify(input)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

describe("dashboard figures", () => {
  it("match SQL over the raw tables after a full build, for every role's scope", async () => {
    const plan = await readRollupPlan(t.db);
    expect(plan.builtUntil).toBe(toDay(new Date(NOW.getTime() - 10 * 60_000)));
    await checkAll("after build");
  });

  it("see the manager's own clients only, the head his team's, admins everything", async () => {
    const range = { preset: "custom" as const, from: addDays(TODAY, -600), to: TODAY };
    const [a, h, m, o] = await Promise.all([admin, head, manager, otherManager].map((u) => getDashboardOverview(t.db, u, range, { now: NOW })));
    // A customer keeps the manager of the shop of their first order (customers are shared by e-mail).
    const count = async (managerId: string | null) =>
      (await t.db.select({ id: orders.id }).from(orders).innerJoin(customers, eq(customers.id, orders.customerId)).where(managerId ? eq(customers.managerId, managerId) : sql`${customers.managerId} is null`)).length;
    const [mine, theirs, nobody] = [await count(manager.id), await count(otherManager.id), await count(null)];
    expect(mine).toBeGreaterThan(0);
    expect(theirs).toBeGreaterThan(0);
    expect(nobody).toBeGreaterThan(0);
    expect(m!.kpis.orders.value).toBe(mine);
    expect(o!.kpis.orders.value).toBe(theirs);
    expect(h!.kpis.orders.value).toBe(mine);
    expect(a!.kpis.orders.value).toBe(mine + theirs + nobody);
  });

  it("stay right after intake of new orders, status changes of old orders and the refresh", async () => {
    // New orders today: not rolled up, read live.
    for (let i = 0; i < 3; i++) await placeOrder(orderDeps(t.db), orderBody({ auth: shops[i]!.auth, currency: "USD", products: [["NEW", 99, 1]], shippingPrice: 0, coupon: false }));
    // Old orders change status: their days (and the ledger's day) become dirty.
    const old = await t.db.select().from(orders).where(lt(orders.createdAt, new Date(`${addDays(TODAY, -20)}T00:00:00Z`)));
    const pending = old.filter((o) => o.status === "pending").slice(0, 3);
    const approved = old.filter((o) => o.status === "approved" && o.paidAt).slice(0, 2);
    expect(pending.length).toBeGreaterThan(1);
    expect(approved.length).toBeGreaterThan(0);
    const actor = userActor({ ...admin, name: "Admin" });
    await changeOrderStatus(t.db, actor, pending[0]!.id, "approved");
    await changeOrderStatus(t.db, actor, pending[1]!.id, "declined");
    for (const o of approved) await changeOrderStatus(t.db, actor, o.id, "refunded");
    const plan = await readRollupPlan(t.db);
    expect(plan.dirtyDays).toContain(toDay(pending[0]!.createdAt));
    expect(plan.dirtyDays).toContain(toDay(approved[0]!.createdAt));
    await checkAll("dirty, before refresh");

    // Reassigning a customer to another manager: the customer's days are marked dirty.
    const [someone] = await t.db.select().from(customers).where(eq(customers.managerId, manager.id)).limit(1);
    await t.db.update(customers).set({ managerId: otherManager.id }).where(eq(customers.id, someone!.id));
    await markCustomerDaysDirty(t.db, someone!.id);
    await checkAll("reassigned, before refresh");

    const result = await refreshDashboardRollups(t.db, { now: NOW });
    expect(result.days).toBeGreaterThan(0);
    expect((await readRollupPlan(t.db)).dirtyDays).toEqual([]);
    await checkAll("after refresh");
  });

  it("is refreshed by the dashboard.refresh job, requested at most once while pending", async () => {
    const [order] = await t.db.select().from(orders).where(and(eq(orders.status, "pending"), lt(orders.createdAt, new Date(`${addDays(TODAY, -5)}T00:00:00Z`)))).limit(1);
    await changeOrderStatus(t.db, userActor({ ...admin, name: "Admin" }), order!.id, "cancelled");
    expect((await readRollupPlan(t.db)).dirtyDays.length).toBeGreaterThan(0);
    await requestDashboardRefresh(t.db);
    await requestDashboardRefresh(t.db);
    const jobs = await t.db.select().from(outbox).where(and(eq(outbox.topic, "dashboard.refresh"), eq(outbox.status, "pending")));
    expect(jobs).toHaveLength(1);
    // Only the refresh handler: other topics (status e-mails) stay pending for their own worker.
    await t.db.update(outbox).set({ status: "done" }).where(sql`${outbox.topic} <> 'dashboard.refresh'`);
    expect(await runDueJobs(t.db, { "dashboard.refresh": dashboardRefreshHandler })).toBe(1);
    const [job] = await t.db.select().from(outbox).where(eq(outbox.id, jobs[0]!.id));
    expect(job?.status).toBe("done");
    expect((await readRollupPlan(t.db)).dirtyDays).toEqual([]);
    await checkAll("after the job");
  });

  it("keeps the watermark and marks in the state tables", async () => {
    const [state] = await t.db.select().from(dashboardRollupState);
    // The refreshes ran a little after NOW: the watermark is NOW's or, across a day's lag boundary, today's.
    expect([toDay(new Date(NOW.getTime() - 10 * 60_000)), toDay(new Date(Date.now() - 10 * 60_000))]).toContain(state?.builtUntil);
    expect(await t.db.select().from(dashboardDirtyDays)).toEqual([]);
    // A rebuild from scratch gives the same rows as the incremental refreshes did.
    const snapshot = async () =>
      rowsOf<Record<string, unknown>>(await t.db.execute(sql`select day::text, dim::text, key, all_managers, manager_id, orders, usd_minor from dashboard_daily order by 1, 2, 3, 4, 5`));
    const before = await snapshot();
    await rebuildDashboardRollups(t.db, { now: NOW });
    expect(await snapshot()).toEqual(before);
  });

  it("refreshing a dirty day keeps the ledger rows of the day after it", async () => {
    // An entry just after midnight of day D+1, while only day D is dirty: the bug this pins deleted D+1's ledger rows.
    const day = addDays(TODAY, -120);
    const [order] = await t.db.select().from(orders).where(sql`not exists (select 1 from ledger_entries l where l.order_id = ${orders.id})`).limit(1);
    await t.db.insert(ledgerEntries).values({ orderId: order!.id, kind: "sale", amountMinor: 4_200, currency: "USD", usdMinor: 4_200, createdAt: new Date(`${addDays(day, 1)}T00:30:00Z`) });
    await rebuildDashboardRollups(t.db, { now: NOW });
    const ledgerOf = async (d: string) =>
      rowsOf<Record<string, unknown>>(await t.db.execute(sql`select key, all_managers, manager_id, orders, usd_minor from dashboard_daily where dim = 'ledger' and day = ${d}::date order by 1, 2, 3`));
    const nextDay = await ledgerOf(addDays(day, 1));
    expect(nextDay.length).toBeGreaterThan(0);
    await markDashboardDaysDirty(t.db, [day]);
    await refreshDashboardRollups(t.db, { now: NOW });
    expect(await ledgerOf(addDays(day, 1))).toEqual(nextDay);
  });

  it("deltas compare with the previous period of equal length", async () => {
    const input = { preset: "custom" as const, from: addDays(TODAY, -99), to: TODAY };
    const overview = await getDashboardOverview(t.db, admin, input, { now: NOW });
    const previous = await expected(admin, addDays(TODAY, -199), addDays(TODAY, -99));
    expect(overview.range.previousFrom).toBe(addDays(TODAY, -199));
    expect(overview.kpis.totalSales.previous).toBe(previous.totalSales);
    expect(overview.kpis.orders.previous).toBe(previous.orders);
    expect(overview.kpis.netEarnings.previous).toBe(previous.net);
    const want = previous.totalSales > 0 ? Math.round(((overview.kpis.totalSales.value - previous.totalSales) / previous.totalSales) * 10_000) / 100 : null;
    expect(overview.kpis.totalSales.deltaPercent).toBe(want);
    expect(overview.monthly.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => addMonths(monthStart(TODAY), i - 11).slice(0, 7)));
    expect(overview.turnover).toHaveLength(14);
  });

  it("an empty range says so", async () => {
    const overview = await getDashboardOverview(t.db, admin, { preset: "custom", from: "2020-01-01", to: "2020-01-31" }, { now: NOW });
    expect(overview.empty).toBe(true);
    expect(overview.kpis.orders.value).toBe(0);
    expect(overview.revenue.every((b) => b.paidOrders === 0)).toBe(true);
  });
});

describe("dashboard access", () => {
  it("refuses roles without the dashboard in the domain", async () => {
    for (const role of ["call_center", "content_moderator", "buyer", "supplier"] as const) {
      await domainError(getDashboardOverview(t.db, staffUsers[role]!, { preset: "this_month" }), "FORBIDDEN");
    }
  });

  it("the procedure answers staff with the permission and refuses the others", async () => {
    for (const [role, user] of Object.entries(staffUsers)) {
      const caller = callerFor(t.db, await sessionFor(t.db, user.id));
      const outcome = await outcomeOf(caller.dashboard.overview({ preset: "7d" }));
      expect([role, outcome]).toEqual([role, ["admin", "director", "head_manager", "manager"].includes(role) ? "OK" : "FORBIDDEN"]);
    }
    expect(await outcomeOf(callerFor(t.db, null).dashboard.overview({}))).toBe("UNAUTHORIZED");
  });

  it("validates the range", async () => {
    const caller = callerFor(t.db, await sessionFor(t.db, admin.id));
    expect(await outcomeOf(caller.dashboard.overview({ preset: "custom", from: "2026-02-10" }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(caller.dashboard.overview({ preset: "custom", from: "2026-02-10", to: "2026-02-01" }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(caller.dashboard.overview({ preset: "custom", from: "2020-01-01", to: "2026-02-01" }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(caller.dashboard.overview({ preset: "custom", from: "2026-13-01", to: "2026-02-01" }))).toBe("BAD_REQUEST");
  });
});
