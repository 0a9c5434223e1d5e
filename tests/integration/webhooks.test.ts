import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderEvents, webhookDeliveries } from "@/db/schema";
import { changeOrderStatus } from "@/server/domain/orders/change-status";
import { webhookSignature, webhookDeliveryHandler } from "@/server/domain/webhooks/deliver";
import { eventsForStatus, fanOutWebhooks, WEBHOOK_DELIVER_TOPIC, WEBHOOK_FANOUT_TOPIC } from "@/server/domain/webhooks/fanout";
import { runDueJobs, type JobHandlers } from "@/server/jobs/worker";
import { trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { createTestShop, insertFxRate, orderBody, orderDeps, placeOrder, systemActor, uniqueShopOrderId, type TestShop } from "../helpers/order-fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let t: TestDatabase;
let server: Server;
let base = "";
let answer = 200;
const received: Received[] = [];
let shop: TestShop;
let secret = "";
let admin: ReturnType<typeof callerFor>;
const handlers: JobHandlers = {
  [WEBHOOK_FANOUT_TOPIC]: (db, job, context) => fanOutWebhooks(db, job, context.now),
  [WEBHOOK_DELIVER_TOPIC]: webhookDeliveryHandler({ encryptionKeys: [TEST_ENCRYPTION_KEY] }),
};

beforeAll(async () => {
  t = await createTestDatabase();
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(answer, { "content-type": "text/plain" }).end(answer < 300 ? "ok" : "boom");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  shop = await createTestShop(t.db);
  await insertFxRate(t.db, "EUR", "1.1");
  admin = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role: "admin" })).id));
  ({ secret } = await admin.webhooks.createEndpoint({ url: `${base}/hooks`, shopId: shop.shop.id, events: ["order.created", "order.status_changed", "order.shipped"] }));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.destroy();
});

const runJobs = async (now = new Date()) => {
  let total = 0;
  for (let i = 0; i < 5; i += 1) total += await runDueJobs(t.db, handlers, { now });
  return total;
};

describe("outbound webhooks", () => {
  it("delivers order.created signed with the endpoint's secret, and logs it on the order", async () => {
    const orderId = await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, shopOrderId: uniqueShopOrderId("WH") }));
    await runJobs();
    const hit = received.at(-1)!;
    expect(hit.headers["x-t3-event"]).toBe("order.created");
    const signature = String(hit.headers["x-t3-signature"]);
    const timestamp = Number(/t=(\d+)/.exec(signature)![1]);
    expect(signature).toBe(webhookSignature(secret, hit.body, timestamp));
    const body = JSON.parse(hit.body) as { id: string; event: string; order: { id: string; status: string } };
    expect(body).toMatchObject({ event: "order.created", order: { id: orderId, status: "pending" } });
    const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, body.id));
    expect(delivery).toMatchObject({ status: "delivered", responseCode: 200, attempts: 1 });
    const log = await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
    expect(log.some((e) => e.message?.startsWith("Webhook order.created delivered"))).toBe(true);
  });

  it("a status change raises status_changed (shipped, refunded, chargeback add their own); a failing endpoint is retried, logged as an error, and resent by hand", async () => {
    expect(eventsForStatus("shipped")).toEqual(["order.status_changed", "order.shipped"]);
    expect(eventsForStatus("chargeback")).toEqual(["order.status_changed", "order.chargeback"]);
    const orderId = await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, shopOrderId: uniqueShopOrderId("WH") }));
    await runJobs();
    const before = received.length;
    answer = 500;
    await changeOrderStatus(t.db, systemActor(), orderId, "approved");
    await runJobs();
    expect(received.length).toBe(before + 1);
    const failed = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.orderId, orderId));
    const statusChanged = failed.find((d) => d.event === "order.status_changed")!;
    expect(statusChanged).toMatchObject({ status: "pending", responseCode: 500, error: "HTTP 500" });
    const log = await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
    expect(log.some((e) => e.type === "error" && e.message?.includes("failed (attempt 1): HTTP 500"))).toBe(true);
    // The outbox retries after its backoff.
    answer = 200;
    await runJobs(new Date(Date.now() + 60_000));
    expect((await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, statusChanged.id)))[0]).toMatchObject({ status: "delivered", attempts: 2 });
    // Resend: the same delivery id and body again.
    await admin.webhooks.resend({ id: statusChanged.id });
    await runJobs(new Date(Date.now() + 120_000));
    const again = received.at(-1)!;
    expect((JSON.parse(again.body) as { id: string }).id).toBe(statusChanged.id);
    const log2 = await admin.webhooks.deliveries({ limit: 50 });
    expect(log2.find((d) => d.id === statusChanged.id)).toMatchObject({ status: "delivered", responseCode: 200, url: `${base}/hooks` });
  });

  it("only endpoints subscribed to the event and the order's shop get it; a paused endpoint gets nothing", async () => {
    const other = await createTestShop(t.db, { name: "Other", hostname: "other.example" });
    const orderId = await placeOrder(orderDeps(t.db), orderBody({ auth: other.auth, shopOrderId: uniqueShopOrderId("WH") }));
    await runJobs();
    expect(await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.orderId, orderId))).toEqual([]);
    const [endpoint] = await admin.webhooks.endpoints();
    await admin.webhooks.updateEndpoint({ id: endpoint!.id, endpoint: { url: endpoint!.url, shopId: endpoint!.shopId, events: endpoint!.events, isActive: false } });
    const paused = await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, shopOrderId: uniqueShopOrderId("WH") }));
    await runJobs();
    expect(await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.orderId, paused))).toEqual([]);
  });

  it("names the field at fault and is for admins only", async () => {
    expect((await trpcError(admin.webhooks.createEndpoint({ url: "ftp://x", events: ["order.created"] }))).message).toMatch(/url/);
    expect((await trpcError(admin.webhooks.createEndpoint({ url: `${base}/x`, events: [] }))).message).toMatch(/events/);
    for (const role of ["director", "manager", "call_center", "buyer"] as const) {
      const api = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role })).id));
      expect((await trpcError(api.webhooks.endpoints())).code, role).toBe("FORBIDDEN");
    }
  });
});
