import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  auditLog, customers, idempotencyKeys, ledgerEntries, orderEvents, orderItems, orders, outbox, payments, processorEvents, processors,
} from "@/db/schema";
import { forgetCvv, peekCvv } from "@/server/domain/payments/cvv-vault";
import { updateProcessor } from "@/server/domain/payments/processors";
import { processorVolume } from "@/server/domain/payments/routing";
import { SANDBOX_CARDS } from "@/server/integrations/payments/sandbox/test-cards";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { callerFor, makeUser, sessionFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { trpcError } from "../helpers/errors";
import { createTestShop, orderBody, orderDeps, placeOrder, tableAsJson, TEST_CARD, withField, type TestShop } from "../helpers/order-fixtures";
import { ACCOUNTS, eventsOf, orderRow, runPaymentJobs, startPaymentsWorld, type PaymentsWorld } from "../helpers/payments-fixtures";

let t: TestDatabase;
let shop: TestShop;
let world: PaymentsWorld;

beforeAll(async () => {
  t = await createTestDatabase();
  shop = await createTestShop(t.db);
  world = await startPaymentsWorld(t.db);
});
afterAll(async () => {
  await world?.close();
  await t?.destroy();
});

/** A USD card order through the shop API with the given test card; returns its id. */
async function cardOrder(pan: string = SANDBOX_CARDS.approve): Promise<string> {
  return placeOrder(orderDeps(t.db), withField(orderBody({ auth: shop.auth, currency: "USD" }), "payment.card_number", pan));
}

async function paymentEvents(orderId: string) {
  return (await eventsOf(t.db, orderId)).filter((e) => e.data && typeof e.data === "object" && "processorId" in e.data && "result" in e.data);
}

describe("charging at intake through the cascade (real HTTP to the sandbox gateway)", () => {
  it("enqueues payment.charge with the order, holding no card data, and the worker's charge approves at the first processor with the CVV", async () => {
    const id = await cardOrder();
    const jobs = await t.db.select().from(outbox).where(and(eq(outbox.orderId, id), eq(outbox.topic, "payment.charge")));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload).toEqual({ orderId: id });
    expect((await orderRow(t.db, id)).status).toBe("pending");
    expect(peekCvv(id)).toBe(TEST_CARD.cvv);

    await runPaymentJobs(t.db);
    const order = await orderRow(t.db, id);
    expect(order.status).toBe("approved");
    expect(order.processorId).toBe(world.alpha.id);
    const gatewayPayment = world.gateway.payments.get(order.paymentId ?? "");
    expect(gatewayPayment).toMatchObject({ reference: id, status: "approved", amount: order.totalMinor, currency: "USD", cvvPresent: true, initiator: "customer" });
    expect(order.paymentReference).toBe(gatewayPayment?.arn);
    expect(peekCvv(id)).toBeUndefined();

    const attempts = await paymentEvents(id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.data).toMatchObject({ processor: "Sandbox alpha", amountMinor: order.totalMinor, currency: "USD", result: "approved", code: null, initiator: "customer" });
    expect(typeof attempts[0]?.data?.durationMs).toBe("number");
    const ledger = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, id));
    expect(ledger.map((l) => [l.kind, l.amountMinor]).sort()).toEqual([["processor_fee", -(Math.round((order.totalMinor * 290) / 10000) + 30)], ["sale", order.totalMinor]]);
    const [job] = await t.db.select().from(outbox).where(and(eq(outbox.orderId, id), eq(outbox.topic, "payment.charge")));
    expect(job?.status).toBe("done");
  });

  it("a soft decline goes on to the next processor, which approves", async () => {
    const id = await cardOrder(SANDBOX_CARDS.softDecline);
    await runPaymentJobs(t.db);
    const order = await orderRow(t.db, id);
    expect(order.status).toBe("approved");
    expect(order.processorId).toBe(world.beta.id);
    const attempts = await paymentEvents(id);
    expect(attempts.map((a) => [a.data?.processor, a.data?.result, a.data?.code, a.data?.category])).toEqual([
      ["Sandbox alpha", "declined", "do_not_honor", "soft"],
      ["Sandbox beta", "approved", null, null],
    ]);
    // The fee is the approving processor's.
    const [fee] = await t.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.orderId, id), eq(ledgerEntries.kind, "processor_fee")));
    expect(fee?.amountMinor).toBe(-Math.round((order.totalMinor * 450) / 10000));
    expect(fee?.processorId).toBe(world.beta.id);
  });

  it.each([
    ["insufficient funds", SANDBOX_CARDS.insufficientFunds, "insufficient_funds", "hard"],
    ["an expired card", SANDBOX_CARDS.expired, "expired_card", "hard"],
    ["suspected fraud", SANDBOX_CARDS.fraud, "suspected_fraud", "fraud"],
  ])("%s stops the cascade: one attempt, the order declined", async (_name, pan, code, category) => {
    const id = await cardOrder(pan);
    await runPaymentJobs(t.db);
    const order = await orderRow(t.db, id);
    expect(order.status).toBe("declined");
    const attempts = await paymentEvents(id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.data).toMatchObject({ processor: "Sandbox alpha", result: "declined", code, category });
    expect(world.gateway.charges.filter((c) => c.reference === id)).toHaveLength(1);
    const statusEvents = (await eventsOf(t.db, id)).filter((e) => e.type === "status_changed");
    expect(statusEvents.at(-1)).toMatchObject({ fromStatus: "pending", toStatus: "declined" });
    expect(await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, id))).toEqual([]);
  });

  it("a pending payment waits; the gateway's signed callback approves it", async () => {
    const id = await cardOrder(SANDBOX_CARDS.pending);
    await runPaymentJobs(t.db);
    const pending = await orderRow(t.db, id);
    expect(pending.status).toBe("pending");
    expect(pending.processorId).toBe(world.alpha.id);
    expect(pending.paymentId).toMatch(/^pay_/);

    const response = await fetch(`${world.gateway.url}/sandbox/payments/${pending.paymentId}/complete`, { method: "POST", body: JSON.stringify({ result: "approved" }) });
    expect(response.status).toBe(200);
    await world.gateway.settled();
    const order = await orderRow(t.db, id);
    expect(order.status).toBe("approved");
    expect(order.paymentReference).toBe(world.gateway.payments.get(pending.paymentId ?? "")?.arn);
    const delivery = world.gateway.deliveries.find((d) => d.body.includes(pending.paymentId ?? "-"));
    expect(delivery?.status).toBe(200);
    const callback = (await eventsOf(t.db, id)).find((e) => e.type === "callback");
    expect(callback).toMatchObject({ actorType: "processor", actorId: world.alpha.id });
    expect(callback?.data?.payload).toEqual(JSON.parse(delivery?.body ?? "{}"));
    const approval = (await eventsOf(t.db, id)).find((e) => e.type === "status_changed" && e.toStatus === "approved");
    expect(approval).toMatchObject({ actorType: "processor", actorName: "Sandbox alpha" });
    expect(await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, id))).toHaveLength(2);
  });

  it("a pending payment declined later by callback declines the order", async () => {
    const id = await cardOrder(SANDBOX_CARDS.pendingDecline);
    await runPaymentJobs(t.db);
    const { paymentId } = await orderRow(t.db, id);
    await fetch(`${world.gateway.url}/sandbox/payments/${paymentId}/complete`, { method: "POST", body: JSON.stringify({ result: "declined" }) });
    await world.gateway.settled();
    expect((await orderRow(t.db, id)).status).toBe("declined");
  });

  it.each(["paypal", "crypto", "echeck"] as const)("%s creates a payment link; the sandbox pays it when asked and the callback approves", async (method) => {
    const id = await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, currency: "USD", paymentMethod: method }));
    await runPaymentJobs(t.db);
    const pending = await orderRow(t.db, id);
    expect(pending.status).toBe("pending");
    const [link] = await t.db.select().from(payments).where(eq(payments.orderId, id));
    expect(link).toMatchObject({ status: "pending", kind: "charge", externalId: pending.paymentId });
    expect(link?.paymentUrl).toBe(`${world.gateway.url}/pay/${pending.paymentId}`);
    const page = await fetch(link?.paymentUrl ?? "");
    expect(await page.text()).toContain(`Pay ${(pending.totalMinor / 100).toFixed(2)} USD (${method})`);
    expect((await fetch(link?.paymentUrl ?? "", { method: "POST" })).status).toBe(200);
    await world.gateway.settled();
    expect((await orderRow(t.db, id)).status).toBe("approved");
  });

  it("without the CVV in memory (a restart) the job charges the stored card as merchant-initiated", async () => {
    const id = await cardOrder();
    forgetCvv(id);
    await runPaymentJobs(t.db);
    const order = await orderRow(t.db, id);
    expect(order.status).toBe("approved");
    expect(world.gateway.payments.get(order.paymentId ?? "")).toMatchObject({ cvvPresent: false, initiator: "merchant" });
  });
});

