import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, orderEvents, orders, outbox } from "@/db/schema";
import { bulkChangeOrderStatus, type BulkResult } from "@/server/domain/orders/change-status";
import type { OrderStatus } from "@/server/domain/orders/order-statuses";
import { TRANSITIONS } from "@/server/domain/orders/status-machine";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeUser } from "../helpers/fixtures";
import { createTestShop, insertFxRate, orderBody, orderDeps, placeOrder, postOrder, uniqueShopOrderId, userActor, type TestShop } from "../helpers/order-fixtures";

/**
 * Concurrency proofs of issue 13 on both drivers: one shop order sent 1,000 times at once is
 * stored once; bulk status changes racing over the same orders lose no update and make no
 * transition the status machine forbids.
 */
let t: TestDatabase;
let shop: TestShop;
let head: ReturnType<typeof userActor>;
beforeAll(async () => {
  t = await createTestDatabase();
  const headUser = await makeUser(t.db, { role: "head_manager" });
  head = userActor(headUser);
  const manager = await makeUser(t.db, { role: "manager", supervisorId: headUser.id });
  shop = await createTestShop(t.db, { defaultManagerId: manager.id });
  await insertFxRate(t.db, "EUR", "1.1");
});
afterAll(async () => {
  await t.destroy();
});

describe("1,000 concurrent submissions of the same shop order", () => {
  it("store exactly one order, one customer count, one event and one e-mail; every answer names it", async () => {
    const shopOrderId = uniqueShopOrderId("THOUSAND");
    const body = orderBody({ auth: shop.auth, shopOrderId, email: "thousand@example.com" });
    const deps = orderDeps(t.db);
    const results = await Promise.all(Array.from({ length: 1000 }, () => postOrder(deps, body)));

    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(999);
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(1);

    const stored = await t.db.select().from(orders).where(and(eq(orders.shopId, shop.shop.id), eq(orders.shopOrderId, shopOrderId)));
    expect(stored).toHaveLength(1);
    const id = stored[0]!.id;
    expect(ids.has(id)).toBe(true);
    expect(await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, id))).toHaveLength(1);
    expect(await t.db.select().from(outbox).where(eq(outbox.orderId, id))).toHaveLength(1);
    const [customer] = await t.db.select().from(customers).where(eq(customers.email, "thousand@example.com"));
    expect(customer?.ordersCount).toBe(1);
  }, 120_000);
});

describe("concurrent bulk status changes on overlapping orders", () => {
  const allowedFrom = new Map(TRANSITIONS.map((tr) => [tr.to, new Set<OrderStatus>(tr.from)]));

  it("every success is one event, the events chain without gaps through legal transitions, and the order ends where its last event says", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) ids.push(await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, products: [["SKU-1", 10 + i, 1]] })));

    // Eight bulk actions per round, each over a window of 12 orders shifted by 3: every order is in 3–4 of them at once.
    const targets: OrderStatus[] = ["approved", "cancelled", "declined", "call_center", "packed", "pending", "shipped", "closed"];
    const results: BulkResult[] = [];
    for (let round = 0; round < 3; round++) {
      const batches = await Promise.all(
        targets.map((to, i) => {
          const window = ids.slice((i * 3 + round) % ids.length).concat(ids).slice(0, 12);
          return bulkChangeOrderStatus(t.db, head, window, to);
        }),
      );
      results.push(...batches.flat());
    }
    const successes = new Map<string, number>();
    for (const r of results) if (r.ok) successes.set(r.orderId, (successes.get(r.orderId) ?? 0) + 1);
    expect([...successes.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(ids.length);
    // Refusals are the status machine's, never a crash.
    for (const r of results) if (!r.ok) expect(r.error).toMatch(/cannot|already|not paid|is paid|not been shipped/i);

    const events = await t.db
      .select()
      .from(orderEvents)
      .where(and(inArray(orderEvents.orderId, ids), eq(orderEvents.type, "status_changed")))
      .orderBy(asc(orderEvents.id));
    const rows = await t.db.select({ id: orders.id, status: orders.status }).from(orders).where(inArray(orders.id, ids));
    for (const order of rows) {
      const chain = events.filter((e) => e.orderId === order.id);
      // No lost update: each successful change left exactly one event.
      expect(chain.length, order.id).toBe(successes.get(order.id) ?? 0);
      let current: string = "pending";
      for (const event of chain) {
        expect(event.fromStatus, `${order.id}: event ${event.id} starts where the previous ended`).toBe(current);
        expect(allowedFrom.get(event.toStatus as OrderStatus)?.has(current as OrderStatus), `${order.id}: ${current} → ${event.toStatus} is legal`).toBe(true);
        current = event.toStatus ?? "";
      }
      expect(order.status, order.id).toBe(current);
    }
  }, 120_000);
});
