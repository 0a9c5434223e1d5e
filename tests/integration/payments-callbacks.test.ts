import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ledgerEntries, orderEvents, orders, processorEvents } from "@/db/schema";
import { balanceUsdMinor } from "@/server/domain/ledger/ledger";
import { changeOrderStatus } from "@/server/domain/orders/change-status";
import { runPaymentCascade } from "@/server/domain/payments/cascade";
import { signedHeaders, signatureOf } from "@/server/integrations/payments/signature";
import { SANDBOX_CARDS } from "@/server/integrations/payments/sandbox/test-cards";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { callerFor, makeUser, sessionFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { trpcError } from "../helpers/errors";
import { countRows, createTestShop, orderBody, orderDeps, placeOrder, userActor, withField, type TestShop } from "../helpers/order-fixtures";
import { ACCOUNTS, eventsOf, orderRow, runPaymentJobs, startPaymentsWorld, type PaymentsWorld } from "../helpers/payments-fixtures";

let t: TestDatabase;
let shop: TestShop;
let world: PaymentsWorld;
let director: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  t = await createTestDatabase();
  shop = await createTestShop(t.db);
  world = await startPaymentsWorld(t.db);
  director = await makeUser(t.db, { role: "director" });
});
afterAll(async () => {
  await world?.close();
  await t?.destroy();
});

async function cardOrder(pan: string = SANDBOX_CARDS.approve): Promise<string> {
  return placeOrder(orderDeps(t.db), withField(orderBody({ auth: shop.auth, currency: "USD" }), "payment.card_number", pan));
}

/** A pending order at alpha, waiting for the gateway's callback. */
async function pendingOrder(): Promise<{ id: string; paymentId: string }> {
  const id = await cardOrder(SANDBOX_CARDS.pending);
  await runPaymentJobs(t.db);
  const order = await orderRow(t.db, id);
  expect(order.status).toBe("pending");
  return { id, paymentId: order.paymentId ?? "" };
}

const callbackUrl = (code = "alpha") => `${world.app.url}/api/callbacks/${code}`;

function eventBody(paymentId: string, reference: string, type = "payment.approved", extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    id: `evt_test_${Math.random().toString(36).slice(2)}`,
    type,
    created: Math.floor(Date.now() / 1000),
    data: { id: paymentId, status: "approved", amount: 2995, currency: "USD", reference, response_code: "00", message: "Approved", arn: null, ...extra },
  });
}

async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function snapshot(orderId: string) {
  const order = await orderRow(t.db, orderId);
  return { status: order.status, events: (await eventsOf(t.db, orderId)).length, ledger: await countRows(t.db, ledgerEntries), processed: await countRows(t.db, processorEvents) };
}

