import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderEvents, orders, outbox } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";
import { balanceUsdMinor, ledgerForOrder } from "@/server/domain/ledger/ledger";
import { bulkChangeOrderStatus, changeOrderStatus, setCallCenterStatus } from "@/server/domain/orders/change-status";
import type { OrderStatus } from "@/server/domain/orders/order-statuses";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { domainError } from "../helpers/errors";
import { makeUser } from "../helpers/fixtures";
import {
  createTestShop,
  insertFxRate,
  insertProcessor,
  orderBody,
  orderDeps,
  placeOrder,
  systemActor,
  userActor,
  type TestShop,
} from "../helpers/order-fixtures";

let t: TestDatabase;
let shop: TestShop;
let processorId: string;
let head: ReturnType<typeof userActor>;
let manager: ReturnType<typeof userActor>;
let otherManager: ReturnType<typeof userActor>;
let otherHead: ReturnType<typeof userActor>;
let operator: ReturnType<typeof userActor>;

beforeAll(async () => {
  t = await createTestDatabase();
  const headUser = await makeUser(t.db, { role: "head_manager" });
  const managerUser = await makeUser(t.db, { role: "manager", supervisorId: headUser.id });
  head = userActor(headUser);
  manager = userActor(managerUser);
  otherManager = userActor(await makeUser(t.db, { role: "manager" }));
  otherHead = userActor(await makeUser(t.db, { role: "head_manager" }));
  operator = userActor(await makeUser(t.db, { role: "call_center" }));
  // New customers of this shop belong to `manager`, who reports to `head`.
  shop = await createTestShop(t.db, { defaultManagerId: managerUser.id });
  processorId = (await insertProcessor(t.db, 450, 30)).id;
  await insertFxRate(t.db, "EUR", "1.1");
  await insertFxRate(t.db, "GBP", "1.25");
  await insertFxRate(t.db, "JPY", "0.0067");
});
afterAll(async () => {
  await t.destroy();
});

/** A pending order of one line at `price` (no shipping, no coupon), paid through the 4.50 % + 0.30 processor. */
async function pendingOrder(currency = "EUR", price: number = 100): Promise<string> {
  const id = await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, currency, products: [["SKU-1", price, 1]] }));
  await t.db.update(orders).set({ processorId }).where(eq(orders.id, id));
  return id;
}

async function orderRow(id: string) {
  const [row] = await t.db.select().from(orders).where(eq(orders.id, id));
  if (!row) throw new Error(`order ${id} missing`);
  return row;
}

async function statusEvents(id: string) {
  return t.db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, id), eq(orderEvents.type, "status_changed")))
    .orderBy(orderEvents.id);
}

async function mails(id: string) {
  return t.db.select().from(outbox).where(eq(outbox.orderId, id)).orderBy(outbox.id);
}

async function moveTo(id: string, ...steps: OrderStatus[]) {
  for (const to of steps) await changeOrderStatus(t.db, manager, id, to);
}

