import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mailMessages, outbox } from "@/db/schema";
import { paymentLinkEmailHandler, PAYMENT_LINK_EMAIL_TOPIC } from "@/server/domain/email/send-payment-link-email";
import { changeOrderStatus } from "@/server/domain/orders/change-status";
import { paymentChargeHandler, PAYMENT_CHARGE_TOPIC } from "@/server/domain/payments/charge-job";
import { smtpTransport } from "@/server/integrations/mail/transport";
import { runDueJobs, type JobHandlers } from "@/server/jobs/worker";
import { callerFor, makeUser, sessionFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { LocalSmtp } from "../helpers/local-smtp";
import { createTestShop, orderBody, orderDeps, placeOrder, systemActor, withField, type TestShop } from "../helpers/order-fixtures";
import { eventsOf, orderRow, startPaymentsWorld, type PaymentsWorld } from "../helpers/payments-fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let shop: TestShop;
let world: PaymentsWorld;
const smtp = new LocalSmtp();
let handlers: JobHandlers;

beforeAll(async () => {
  t = await createTestDatabase();
  shop = await createTestShop(t.db);
  world = await startPaymentsWorld(t.db);
  await smtp.start();
  const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`);
  handlers = {
    [PAYMENT_CHARGE_TOPIC]: paymentChargeHandler({ encryptionKey: TEST_ENCRYPTION_KEY }),
    [PAYMENT_LINK_EMAIL_TOPIC]: paymentLinkEmailHandler({ transport, from: "Shop <no-reply@test.local>" }),
    "email.order_status": async () => {},
  };
});
afterAll(async () => {
  await world?.close();
  await smtp.stop();
  await t?.destroy();
});
beforeEach(() => {
  smtp.received = [];
});

/** Runs the outbox until it is empty: the charge makes the link, then the link's e-mail goes out. */
async function drain() {
  while ((await runDueJobs(t.db, handlers)) > 0) {
    /* next pass */
  }
}

async function linkOrder(method: "paypal" | "crypto" | "echeck", language?: string) {
  const body = orderBody({ auth: shop.auth, currency: "USD", paymentMethod: method });
  return placeOrder(orderDeps(t.db), language ? withField(body, "language", language) : body);
}

const linkOf = (text: string | undefined) => /https?:\/\/\S+\/pay\/pay_[A-Za-z0-9_-]+/.exec(text ?? "")?.[0];

describe("payment links e-mailed through the outbox and a real SMTP server", () => {
  it.each(["paypal", "crypto", "echeck"] as const)("a %s order gets its link by e-mail, with an order event, and paying it approves the order", async (method) => {
    const id = await linkOrder(method);
    await drain();
    const order = await orderRow(t.db, id);
    expect(order.status).toBe("pending");
    const url = `${world.gateway.url}/pay/${order.paymentId}`;

    const [job] = await t.db.select().from(outbox).where(and(eq(outbox.orderId, id), eq(outbox.topic, PAYMENT_LINK_EMAIL_TOPIC)));
    expect(job).toMatchObject({ status: "done", payload: { orderId: id, paymentUrl: url, paymentId: order.paymentId, processor: "Sandbox alpha" } });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe(order.customerEmail);
    expect(mail.subject).toBe(`Complete the payment for order ${order.shopOrderId}`);
    expect(linkOf(mail.text)).toBe(url);
    expect(mail.html || "").toContain(`href="${url}"`);

    const [row] = await t.db.select().from(mailMessages).where(eq(mailMessages.orderId, id));
    expect(row).toMatchObject({ kind: "payment_link", status: "sent", toAddress: order.customerEmail });
    const events = await eventsOf(t.db, id);
    expect(events.some((e) => e.type === "payment" && (e.message ?? "").includes("payment link created"))).toBe(true);
    expect(events.some((e) => e.type === "email" && (e.message ?? "").startsWith("Payment link of Sandbox alpha e-mailed to"))).toBe(true);

    expect((await fetch(url, { method: "POST" })).status).toBe(200);
    await world.gateway.settled();
    expect((await orderRow(t.db, id)).status).toBe("approved");
  });

  it("speaks Russian to a Russian order", async () => {
    const id = await linkOrder("paypal", "RUS");
    await drain();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.subject).toBe(`Оплатите заказ ${(await orderRow(t.db, id)).shopOrderId}`);
    expect(smtp.received[0]?.text ?? "").toMatch(/Оплатить/);
  });

  it("Manual payment of a link order e-mails a fresh link", async () => {
    const id = await linkOrder("crypto");
    await drain();
    const firstUrl = linkOf(smtp.received[0]?.text);
    const director = await makeUser(t.db, { role: "director" });
    const result = await callerFor(t.db, await sessionFor(t.db, director.id)).payments.manualPayment({ orderId: id });
    expect(result.result).toBe("pending");
    await drain();
    expect(smtp.received).toHaveLength(2);
    const secondUrl = linkOf(smtp.received[1]?.text);
    expect(secondUrl).toBe(result.paymentUrl);
    expect(secondUrl).not.toBe(firstUrl);
    expect(await t.db.select().from(mailMessages).where(eq(mailMessages.orderId, id))).toHaveLength(2);
  });

  it("does not e-mail the link of an order paid meanwhile, and says so on its log", async () => {
    const id = await linkOrder("echeck");
    await runDueJobs(t.db, { [PAYMENT_CHARGE_TOPIC]: handlers[PAYMENT_CHARGE_TOPIC]! }); // the link is made; its e-mail waits
    await changeOrderStatus(t.db, systemActor(), id, "approved", { note: "Paid by phone" });
    await drain();
    expect(smtp.received).toHaveLength(0);
    const events = await eventsOf(t.db, id);
    expect(events.some((e) => e.type === "email" && (e.message ?? "").includes("was not e-mailed: the order is paid already"))).toBe(true);
  });

  it("a card order makes no link e-mail", async () => {
    const id = await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, currency: "USD" }));
    await drain();
    expect((await orderRow(t.db, id)).status).toBe("approved");
    expect(await t.db.select().from(outbox).where(and(eq(outbox.orderId, id), eq(outbox.topic, PAYMENT_LINK_EMAIL_TOPIC)))).toHaveLength(0);
    expect(smtp.received).toHaveLength(0);
  });
});