describe("callback security", () => {
  it("refuses a forged signature with 401 and changes nothing", async () => {
    const { id, paymentId } = await pendingOrder();
    const before = await snapshot(id);
    const body = eventBody(paymentId, id);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const forged = await post(callbackUrl(), body, signedHeaders("whsec_guessed", body));
    const wrongProcessor = await post(callbackUrl(), body, signedHeaders(ACCOUNTS.beta.webhookSecret, body));
    const missing = await post(callbackUrl(), body, {});
    const tampered = await post(callbackUrl(), body.replace("2995", "1"), signedHeaders(ACCOUNTS.alpha.webhookSecret, body));
    warn.mockRestore();
    expect([forged.status, wrongProcessor.status, missing.status, tampered.status]).toEqual([401, 401, 401, 401]);
    expect(forged.body).toMatchObject({ received: false, error: "signature does not match" });
    expect(await snapshot(id)).toEqual(before);
  });

  it("a card payment waiting for its callback cannot be charged again by hand or by a re-run job", async () => {
    const { id, paymentId } = await pendingOrder();
    const error = await trpcError(callerFor(t.db, await sessionFor(t.db, director.id)).payments.manualPayment({ orderId: id }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toContain(paymentId);
    const charges = world.gateway.charges.filter((c) => c.reference === id).length;
    const rerun = await runPaymentCascade(t.db, { encryptionKey: TEST_ENCRYPTION_KEY }, id, { actor: { type: "system", name: "test" }, initiator: "merchant", reason: "retry" });
    expect(rerun.result).toBe("skipped");
    expect(world.gateway.charges.filter((c) => c.reference === id)).toHaveLength(charges);
  });

  it("refuses a stale timestamp (more than 5 minutes) even when correctly signed", async () => {
    const { id, paymentId } = await pendingOrder();
    const before = await snapshot(id);
    const body = eventBody(paymentId, id);
    const old = new Date(Date.now() - 6 * 60 * 1000);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const stale = await post(callbackUrl(), body, signedHeaders(ACCOUNTS.alpha.webhookSecret, body, old));
    const future = await post(callbackUrl(), body, signedHeaders(ACCOUNTS.alpha.webhookSecret, body, new Date(Date.now() + 6 * 60 * 1000)));
    warn.mockRestore();
    expect(stale.status).toBe(401);
    expect(String(stale.body.error)).toMatch(/tolerance/);
    expect(future.status).toBe(401);
    expect(await snapshot(id)).toEqual(before);
    // Four minutes old is inside the tolerance.
    const recent = await post(callbackUrl(), body, signedHeaders(ACCOUNTS.alpha.webhookSecret, body, new Date(Date.now() - 4 * 60 * 1000)));
    expect(recent.status).toBe(200);
    expect((await orderRow(t.db, id)).status).toBe("approved");
  });

  it("a replayed callback (the gateway's own delivery, re-sent) changes nothing", async () => {
    const { id, paymentId } = await pendingOrder();
    await fetch(`${world.gateway.url}/sandbox/payments/${paymentId}/complete`, { method: "POST", body: "{}" });
    await world.gateway.settled();
    expect((await orderRow(t.db, id)).status).toBe("approved");
    const delivery = world.gateway.deliveries.find((d) => d.body.includes(paymentId) && d.status === 200);
    expect(delivery).toBeDefined();
    const before = await snapshot(id);
    const balance = await balanceUsdMinor(t.db);
    for (let i = 0; i < 3; i++) {
      const replay = await post(delivery!.url, delivery!.body, delivery!.headers);
      expect(replay).toEqual({ status: 200, body: { received: true, duplicate: true } });
    }
    expect(await snapshot(id)).toEqual(before);
    expect(await balanceUsdMinor(t.db)).toBe(balance);
  });

  it("an event for an unknown order is acknowledged with 200 (so the processor stops) and logged", async () => {
    const body = eventBody("pay_nobody_knows", "ord_AAAAAAAAAAAAAAAAAAAAAA");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const answer = await post(callbackUrl(), body, signedHeaders(ACCOUNTS.alpha.webhookSecret, body));
    expect(warn.mock.calls.some((c) => String(c[0]).includes("names no known order"))).toBe(true);
    warn.mockRestore();
    expect(answer).toEqual({ status: 200, body: { received: true, matched: false } });
    const eventId = (JSON.parse(body) as { id: string }).id;
    const [row] = await t.db.select().from(processorEvents).where(eq(processorEvents.eventId, eventId));
    expect(row).toMatchObject({ outcome: "unknown_order", orderId: null, processorId: world.alpha.id });
  });

  it("answers 404 for an unknown processor and 400 for a signed body that is not an event", async () => {
    const body = "{}";
    expect((await post(callbackUrl("nobody"), body, signedHeaders("x", body))).status).toBe(404);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const bad = await post(callbackUrl(), "not json", signedHeaders(ACCOUNTS.alpha.webhookSecret, "not json"));
    warn.mockRestore();
    expect(bad.status).toBe(400);
  });

  it("signs exactly HMAC-SHA256(secret, timestamp + '.' + raw body)", () => {
    const headers = signedHeaders("secret", "{}", new Date(1_700_000_000_000));
    expect(headers["x-t3-timestamp"]).toBe("1700000000");
    expect(headers["x-t3-signature"]).toBe(`v1=${signatureOf("secret", 1_700_000_000, "{}")}`);
  });
});

describe("refunds and chargebacks", () => {
  it("a refund goes through the processor, then the ledger; the call center may not refund", async () => {
    const id = await cardOrder();
    await runPaymentJobs(t.db);
    const { paymentId } = await orderRow(t.db, id);
    const operator = await makeUser(t.db, { role: "call_center" });
    expect((await trpcError(callerFor(t.db, await sessionFor(t.db, operator.id)).payments.refund({ orderId: id }))).code).toBe("FORBIDDEN");

    const caller = callerFor(t.db, await sessionFor(t.db, director.id));
    const result = await caller.payments.refund({ orderId: id, note: "Customer asked" });
    expect(result).toMatchObject({ from: "approved", to: "refunded" });
    expect(result.refundId).toMatch(/^re_/);
    expect(world.gateway.payments.get(paymentId ?? "")?.status).toBe("refunded");
    const [refund] = await t.db.select().from(ledgerEntries).where(sql`${ledgerEntries.orderId} = ${id} and ${ledgerEntries.kind} = 'refund'`);
    expect(refund?.amountMinor).toBe(-(await orderRow(t.db, id)).totalMinor);
    expect((await trpcError(caller.payments.refund({ orderId: id }))).code).toBe("PRECONDITION_FAILED");
  });

  it("a processor that refuses a refund leaves the order paid and the refusal on its log", async () => {
    const id = await cardOrder();
    await runPaymentJobs(t.db);
    const { paymentId } = await orderRow(t.db, id);
    world.gateway.payments.get(paymentId ?? "")!.status = "chargeback"; // the gateway will refuse: not refundable
    const error = await trpcError(callerFor(t.db, await sessionFor(t.db, director.id)).payments.refund({ orderId: id }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect((await orderRow(t.db, id)).status).toBe("approved");
    const errors = (await eventsOf(t.db, id)).filter((e) => e.type === "error");
    expect(errors.at(-1)?.message).toMatch(/refused the refund/);
    world.gateway.payments.get(paymentId ?? "")!.status = "approved";
  });

  it("a chargeback callback finds the exact payment and books the chargeback", async () => {
    const id = await cardOrder();
    await runPaymentJobs(t.db);
    const { paymentId } = await orderRow(t.db, id);
    const response = await fetch(`${world.gateway.url}/sandbox/payments/${paymentId}/chargeback`, { method: "POST", body: "{}" });
    expect(response.status).toBe(200);
    await world.gateway.settled();
    const order = await orderRow(t.db, id);
    expect(order.status).toBe("chargeback");
    const [entry] = await t.db.select().from(ledgerEntries).where(sql`${ledgerEntries.orderId} = ${id} and ${ledgerEntries.kind} = 'chargeback'`);
    expect(entry?.amountMinor).toBe(-order.totalMinor);
    const change = (await eventsOf(t.db, id)).find((e) => e.toStatus === "chargeback");
    expect(change).toMatchObject({ actorType: "processor", actorName: "Sandbox alpha" });
  });

  it("a chargeback naming only the ARN links to the payment with that reference", async () => {
    const id = await cardOrder(SANDBOX_CARDS.softDecline); // paid at beta
    await runPaymentJobs(t.db);
    const order = await orderRow(t.db, id);
    expect(order.processorId).toBe(world.beta.id);
    const body = eventBody("pay_unknown_to_us", "", "payment.chargeback", { status: "chargeback", arn: order.paymentReference });
    const answer = await post(callbackUrl("beta"), body, signedHeaders(ACCOUNTS.beta.webhookSecret, body));
    expect(answer.body).toMatchObject({ received: true, outcome: "applied: chargeback" });
    expect((await orderRow(t.db, id)).status).toBe("chargeback");
  });

  it("a chargeback for an unpaid order is acknowledged but shows as an error on the order", async () => {
    const id = await cardOrder(SANDBOX_CARDS.insufficientFunds);
    await runPaymentJobs(t.db);
    const [first] = world.gateway.charges.filter((c) => c.reference === id);
    expect(first?.status).toBe("declined");
    // The sandbox gives declines a payment id too, so the event finds the order through it.
    const declined = [...world.gateway.payments.values()].find((p) => p.reference === id);
    const body = eventBody(declined?.id ?? "", id, "payment.chargeback", { status: "chargeback" });
    const answer = await post(callbackUrl(), body, signedHeaders(ACCOUNTS.alpha.webhookSecret, body));
    expect(answer.status).toBe(200);
    expect(answer.body.outcome).toBe("error");
    const errors = (await eventsOf(t.db, id)).filter((e) => e.type === "error");
    expect(errors.at(-1)?.message).toMatch(/could not become chargeback/);
    expect((await orderRow(t.db, id)).status).toBe("declined");
  });

  it("a chargeback set by a manager books it too", async () => {
    const id = await cardOrder();
    await runPaymentJobs(t.db);
    await changeOrderStatus(t.db, userActor(director), id, "chargeback");
    expect(await t.db.select().from(ledgerEntries).where(sql`${ledgerEntries.orderId} = ${id} and ${ledgerEntries.kind} = 'chargeback'`)).toHaveLength(1);
  });
});

describe("the balance", () => {
  it("equals approved totals less fees less refunds and chargebacks, computed here from orders and processors", async () => {
    // A few more: approved at alpha, approved at beta (after a soft decline), declined, refunded.
    const approved = await cardOrder();
    await cardOrder(SANDBOX_CARDS.softDecline);
    await cardOrder(SANDBOX_CARDS.fraud);
    await runPaymentJobs(t.db);
    await callerFor(t.db, await sessionFor(t.db, director.id)).payments.refund({ orderId: approved });

    const fees: Record<string, { bp: number; fixed: number }> = { [world.alpha.id]: { bp: 290, fixed: 30 }, [world.beta.id]: { bp: 450, fixed: 0 } };
    const all = await t.db.select().from(orders);
    let expected = 0;
    let paidCount = 0;
    for (const order of all) {
      if (!order.paidAt) continue; // never approved
      paidCount += 1;
      const fee = fees[order.processorId ?? ""];
      if (!fee) throw new Error(`paid order ${order.id} without a known processor`);
      // All USD: the US-cent amount is the order's.
      expected += order.totalMinor - (Math.round((order.totalMinor * fee.bp) / 10_000) + fee.fixed);
      if (order.status === "refunded" || order.status === "chargeback") expected -= order.totalMinor;
    }
    expect(paidCount).toBeGreaterThanOrEqual(8);
    expect(all.some((o) => o.status === "refunded")).toBe(true);
    expect(all.some((o) => o.status === "chargeback")).toBe(true);
    expect(all.some((o) => o.status === "declined")).toBe(true);
    expect(await balanceUsdMinor(t.db)).toBe(expected);
    // Every approved order has exactly one sale, whoever approved it (cascade or callback).
    const sales = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.kind, "sale"));
    expect(sales).toHaveLength(paidCount);
    expect(await countRows(t.db, orderEvents)).toBeGreaterThan(0);
  });
});