describe("manual payment", () => {
  it("re-submits the stored card through the same cascade, without CVV; managers only, never the call center", async () => {
    // Only alpha on: the soft decline has nowhere to go, so the order is declined.
    await updateProcessor(t.db, { id: world.beta.id, isEnabled: false }, TEST_ENCRYPTION_KEY);
    const id = await cardOrder(SANDBOX_CARDS.softDecline);
    await runPaymentJobs(t.db);
    expect((await orderRow(t.db, id)).status).toBe("declined");
    await updateProcessor(t.db, { id: world.beta.id, isEnabled: true }, TEST_ENCRYPTION_KEY);

    const operator = await makeUser(t.db, { role: "call_center" });
    const refused = await trpcError(callerFor(t.db, await sessionFor(t.db, operator.id)).payments.manualPayment({ orderId: id }));
    expect(refused.code).toBe("FORBIDDEN");

    const director = await makeUser(t.db, { role: "director" });
    const result = await callerFor(t.db, await sessionFor(t.db, director.id)).payments.manualPayment({ orderId: id });
    expect(result.result).toBe("approved");
    expect(result.attempts.map((a) => [a.processor, a.result])).toEqual([
      ["Sandbox alpha", "declined"],
      ["Sandbox beta", "approved"],
    ]);
    const order = await orderRow(t.db, id);
    expect(order.status).toBe("approved");
    expect(order.processorId).toBe(world.beta.id);
    const charges = world.gateway.charges.filter((c) => c.reference === id);
    expect(charges.slice(1).every((c) => c.initiator === "merchant" && !c.cvvPresent)).toBe(true);
    const manual = (await paymentEvents(id)).filter((e) => e.data?.reason === "manual");
    expect(manual.map((e) => e.actorId)).toEqual([director.id, director.id]);

    const again = await trpcError(callerFor(t.db, await sessionFor(t.db, director.id)).payments.manualPayment({ orderId: id }));
    expect(again.code).toBe("PRECONDITION_FAILED");
  });
});