describe("changeOrderStatus: money", () => {
  it("approving records the payment time, the sale, the processor's fee and the customer's e-mail", async () => {
    const id = await pendingOrder();
    const result = await changeOrderStatus(t.db, manager, id, "approved", { note: "processor callback" });
    expect(result).toEqual({ orderId: id, from: "pending", to: "approved" });

    const order = await orderRow(id);
    expect(order.status).toBe("approved");
    expect(order.paidAt).toBeInstanceOf(Date);

    const ledger = await ledgerForOrder(t.db, id);
    // 100.00 EUR in, 4.50 % + 0.30 = 4.80 EUR out; in US cents at 1.1: 11000 and −528.
    expect(ledger.map((e) => [e.kind, e.amountMinor, e.currency, e.usdMinor, e.processorId])).toEqual([
      ["sale", 10000, "EUR", 11000, processorId],
      ["processor_fee", -480, "EUR", -528, processorId],
    ]);
    expect(ledger.every((e) => e.createdBy === manager.id)).toBe(true);

    const sent = await mails(id);
    expect(sent.map((m) => m.payload.status)).toEqual(["pending", "approved"]);
    expect(sent.every((m) => m.topic === "email.order_status" && m.status === "pending")).toBe(true);

    const events = await statusEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "user", actorId: manager.id, fromStatus: "pending", toStatus: "approved", message: "processor callback" });
  });

  it("refunding subtracts the order's total and sends the e-mail", async () => {
    const id = await pendingOrder();
    await moveTo(id, "approved", "refunded");
    const order = await orderRow(id);
    expect(order.status).toBe("refunded");
    expect(order.refundedAt).toBeInstanceOf(Date);
    const refund = (await ledgerForOrder(t.db, id)).filter((e) => e.kind === "refund");
    expect(refund.map((e) => [e.amountMinor, e.usdMinor])).toEqual([[-10000, -11000]]);
    expect((await mails(id)).map((m) => m.payload.status)).toEqual(["pending", "approved", "refunded"]);
  });

  it("a charged-back order loses its total too, and nothing can follow", async () => {
    const id = await pendingOrder();
    await moveTo(id, "approved", "shipped", "chargeback");
    const kinds = (await ledgerForOrder(t.db, id)).map((e) => [e.kind, e.amountMinor]);
    expect(kinds).toEqual([["sale", 10000], ["processor_fee", -480], ["chargeback", -10000]]);
    const error = await domainError(changeOrderStatus(t.db, manager, id, "refunded"), "PRECONDITION_FAILED");
    expect(error.field).toBe("status");
  });

  it("keeps the balance equal to a hand computation over orders in several currencies", async () => {
    const before = await balanceUsdMinor(t.db);

    // EUR 100.00 approved: +11000 sale, fee 480 EUR × 1.1 = −528 → +10472
    await moveTo(await pendingOrder("EUR", 100), "approved");
    // USD 50.00 approved and shipped: +5000, fee 4.50 % of 5000 = 225 + 30 = −255 → +4745
    await moveTo(await pendingOrder("USD", 50), "approved", "shipped");
    // GBP 80.00 approved then refunded: +10000 at 1.25, fee 360 + 30 = 390 GBP = 487.5 → −488, refund −10000 → −488
    await moveTo(await pendingOrder("GBP", 80), "approved", "refunded");
    // JPY 1500 approved: 1500 × 0.0067 = 10.05 USD → +1005; fee 67.5 → 68 + 30 = 98 yen = 0.6566 USD → −66 → +939
    await moveTo(await pendingOrder("JPY", 1500), "approved");
    // Pending, declined and cancelled orders move no money.
    await pendingOrder("EUR", 70);
    await moveTo(await pendingOrder("EUR", 60), "declined");
    await moveTo(await pendingOrder("GBP", 40), "cancelled");

    expect((await balanceUsdMinor(t.db)) - before).toBe(10472 + 4745 - 488 + 939);
  });

  it("counts a sale once when an order is approved again after the call center", async () => {
    const id = await pendingOrder();
    await changeOrderStatus(t.db, manager, id, "approved");
    const paidAt = (await orderRow(id)).paidAt;
    await changeOrderStatus(t.db, manager, id, "call_center");
    expect((await orderRow(id)).callCenterStatus).toBe("new_inquiry");
    await changeOrderStatus(t.db, manager, id, "approved");

    const order = await orderRow(id);
    expect(order.status).toBe("approved");
    expect(order.paidAt?.getTime()).toBe(paidAt?.getTime());
    const kinds = (await ledgerForOrder(t.db, id)).map((e) => e.kind);
    expect(kinds).toEqual(["sale", "processor_fee"]);
    expect((await statusEvents(id)).map((e) => e.toStatus)).toEqual(["approved", "call_center", "approved"]);
  });

  it("refuses an illegal transition with PRECONDITION_FAILED and changes nothing", async () => {
    const id = await pendingOrder();
    const error = await domainError(changeOrderStatus(t.db, manager, id, "shipped"), "PRECONDITION_FAILED");
    expect(error.message).toMatch(/pending to shipped/);
    await changeOrderStatus(t.db, manager, id, "approved");
    await domainError(changeOrderStatus(t.db, manager, id, "approved"), "PRECONDITION_FAILED");
    await domainError(changeOrderStatus(t.db, manager, id, "declined"), "PRECONDITION_FAILED");
    expect((await orderRow(id)).status).toBe("approved");
    expect(await statusEvents(id)).toHaveLength(1);
    expect((await ledgerForOrder(t.db, id)).map((e) => e.kind)).toEqual(["sale", "processor_fee"]);
  });

  it("marks shipping and allows reshipping a shipped order", async () => {
    const id = await pendingOrder("USD", 20);
    await moveTo(id, "approved", "packed", "shipped");
    const shipped = await orderRow(id);
    expect(shipped.shippedAt).toBeInstanceOf(Date);
    await moveTo(id, "reshipped", "reshipped", "delivered");
    expect((await orderRow(id)).status).toBe("delivered");
    expect((await mails(id)).map((m) => m.payload.status)).toEqual(["pending", "approved", "packed", "shipped", "reshipped", "reshipped", "delivered"]);
  });

  it("machines (processor callbacks) may change statuses and are named in the log", async () => {
    const id = await pendingOrder();
    await changeOrderStatus(t.db, { type: "processor", name: "CardPay" }, id, "declined");
    const [event] = await statusEvents(id);
    expect(event).toMatchObject({ actorType: "processor", actorId: null, actorName: "CardPay", toStatus: "declined" });
    await changeOrderStatus(t.db, systemActor(), id, "approved");
    expect((await ledgerForOrder(t.db, id)).find((e) => e.kind === "sale")?.createdBy).toBeNull();
  });
});

