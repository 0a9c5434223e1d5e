import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mailMessages, orderEvents, orders, outbox, users } from "@/db/schema";
import { statusEmailHandler } from "@/server/domain/email/send-status-email";
import { saveTemplate } from "@/server/domain/email/templates";
import { changeOrderStatus } from "@/server/domain/orders/change-status";
import { createOrderFromShop } from "@/server/domain/orders/create-order";
import { orderRequestSchema } from "@/server/domain/orders/intake-schema";
import { createShop, type PublicShop } from "@/server/domain/shops/shops";
import { smtpTransport } from "@/server/integrations/mail/transport";
import { claimJobs, LEASE_MS } from "@/server/jobs/outbox";
import { runDueJobs, type JobHandlers } from "@/server/jobs/worker";
import { LocalSmtp } from "../helpers/local-smtp";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeUser, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";

let t: TestDatabase;
let shop: PublicShop;
let manager: { id: string; name: string };
const smtp = new LocalSmtp();
let handlers: JobHandlers;
let counter = 0;

function orderRequest(overrides: { email?: string; language?: string } = {}) {
  counter += 1;
  return orderRequestSchema.parse({
    customer: { first_name: "Ann", last_name: "Lee", email: overrides.email ?? `ann${counter}@example.com`, phone: "+1 555 000 1111", ip: "203.0.113.9" },
    billing: { country: "US", state: "NY", city: "New York", zip: "10001", address: "5 Fifth Ave" },
    shipping: { country: "US", state: "NY", city: "New York", zip: "10001", address: "5 Fifth Ave" },
    payment: { method: "paypal" },
    options: { delivery_id: 1, currency: "USD", shop_domain: "vitastore.example", shop_order_id: `MAIL-${counter}` },
    products: [{ sku: "VTB-20-30", name: "VITAMIN B", option: "20 mg", option_value: "30 pills", bonus: "4 pills", quantity: 1, price: 20 }],
    shipping_method: { id: 1, price: 14.95 },
    language: overrides.language ?? "ENG",
  });
}

async function newOrder(overrides: { email?: string; language?: string } = {}) {
  const { orderId } = await createOrderFromShop(t.db, shop, orderRequest(overrides), { encryptionKey: TEST_ENCRYPTION_KEY });
  return orderId;
}

const managerActor = () => ({ type: "user" as const, id: manager.id, role: "admin" as const, name: manager.name });

beforeAll(async () => {
  t = await createTestDatabase();
  await smtp.start();
  handlers = { "email.order_status": statusEmailHandler({ transport: smtpTransport(`smtp://127.0.0.1:${smtp.port}`), from: "Shop <no-reply@test.local>" }) };
  const admin = await makeUser(t.db, { role: "admin" });
  manager = { id: admin.id, name: admin.name };
  ({ shop } = await createShop(t.db, { id: admin.id, role: "admin" }, { name: "VitaStore", hostname: "vitastore.example" }));
});

afterAll(async () => {
  await smtp.stop();
  await t.destroy();
});

beforeEach(async () => {
  // Each test starts with nothing due, so only its own jobs run.
  await runDueJobs(t.db, handlers);
  smtp.received = [];
});