describe("manual payment of a link method", () => {
  it("creates a new payment link through the cascade", async () => {
    const id = await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, currency: "USD", paymentMethod: "paypal" }));
    await runPaymentJobs(t.db);
    const first = await orderRow(t.db, id);
    const director = await makeUser(t.db, { role: "director" });
    const result = await callerFor(t.db, await sessionFor(t.db, director.id)).payments.manualPayment({ orderId: id });
    expect(result.result).toBe("pending");
    const second = await orderRow(t.db, id);
    expect(second.paymentId).not.toBe(first.paymentId);
    expect(result.paymentUrl).toBe(`${world.gateway.url}/pay/${second.paymentId}`);
    const links = await t.db.select().from(payments).where(eq(payments.orderId, id));
    expect(links.map((l) => l.status)).toEqual(["pending", "pending"]);
    // Paying the new link approves the order.
    await fetch(result.paymentUrl ?? "", { method: "POST" });
    await world.gateway.settled();
    expect((await orderRow(t.db, id)).status).toBe("approved");
  });
});

describe("volume caps", () => {
  it("a processor whose daily cap this payment would pass is skipped, and its volume comes from the ledger", async () => {
    const today = await processorVolume(t.db, world.alpha.id, new Date());
    expect(today.dayUsdMinor).toBeGreaterThan(0);
    expect(today.monthUsdMinor).toBeGreaterThanOrEqual(today.dayUsdMinor);
    await updateProcessor(t.db, { id: world.alpha.id, dailyCapUsdMinor: today.dayUsdMinor + 100 }, TEST_ENCRYPTION_KEY);
    const id = await cardOrder();
    await runPaymentJobs(t.db);
    expect((await orderRow(t.db, id)).processorId).toBe(world.beta.id);
    await updateProcessor(t.db, { id: world.alpha.id, dailyCapUsdMinor: null }, TEST_ENCRYPTION_KEY);
  });
});