describe("call center", () => {
  it("an operator cannot change the main status", async () => {
    const id = await pendingOrder();
    await changeOrderStatus(t.db, manager, id, "call_center");
    const error = await domainError(changeOrderStatus(t.db, operator, id, "approved"), "FORBIDDEN");
    expect(error.message).toMatch(/role/i);
    expect((await orderRow(id)).status).toBe("call_center");
  });

  it("an operator sets their own statuses only on orders in the call center, never the system's", async () => {
    const inCenter = await pendingOrder();
    await changeOrderStatus(t.db, manager, inCenter, "call_center");
    const result = await setCallCenterStatus(t.db, operator, inCenter, "awaiting_response", "left a voicemail");
    expect(result).toEqual({ orderId: inCenter, from: "new_inquiry", to: "awaiting_response" });
    expect((await orderRow(inCenter)).callCenterStatus).toBe("awaiting_response");
    const [event] = await t.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, inCenter), eq(orderEvents.actorId, operator.id)));
    expect(event).toMatchObject({ type: "call_center_status_changed", fromStatus: "new_inquiry", toStatus: "awaiting_response", message: "left a voicemail" });

    for (const systemOnly of ["refunded", "reshipped"] as const) {
      await domainError(setCallCenterStatus(t.db, operator, inCenter, systemOnly), "BAD_INPUT");
    }
    expect((await orderRow(inCenter)).callCenterStatus).toBe("awaiting_response");

    // Never in the call center: the operator does not even see it.
    const elsewhere = await pendingOrder();
    await domainError(setCallCenterStatus(t.db, operator, elsewhere, "resolved"), "NOT_FOUND");
    // Back out of the call center: it leaves the operator's scope altogether.
    await changeOrderStatus(t.db, manager, inCenter, "approved");
    await domainError(setCallCenterStatus(t.db, operator, inCenter, "resolved"), "NOT_FOUND");
  });

  it("Refund Initiated becomes Refunded when a manager refunds; Reship Initiated becomes Reshipped when a manager reships", async () => {
    const refund = await pendingOrder();
    await moveTo(refund, "approved", "call_center");
    await setCallCenterStatus(t.db, operator, refund, "refund_initiated");
    await changeOrderStatus(t.db, manager, refund, "refunded");
    const refunded = await orderRow(refund);
    expect(refunded.status).toBe("refunded");
    expect(refunded.callCenterStatus).toBe("refunded");
    const [ccEvent] = await t.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, refund), eq(orderEvents.type, "call_center_status_changed"), eq(orderEvents.actorType, "system")))
      .orderBy(orderEvents.id)
      .offset(1);
    expect(ccEvent).toMatchObject({ fromStatus: "refund_initiated", toStatus: "refunded" });

    const reship = await pendingOrder();
    await moveTo(reship, "approved", "shipped", "call_center");
    await setCallCenterStatus(t.db, operator, reship, "reship_initiated");
    await changeOrderStatus(t.db, manager, reship, "reshipped");
    expect((await orderRow(reship)).callCenterStatus).toBe("reshipped");
  });

  it("a manager sees the operator's statuses and may set them too", async () => {
    const id = await pendingOrder();
    await changeOrderStatus(t.db, manager, id, "call_center");
    await setCallCenterStatus(t.db, operator, id, "failed");
    expect((await orderRow(id)).callCenterStatus).toBe("failed");
    await setCallCenterStatus(t.db, manager, id, "resolved");
    expect((await orderRow(id)).callCenterStatus).toBe("resolved");
  });
});

