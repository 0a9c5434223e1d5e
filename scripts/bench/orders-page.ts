/**
 * The orders list's first page as the staff see it: a status tab, a search and a filter, with
 * the tab counts for the same filters — both what one page load asks the server for.
 */
import type { Db } from "../../db/client";
import { countOrdersByStatus, listOrders } from "../../server/domain/orders/order-list";
import type { OrderListQuery } from "../../server/domain/orders/order-list-query";
import type { ScopedUser } from "../../server/domain/orders/order-scope";

export interface OrdersPageScenario {
  label: string;
  user: ScopedUser;
  query: OrderListQuery;
}

async function timeOnce(db: Db, scenario: OrdersPageScenario): Promise<number> {
  const started = performance.now();
  const { status: _status, sort: _sort, dir: _dir, cursor: _cursor, before: _before, limit: _limit, ...filters } = scenario.query;
  await Promise.all([listOrders(db, scenario.user, scenario.query), countOrdersByStatus(db, scenario.user, filters)]);
  return performance.now() - started;
}

/** Median and slowest of `runs` page loads after two warm-ups. */
export async function measureOrdersPage(db: Db, scenario: OrdersPageScenario, runs = 15): Promise<{ median: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const ms = await timeOnce(db, scenario);
    if (i >= 2) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]! };
}

export function ordersPageScenarios(people: { admin: ScopedUser; manager: ScopedUser }): OrdersPageScenario[] {
  return [
    { label: "admin, first page, no filter", user: people.admin, query: {} },
    { label: "admin, Approved tab + search by last name + country filter", user: people.admin, query: { status: "approved", search: "garcia", country: "US" } },
    { label: "admin, Shipped tab + e-mail prefix search + payment filter", user: people.admin, query: { status: "shipped", search: "bench12", paymentMethod: "credit_card" } },
    { label: "admin, All tab + date range (last 30 days) sorted by amount", user: people.admin, query: { from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), sort: "total" } },
    { label: "manager, Approved tab + search by last name + country filter", user: people.manager, query: { status: "approved", search: "garcia", country: "US" } },
  ];
}