describe("technical failures", () => {
  it("try the next processor, make the job retry later, and switch a processor off after N in a row", async () => {
    await updateProcessor(t.db, { id: world.alpha.id, failureThreshold: 2 }, TEST_ENCRYPTION_KEY);
    const first = await cardOrder(SANDBOX_CARDS.technical);
    await runPaymentJobs(t.db);
    expect((await orderRow(t.db, first)).status).toBe("pending");
    const [job] = await t.db.select().from(outbox).where(and(eq(outbox.orderId, first), eq(outbox.topic, "payment.charge")));
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job?.lastError).toMatch(/failed technically/);
    const errors = (await eventsOf(t.db, first)).filter((e) => e.type === "error");
    expect(errors.map((e) => e.data?.code ?? null)).toEqual(["processor_error", "processor_error", null]);
    expect(errors.at(-1)?.message).toMatch(/failed technically.*attempt 1.*next try at/);

    await cardOrder(SANDBOX_CARDS.technical);
    await runPaymentJobs(t.db);
    const [alpha] = await t.db.select().from(processors).where(eq(processors.id, world.alpha.id));
    expect(alpha?.autoDisabledAt).not.toBeNull();
    expect(alpha?.consecutiveFailures).toBe(2);

    // Switched off: the next order goes straight to beta.
    const next = await cardOrder();
    await runPaymentJobs(t.db);
    expect((await orderRow(t.db, next)).processorId).toBe(world.beta.id);

    const enabled = await updateProcessor(t.db, { id: world.alpha.id, isEnabled: true, failureThreshold: 5 }, TEST_ENCRYPTION_KEY);
    expect(enabled).toMatchObject({ autoDisabledAt: null, consecutiveFailures: 0, hasCredentials: true });
    expect(enabled).not.toHaveProperty("credentialsSealed");
  });
});

describe("card data and secrets", () => {
  it("writes no CVV or card number to the console while taking orders and charging them", async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    const spies = (["log", "warn", "info", "debug", "error"] as const).map((m) => vi.spyOn(console, m).mockImplementation(capture));
    try {
      await cardOrder(SANDBOX_CARDS.technical);
      await cardOrder();
      await runPaymentJobs(t.db);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const output = lines.join("\n");
    for (const secret of [TEST_CARD.cvv, SANDBOX_CARDS.technical, SANDBOX_CARDS.approve]) expect(output.includes(secret)).toBe(false);
  });

  it("the CVV is in no table (it reached the gateway only), and processor credentials are stored sealed", async () => {
    expect(world.gateway.charges.some((c) => c.cvvPresent)).toBe(true);
    const tables = { orders, orderItems, orderEvents, outbox, customers, idempotencyKeys, ledgerEntries, auditLog, payments, processorEvents, processors };
    for (const [name, table] of Object.entries(tables)) {
      const json = await tableAsJson(t.db, table);
      // Booleans keep a failure's message short (the dumps are large).
      expect(json.includes(`"${TEST_CARD.cvv}"`), `${name}: quoted CVV`).toBe(false);
      expect(json.includes(SANDBOX_CARDS.approve), `${name}: PAN`).toBe(false);
      expect(json.includes(ACCOUNTS.alpha.apiKey), `${name}: API key`).toBe(false);
      expect(json.includes(ACCOUNTS.alpha.webhookSecret), `${name}: webhook secret`).toBe(false);
    }
    const everything = (await Promise.all(Object.values(tables).map((table) => tableAsJson(t.db, table)))).join("");
    // Without random tokens (ids, ciphertext, times) no trace of the CVV's digits anywhere.
    const scrubbed = everything
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "")
      .replace(/(ord|pay|evt|re)_[A-Za-z0-9_-]{10,}/g, "")
      .replace(/v1\.[0-9a-f]{8}\.[A-Za-z0-9_.-]+/g, "")
      .replace(/\b[0-9a-f]{20,}\b/gi, "")
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:\d{2})?|Z)?/g, "");
    // As a token of its own: random ids and tokens may hold the same three digits inside them.
    expect(new RegExp(`(?<![0-9A-Za-z])${TEST_CARD.cvv}(?![0-9A-Za-z])`).test(scrubbed), "CVV digits").toBe(false);
    expect(/cvv|cvc/i.test(scrubbed), "a CVV field").toBe(false);
    expect(scrubbed.includes("Sandbox alpha"), "the dump holds the payments").toBe(true);
  });
});