describe("bulkChangeOrderStatus", () => {
  it("changes each order on its own and says why any was refused", async () => {
    const a = await pendingOrder();
    const b = await pendingOrder();
    const paid = await pendingOrder();
    await changeOrderStatus(t.db, manager, paid, "approved");
    const results = await bulkChangeOrderStatus(t.db, manager, [a, paid, b, a, "ord_doesnotexist0000000000"], "declined");

    expect(results).toHaveLength(4);
    expect(results[0]).toEqual({ orderId: a, ok: true, from: "pending", to: "declined" });
    expect(results[1]).toMatchObject({ orderId: paid, ok: false, error: expect.stringMatching(/approved to declined/) });
    expect(results[2]).toEqual({ orderId: b, ok: true, from: "pending", to: "declined" });
    expect(results[3]).toMatchObject({ orderId: "ord_doesnotexist0000000000", ok: false, error: "Order not found" });
    expect((await orderRow(a)).status).toBe("declined");
    expect((await orderRow(paid)).status).toBe("approved");
  });

  it("refuses every order for a role that may not change statuses", async () => {
    const id = await pendingOrder();
    await changeOrderStatus(t.db, manager, id, "call_center");
    const results = await bulkChangeOrderStatus(t.db, operator, [id], "approved");
    expect(results).toEqual([{ orderId: id, ok: false, error: expect.stringMatching(/role/i) }]);
  });
});

describe("scope", () => {
  it("a manager cannot change an order of another manager's customer (not found), their head can, another head cannot", async () => {
    const id = await pendingOrder();
    await domainError(changeOrderStatus(t.db, otherManager, id, "approved"), "NOT_FOUND");
    await domainError(changeOrderStatus(t.db, otherHead, id, "approved"), "NOT_FOUND");
    expect((await orderRow(id)).status).toBe("pending");

    await changeOrderStatus(t.db, head, id, "approved");
    expect((await orderRow(id)).status).toBe("approved");
    await changeOrderStatus(t.db, manager, id, "packed");
    expect((await orderRow(id)).status).toBe("packed");

    const admin = userActor({ id: shop.admin.id, role: "admin" });
    await changeOrderStatus(t.db, admin, id, "shipped");
    expect((await orderRow(id)).status).toBe("shipped");
  });

  it("a call-center operator sees no order that was never sent to the call center", async () => {
    const id = await pendingOrder();
    await domainError(setCallCenterStatus(t.db, operator, id, "new_inquiry"), "NOT_FOUND");
  });
});

describe("concurrent changes of one order", () => {
  async function race(id: string, first: OrderStatus, second: OrderStatus) {
    const outcomes = await Promise.allSettled([changeOrderStatus(t.db, manager, id, first), changeOrderStatus(t.db, manager, id, second)]);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") {
        expect(outcome.reason).toBeInstanceOf(DomainError);
        expect(outcome.reason instanceof DomainError ? outcome.reason.code : "").toBe("PRECONDITION_FAILED");
      }
    }
    return outcomes.map((o) => o.status === "fulfilled");
  }

  it("approve and cancel at once: exactly one wins, and the order agrees with it", async () => {
    const id = await pendingOrder();
    const [approved, cancelled] = await race(id, "approved", "cancelled");
    expect([approved, cancelled].filter(Boolean)).toHaveLength(1);
    const order = await orderRow(id);
    expect(order.status).toBe(approved ? "approved" : "cancelled");
    expect((await ledgerForOrder(t.db, id)).filter((e) => e.kind === "sale")).toHaveLength(approved ? 1 : 0);
    expect(await statusEvents(id)).toHaveLength(1);
  });

  it("two approvals at once (a repeated callback): one succeeds, one sale", async () => {
    const id = await pendingOrder();
    const outcomes = await race(id, "approved", "approved");
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect((await ledgerForOrder(t.db, id)).map((e) => e.kind)).toEqual(["sale", "processor_fee"]);
    expect(await statusEvents(id)).toHaveLength(1);
  });

  it("approve and decline at once: the changes queue; a decline applied first may still be approved, never the reverse", async () => {
    const id = await pendingOrder();
    const [approved, declined] = await race(id, "approved", "declined");
    // Declined → approved is a legal transition (a retried payment), approved → declined is not: approval always wins.
    expect(approved).toBe(true);
    const order = await orderRow(id);
    expect(order.status).toBe("approved");
    expect(order.paidAt).toBeInstanceOf(Date);
    expect((await ledgerForOrder(t.db, id)).filter((e) => e.kind === "sale")).toHaveLength(1);
    const events = await statusEvents(id);
    expect(events.map((e) => e.toStatus)).toEqual(declined ? ["declined", "approved"] : ["approved"]);
  });
});
