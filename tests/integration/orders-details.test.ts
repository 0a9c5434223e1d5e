import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { ledgerEntries, orderEvents, orderItems, orders, outbox } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";
import { changeOrderStatus, setCallCenterStatus } from "@/server/domain/orders/change-status";
import { getOrderDetails } from "@/server/domain/orders/order-details";
import type { ScopedUser } from "@/server/domain/orders/order-scope";
import { ORDER_STATUSES, type OrderStatus } from "@/server/domain/orders/order-statuses";
import { allowedTargets } from "@/server/domain/orders/status-machine";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { domainError, outcomeOf } from "../helpers/errors";
import { callerFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { TEST_CARD, userActor } from "../helpers/order-fixtures";
import { createOrdersWorld, placeListOrder, type OrdersWorld, type WorldUser } from "../helpers/order-list-fixtures";
import { createShipper } from "@/server/domain/fulfilment/shippers";
import { shipmentDispatchHandler } from "@/server/domain/fulfilment/dispatch-job";
import { SHIPMENT_DISPATCH_TOPIC } from "@/server/domain/fulfilment/request-dispatch";
import { runDueJobs } from "@/server/jobs/worker";

/** The worker's dispatch pass: the manual shipper accepts at once, so queued orders become Packed. */
async function dispatchQueued() {
  const handlers = { [SHIPMENT_DISPATCH_TOPIC]: shipmentDispatchHandler({ encryptionKey: TEST_ENCRYPTION_KEY }), "email.order_status": async () => {} };
  while ((await runDueJobs(t.db, handlers, { batchSize: 500 })) > 0);
}
const queuedFor = (orderId: string) => ({ orderId, ok: true, shipmentId: expect.any(Number), shipper: "Manual WH" });

let t: TestDatabase;
let w: OrdersWorld;
const KEYS = [TEST_ENCRYPTION_KEY];
const REPEAT_EMAIL = "repeat.buyer@example.com";
let cardOrder: string;
let plainOrder: string;
let sealed: string;

const scoped = (u: WorldUser): ScopedUser => ({ id: u.id, role: u.role });
const details = (u: WorldUser, id: string) => getOrderDetails(t.db, scoped(u), id, KEYS);

async function orderRow(id: string) {
  const [row] = await t.db.select().from(orders).where(eq(orders.id, id));
  if (!row) throw new Error(`order ${id} missing`);
  return row;
}

beforeAll(async () => {
  t = await createTestDatabase();
  w = await createOrdersWorld(t.db);
  await createShipper(t.db, { code: "manual-wh", name: "Manual WH", adapter: "manual" }, TEST_ENCRYPTION_KEY);
  // One customer, three orders; the second is paid by card, has two lines and goes through a processor.
  await placeListOrder(t.db, { shop: w.shopA, email: REPEAT_EMAIL, firstName: "Rita", lastName: "Repeat", paymentMethod: "paypal" });
  cardOrder = await placeListOrder(t.db, {
    shop: w.shopA,
    email: REPEAT_EMAIL,
    firstName: "Rita",
    lastName: "Repeat",
    paymentMethod: "credit_card",
    secondLine: true,
    price: 42.5,
    processorId: w.processor1,
  });
  plainOrder = await placeListOrder(t.db, { shop: w.shopA, email: REPEAT_EMAIL, firstName: "Rita", lastName: "Repeat", paymentMethod: "crypto" });
  await changeOrderStatus(t.db, userActor(w.managerA), cardOrder, "approved", { note: "paid" });
  sealed = (await orderRow(cardOrder)).cardSealed ?? "";
  expect(sealed).not.toBe("");
});
afterAll(async () => {
  await t.destroy();
});

describe("getOrderDetails", () => {
  it("returns the order, its items, events, ledger and the customer's order count as stored", async () => {
    const result = await details(w.managerA, cardOrder);
    const row = await orderRow(cardOrder);
    const { cardSealed: _s, requestHash: _h, ...visible } = row;
    expect(result.order).toEqual(visible);
    expect(result.order.totalMinor).toBe(row.totalMinor);
    expect(result.shop).toEqual({ name: w.shopA.shop.name, hostname: w.shopA.shop.hostname });
    const [processor] = rowsOf<{ name: string }>(await t.db.execute(sql`select name from processors where id = ${w.processor1}`));
    expect(result.processorName).toBe(processor!.name);

    const items = await t.db.select().from(orderItems).where(eq(orderItems.orderId, cardOrder)).orderBy(asc(orderItems.position));
    expect(items).toHaveLength(2);
    expect(result.items).toEqual(items);
    expect(result.items.reduce((sum, item) => sum + item.lineTotalMinor, 0)).toBe(row.subtotalMinor);

    const events = await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, cardOrder)).orderBy(asc(orderEvents.id));
    expect(result.events).toEqual(events);
    expect(result.events.map((e) => e.type)).toEqual(["created", "status_changed"]);

    const ledger = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, cardOrder)).orderBy(asc(ledgerEntries.id));
    expect(ledger.length).toBeGreaterThan(0);
    expect(result.ledger).toEqual(ledger.map((e) => ({ id: e.id, kind: e.kind, amountMinor: e.amountMinor, currency: e.currency, usdMinor: e.usdMinor, createdAt: e.createdAt })));
    expect(result.ledger.find((e) => e.kind === "sale")?.amountMinor).toBe(row.totalMinor);

    const [count] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from orders where customer_id = ${row.customerId}`));
    expect(Number(count!.n)).toBe(3);
    expect(result.customer?.id).toBe(row.customerId);
    expect(result.customer?.ordersCount).toBe(Number(count!.n));
  });

  it("offers exactly the statuses the status machine accepts now, to managers; none to the operator", async () => {
    for (const id of [plainOrder, cardOrder]) {
      const row = await orderRow(id);
      const result = await details(w.managerA, id);
      expect(result.allowedStatuses).toEqual(allowedTargets(row));
      // Independently: each target is accepted by a real change (rolled back) if and only if it is offered.
      const accepted: OrderStatus[] = [];
      for (const to of ORDER_STATUSES) {
        const rollback = new Error("rollback");
        try {
          await t.db.transaction(async (tx) => {
            await changeOrderStatus(tx, userActor(w.managerA), id, to);
            throw rollback;
          });
        } catch (error) {
          if (error === rollback) accepted.push(to);
          else if (!(error instanceof DomainError)) throw error;
        }
      }
      expect(result.allowedStatuses).toEqual(accepted);
      expect((await orderRow(id)).status).toBe(row.status);
      for (const user of [w.head, w.admin, w.director]) expect((await details(user, id)).allowedStatuses).toEqual(accepted);
    }
    await changeOrderStatus(t.db, userActor(w.managerA), plainOrder, "call_center");
    const forOperator = await details(w.operator, plainOrder);
    expect(forOperator.allowedStatuses).toEqual([]);
    expect(forOperator.canManageStatus).toBe(false);
    expect(forOperator.canSetCallCenterStatus).toBe(true);
    expect((await details(w.managerA, plainOrder)).allowedStatuses.length).toBeGreaterThan(0);
    expect((await details(w.managerA, plainOrder)).canManageStatus).toBe(true);
    await changeOrderStatus(t.db, userActor(w.managerA), plainOrder, "pending");
  });
});

describe("card summary", () => {
  const expiry = `12/${new Date().getUTCFullYear() + 3}`;

  it("shows brand and last four to everyone in scope, holder and expiry to managers only, never the number", async () => {
    for (const user of [w.managerA, w.head, w.admin, w.director]) {
      const result = await details(user, cardOrder);
      expect(result.card, user.role).toEqual({ brand: TEST_CARD.brand, last4: TEST_CARD.last4, holder: "John Doe", expiry });
      const json = JSON.stringify(result);
      for (const secret of [TEST_CARD.pan, TEST_CARD.formatted, "cardSealed", "requestHash", sealed]) expect(json, `${user.role} ${secret}`).not.toContain(secret);
    }
    // The operator sees the card once the order is in the call center, without holder and expiry.
    await changeOrderStatus(t.db, userActor(w.managerA), cardOrder, "call_center");
    const forOperator = await details(w.operator, cardOrder);
    expect(forOperator.card).toEqual({ brand: TEST_CARD.brand, last4: TEST_CARD.last4, holder: null, expiry: null });
    const operatorJson = JSON.stringify(forOperator);
    for (const secret of [TEST_CARD.pan, TEST_CARD.formatted, "cardSealed", "requestHash", sealed, "John Doe\"", expiry]) expect(operatorJson, secret).not.toContain(secret);

    // Through tRPC too (the key from the context).
    const viaTrpc = await callerFor(t.db, w.managerA.session).orders.details({ orderId: cardOrder });
    expect(viaTrpc.card).toEqual({ brand: TEST_CARD.brand, last4: TEST_CARD.last4, holder: "John Doe", expiry });
    expect(JSON.stringify(viaTrpc)).not.toContain(TEST_CARD.pan);
    expect(Object.keys(viaTrpc.order)).not.toContain("cardSealed");
    expect(Object.keys(viaTrpc.order)).not.toContain("requestHash");
    const operatorTrpc = await callerFor(t.db, w.operator.session).orders.details({ orderId: cardOrder });
    expect(operatorTrpc.card?.holder).toBeNull();
    expect(operatorTrpc.card?.expiry).toBeNull();

    await changeOrderStatus(t.db, userActor(w.managerA), cardOrder, "approved");
  });

  it("has no card for an order paid otherwise, and shows what is in clear when the key is unknown", async () => {
    expect((await details(w.managerA, plainOrder)).card).toBeNull();
    const withOtherKey = await getOrderDetails(t.db, scoped(w.managerA), cardOrder, [Buffer.alloc(32, 9)]);
    expect(withOtherKey.card).toEqual({ brand: TEST_CARD.brand, last4: TEST_CARD.last4, holder: null, expiry: null });
  });
});

describe("call-center times", () => {
  it("sets callCenterAt on entering, callCenterContactAt on each operator contact, and resets both on re-entry", async () => {
    const id = await placeListOrder(t.db, { shop: w.shopB, paymentMethod: "paypal" });
    const operator = userActor(w.operator);
    const at = (minutes: number) => new Date(Date.parse("2026-05-01T08:00:00.000Z") + minutes * 60_000);
    const ccEvents = async () =>
      t.db
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.orderId, id), eq(orderEvents.type, "call_center_status_changed")))
        .orderBy(asc(orderEvents.id));

    await changeOrderStatus(t.db, userActor(w.managerB), id, "call_center", { now: at(0) });
    let row = await orderRow(id);
    expect(row).toMatchObject({ status: "call_center", callCenterStatus: "new_inquiry", callCenterAt: at(0), callCenterContactAt: null });
    expect((await details(w.operator, id)).order).toMatchObject({ callCenterAt: at(0), callCenterContactAt: null });

    await setCallCenterStatus(t.db, operator, id, "awaiting_response", undefined, at(10));
    row = await orderRow(id);
    expect(row).toMatchObject({ callCenterStatus: "awaiting_response", callCenterAt: at(0), callCenterContactAt: at(10) });
    const afterFirst = (await ccEvents()).length;

    // The same status again without a note changes nothing.
    await setCallCenterStatus(t.db, operator, id, "awaiting_response", undefined, at(20));
    expect((await orderRow(id)).callCenterContactAt).toEqual(at(10));
    expect(await ccEvents()).toHaveLength(afterFirst);

    // With a note it is another contact attempt, logged.
    await callerFor(t.db, w.operator.session).orders.setCallCenterStatus({ orderId: id, status: "awaiting_response", note: "second call, no answer" });
    row = await orderRow(id);
    expect(row.callCenterContactAt!.getTime()).toBeGreaterThan(at(10).getTime());
    const logged = await ccEvents();
    expect(logged).toHaveLength(afterFirst + 1);
    expect(logged.at(-1)).toMatchObject({ actorType: "user", actorId: w.operator.id, fromStatus: "awaiting_response", toStatus: "awaiting_response", message: "second call, no answer" });
    const lastContact = row.callCenterContactAt;

    // A manager's status is no operator contact.
    await setCallCenterStatus(t.db, userActor(w.managerB), id, "resolved", "sorted by phone", at(60 * 24 * 400));
    row = await orderRow(id);
    expect(row.callCenterStatus).toBe("resolved");
    expect(row.callCenterContactAt).toEqual(lastContact);

    // The operator may not set the system's statuses.
    const refused = await domainError(setCallCenterStatus(t.db, operator, id, "refunded"), "BAD_INPUT");
    expect(refused.field).toBe("status");

    // Leaving and coming back: a new inquiry, aged from the new entry, never contacted.
    await changeOrderStatus(t.db, userActor(w.managerB), id, "pending", { now: at(100) });
    await domainError(setCallCenterStatus(t.db, operator, id, "resolved"), "NOT_FOUND");
    await changeOrderStatus(t.db, userActor(w.managerB), id, "call_center", { now: at(200) });
    row = await orderRow(id);
    expect(row).toMatchObject({ callCenterStatus: "new_inquiry", callCenterAt: at(200), callCenterContactAt: null });
    const shown = await details(w.managerB, id);
    expect(shown.order).toMatchObject({ callCenterAt: at(200), callCenterContactAt: null, callCenterStatus: "new_inquiry" });
  });
});

describe("sendAllPaidToShipper", () => {
  it("queues exactly the approved, paid orders the user may see for the shipper, oldest first; Packed once it accepts", async () => {
    const manager = userActor(w.managerA);
    const make = async (shop: OrdersWorld["shopA"], createdAt: string, steps: OrderStatus[], actor = manager) => {
      const id = await placeListOrder(t.db, { shop, paymentMethod: "paypal", createdAt: new Date(createdAt) });
      for (const to of steps) await changeOrderStatus(t.db, actor, id, to);
      return id;
    };
    const bManager = userActor(w.managerB);
    const cManager = userActor(w.managerC);
    await make(w.shopA, "2026-04-03T00:00:00Z", ["approved"]);
    await make(w.shopA, "2026-04-01T00:00:00Z", ["approved"]);
    await make(w.shopA, "2026-04-02T00:00:00Z", ["approved", "packed"]);
    await make(w.shopA, "2026-04-04T00:00:00Z", []);
    await make(w.shopA, "2026-04-05T00:00:00Z", ["approved", "call_center"]);
    await make(w.shopB, "2026-04-01T12:00:00Z", ["approved"], bManager);
    await make(w.shopB, "2026-03-30T12:00:00Z", ["approved"], bManager);
    await make(w.shopC, "2026-03-30T12:00:00Z", ["approved"], cManager);

    const paidApprovedOf = async (where: string) =>
      rowsOf<{ id: string }>(
        await t.db.execute(
          sql.raw(`select o.id from orders o join customers c on c.id = o.customer_id left join users m on m.id = c.manager_id
            where o.status = 'approved' and o.paid_at is not null and (${where}) order by o.created_at, o.number`),
        ),
      ).map((r) => r.id);
    const visibleToA = await paidApprovedOf(`c.manager_id = '${w.managerA.id}'`);
    expect(visibleToA.length).toBeGreaterThanOrEqual(3);
    const othersBefore = await paidApprovedOf(`c.manager_id <> '${w.managerA.id}'`);
    expect(othersBefore.length).toBeGreaterThanOrEqual(3);

    const first = await callerFor(t.db, w.managerA.session).orders.sendAllPaidToShipper();
    expect(first.remaining).toBe(false);
    expect(first.results).toEqual(visibleToA.map(queuedFor));
    for (const id of visibleToA) expect((await orderRow(id)).status).toBe("approved");
    // Pressed again before the worker ran: nothing is queued twice.
    expect(await callerFor(t.db, w.managerA.session).orders.sendAllPaidToShipper()).toEqual({ results: [], remaining: false });
    await dispatchQueued();
    for (const id of visibleToA) {
      expect((await orderRow(id)).status).toBe("packed");
      const [queued] = await t.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, id), eq(orderEvents.type, "shipment")));
      expect(queued).toMatchObject({ actorType: "user", actorId: w.managerA.id, message: "Dispatch to Manual WH queued" });
      const [event] = await t.db
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.orderId, id), eq(orderEvents.toStatus, "packed")));
      expect(event).toMatchObject({ actorType: "shipper", actorName: "Manual WH", fromStatus: "approved" });
      const mails = await t.db.select().from(outbox).where(eq(outbox.orderId, id));
      expect(mails.map((m) => m.payload.status)).toContain("packed");
    }
    expect(await paidApprovedOf(`c.manager_id <> '${w.managerA.id}'`)).toEqual(othersBefore);
    expect(await paidApprovedOf(`c.manager_id = '${w.managerA.id}'`)).toEqual([]);

    // The head: his team's (B's) orders, not C's.
    const teamB = await paidApprovedOf(`m.supervisor_id = '${w.head.id}' or c.manager_id = '${w.head.id}'`);
    expect(teamB.length).toBeGreaterThan(0);
    const second = await callerFor(t.db, w.head.session).orders.sendAllPaidToShipper();
    expect(second.results.map((r) => r.orderId)).toEqual(teamB);
    expect(second.results.every((r) => r.ok)).toBe(true);
    await dispatchQueued();
    const rest = await paidApprovedOf("true");
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((id) => !teamB.includes(id))).toBe(true);

    // Nothing left for A: an empty report.
    expect(await callerFor(t.db, w.managerA.session).orders.sendAllPaidToShipper()).toEqual({ results: [], remaining: false });
    // The admin takes the rest.
    const third = await callerFor(t.db, w.admin.session).orders.sendAllPaidToShipper();
    expect(third.results.map((r) => r.orderId)).toEqual(rest);
    await dispatchQueued();
    expect(await paidApprovedOf("true")).toEqual([]);
    expect(await outcomeOf(callerFor(t.db, w.operator.session).orders.sendAllPaidToShipper())).toBe("FORBIDDEN");
  });
});

describe("sendAllPaidToShipper: batches and refusals (adds many rows)", () => {
  it("reports a refused order without stopping the others, and works in batches of 500, oldest first", { timeout: 120_000 }, async () => {
    const manager = userActor(w.managerC);
    const refusedId = await placeListOrder(t.db, { shop: w.shopC, paymentMethod: "paypal", createdAt: new Date("2026-01-01T00:00:00Z") });
    const goodId = await placeListOrder(t.db, { shop: w.shopC, paymentMethod: "paypal", createdAt: new Date("2026-01-02T00:00:00Z") });
    for (const id of [refusedId, goodId]) await changeOrderStatus(t.db, manager, id, "approved");
    // Money no longer held (as after a refund booked elsewhere): the machine refuses "packed".
    await t.db.update(orders).set({ refundedAt: new Date("2026-01-03T00:00:00Z") }).where(eq(orders.id, refusedId));
    const report = await callerFor(t.db, w.managerC.session).orders.sendAllPaidToShipper();
    expect(report.remaining).toBe(false);
    expect(report.results).toHaveLength(2);
    expect(report.results[0]).toMatchObject({ orderId: refusedId, ok: false });
    expect(report.results[0]!.ok === false && report.results[0]!.error).toMatch(/not paid/);
    expect(report.results[1]).toEqual(queuedFor(goodId));
    await dispatchQueued();
    expect((await orderRow(refusedId)).status).toBe("approved");
    expect((await orderRow(goodId)).status).toBe("packed");
    await t.db.update(orders).set({ status: "refunded" }).where(eq(orders.id, refusedId));

    // 503 paid, approved orders of C's client, created one second apart.
    await t.db.execute(
      sql.raw(`insert into orders (id, shop_id, shop_order_id, customer_id, status, currency, subtotal_minor, total_minor, usd_per_unit, total_usd_minor,
        payment_method, customer_first_name, customer_last_name, customer_email, customer_phone, billing_address, shipping_address, country, request_hash,
        paid_at, created_at, updated_at)
      select 'ord_bat' || lpad(g::text, 19, '0'), shop_id, 'BATCH-' || g, customer_id, 'approved', currency, subtotal_minor, total_minor, usd_per_unit, total_usd_minor,
        payment_method, customer_first_name, customer_last_name, customer_email, customer_phone, billing_address, shipping_address, country, request_hash,
        timestamptz '2026-02-01T00:00:00Z', timestamptz '2026-02-01T00:00:00Z' + (600 - g) * interval '1 second', updated_at
      from orders, generate_series(1, 503) g where id = '${goodId}'`),
    );
    const oldestFirst = rowsOf<{ id: string }>(
      await t.db.execute(sql`select id from orders where status = 'approved' and paid_at is not null and shop_id = ${w.shopC.shop.id} order by created_at`),
    ).map((r) => r.id);
    expect(oldestFirst).toHaveLength(503);
    const first = await callerFor(t.db, w.managerC.session).orders.sendAllPaidToShipper();
    expect(first.remaining).toBe(true);
    expect(first.results.map((r) => r.orderId)).toEqual(oldestFirst.slice(0, 500));
    expect(first.results.every((r) => r.ok)).toBe(true);
    // Orders already on their way to the shipper are not taken again: the next click gets the rest.
    const second = await callerFor(t.db, w.managerC.session).orders.sendAllPaidToShipper();
    expect(second).toEqual({ remaining: false, results: oldestFirst.slice(500).map(queuedFor) });
    await dispatchQueued();
    const [left] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from orders where status = 'approved' and shop_id = ${w.shopC.shop.id}`));
    expect(Number(left!.n)).toBe(0);
  });
});