describe("status e-mails through the outbox and a real SMTP server", () => {
  it("sends exactly one e-mail per status change, to the customer, with the tracking number when shipped", async () => {
    const orderId = await newOrder({ email: "track.me@example.com" });
    await changeOrderStatus(t.db, managerActor(), orderId, "approved");
    await t.db.update(orders).set({ trackingNumber: "LX123456789US" }).where(eq(orders.id, orderId));
    await changeOrderStatus(t.db, managerActor(), orderId, "shipped");
    expect(await runDueJobs(t.db, handlers)).toBe(3);
    expect(await runDueJobs(t.db, handlers)).toBe(0);

    expect(smtp.received).toHaveLength(3);
    for (const mail of smtp.received) expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe("track.me@example.com");
    const shipped = smtp.received.find((m) => m.text?.includes("LX123456789US"));
    expect(shipped).toBeDefined();
    expect(shipped?.html || "").toContain("LX123456789US");
    const log = await t.db.select().from(mailMessages).where(eq(mailMessages.orderId, orderId));
    expect(log.map((m) => m.status)).toEqual(["sent", "sent", "sent"]);
    const events = await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
    expect(events.filter((e) => e.type === "email")).toHaveLength(3);
  });

  it("writes Russian e-mails for Russian orders", async () => {
    await newOrder({ language: "RUS" });
    await runDueJobs(t.db, handlers);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.text ?? "").toMatch(/[А-Яа-я]/);
  });

  it("retries after an SMTP outage and delivers once the server is back", async () => {
    const port = smtp.port;
    const orderId = await newOrder();
    await smtp.stop();
    expect(await runDueJobs(t.db, handlers)).toBe(1);
    const [job] = await t.db.select().from(outbox).where(eq(outbox.orderId, orderId));
    expect(job?.status).toBe("pending");
    expect(job?.attempts).toBe(1);
    expect(job?.lastError).toBeTruthy();
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now());
    const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.orderId, orderId));
    expect(mail?.status).toBe("retrying");
    const errors = await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
    expect(errors.some((e) => e.type === "error" && /attempt 1/.test(e.message ?? ""))).toBe(true);

    await smtp.start(port);
    expect(await runDueJobs(t.db, handlers)).toBe(0); // not due yet: backoff
    expect(await runDueJobs(t.db, handlers, { now: new Date(job!.runAt.getTime() + 1000) })).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [after] = await t.db.select().from(mailMessages).where(eq(mailMessages.orderId, orderId));
    expect(after?.status).toBe("sent");
    expect(after?.attempts).toBe(2);
  });

  it("a worker killed between claim and send loses nothing: the lease runs out and another worker sends it", async () => {
    const orderId = await newOrder();
    const claimed = await claimJobs(t.db, "worker-that-dies", 10);
    expect(claimed.map((j) => j.orderId)).toContain(orderId);
    expect(await runDueJobs(t.db, handlers)).toBe(0); // still leased to the dead worker
    expect(await runDueJobs(t.db, handlers, { now: new Date(Date.now() + LEASE_MS + 1000) })).toBe(1);
    expect(smtp.received).toHaveLength(1);
  });

  it("a worker killed after sending but before finishing the job does not send twice", async () => {
    const orderId = await newOrder();
    const [job] = await claimJobs(t.db, "worker-that-dies", 10);
    // It sent the mail, then died before marking the job done.
    await handlers["email.order_status"]!(t.db, job!, { workerId: "worker-that-dies", now: new Date(), nextRunIfFailed: null });
    expect(smtp.received).toHaveLength(1);
    expect(await runDueJobs(t.db, handlers, { now: new Date(Date.now() + LEASE_MS + 1000) })).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.orderId, orderId));
    expect(row?.status).toBe("done");
  });

  it("uses the admin's edited text, and sends nothing for a switched-off e-mail", async () => {
    const [admin] = await t.db.select().from(users).limit(1);
    await saveTemplate(t.db, { status: "pending", locale: "en", subject: "We got order {{shop_order_id}}, {{first_name}}!", body: "Custom words for {{first_name}}.", enabled: true }, admin!.id);
    await newOrder();
    await runDueJobs(t.db, handlers);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.subject).toBe(`We got order MAIL-${counter}, Ann!`);
    expect(smtp.received[0]?.text ?? "").toContain("Custom words for Ann.");

    await saveTemplate(t.db, { status: "pending", locale: "en", subject: "x", body: "y", enabled: false }, admin!.id);
    const orderId = await newOrder();
    await runDueJobs(t.db, handlers);
    expect(smtp.received).toHaveLength(1);
    const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.orderId, orderId));
    expect(mail?.status).toBe("skipped");
  });
});
