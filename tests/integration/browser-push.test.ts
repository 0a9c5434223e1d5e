import { eq, inArray } from "drizzle-orm";
import webpush from "web-push";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outbox, pushSubscriptions } from "@/db/schema";
import type { VapidKeys } from "@/server/env";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { notify } from "@/server/domain/notifications/notify";
import { notificationPushHandler, type PushMessage } from "@/server/domain/notifications/push-delivery";
import { MAX_PUSH_SUBSCRIPTIONS_PER_USER, pushEndpointProblem } from "@/server/domain/notifications/push-subscriptions";
import { runDueJobs } from "@/server/jobs/worker";
import { outcomeOf, trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { decryptPush, makeBrowser, startPushService, verifyVapid, type LocalPushService, type TestBrowser } from "../helpers/push-service";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let service: LocalPushService;
let buyer: ActiveSession;
let buyerEn: ActiveSession;
let manager: ActiveSession;
const vapid: VapidKeys = { ...webpush.generateVAPIDKeys(), subject: "mailto:push@t3crm.test" };
const handlers = () => ({ "notification.push": notificationPushHandler(vapid, { agent: service.agent }) });
let seq = 0;

/** A browser of `session` subscribed through the tRPC procedure, as the profile card does. */
async function subscribe(session: ActiveSession, path = `/sub/${++seq}`): Promise<{ browser: TestBrowser; endpoint: string; path: string }> {
  const browser = makeBrowser();
  const endpoint = `${service.origin}${path}`;
  await callerFor(t.db, session).notifications.subscribePush({ endpoint, keys: browser.keys });
  return { browser, endpoint, path };
}

const statusChanged = (userIds: string[]) =>
  t.db.transaction((tx) => notify(tx, { event: "order.status_changed", userIds, title: { en: "Order shipped", ru: "Заказ отгружен" }, body: { en: "Order B-1 is on its way", ru: "Заказ B-1 в пути" }, link: "/b2b/orders" }));

beforeAll(async () => {
  t = await createTestDatabase();
  service = await startPushService();
  buyer = await sessionFor(t.db, (await makeUser(t.db, { role: "buyer", locale: "ru" })).id);
  buyerEn = await sessionFor(t.db, (await makeUser(t.db, { role: "buyer", locale: "en" })).id);
  manager = await sessionFor(t.db, (await makeUser(t.db, { role: "manager" })).id);
});
afterAll(async () => {
  await service.close();
  await t.destroy();
});
beforeEach(async () => {
  service.received.length = 0;
  service.answer.clear();
  await t.db.delete(pushSubscriptions);
  await t.db.delete(outbox).where(eq(outbox.topic, "notification.push"));
});

describe("subscribing a browser", () => {
  it("refuses bad keys and endpoints that are not a push service, naming the field", async () => {
    const keys = makeBrowser().keys;
    const badKey = await trpcError(callerFor(t.db, buyer).notifications.subscribePush({ endpoint: `${service.origin}/x1`, keys: { ...keys, p256dh: "AAAA" } }));
    expect(badKey.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(badKey)).toContain("p256dh");
    for (const endpoint of ["https://10.0.0.7/push/1", "http://push.example.com/1", "http://127.0.0.1.nip.io/1", "https://localhost-ish/1", "not a url at all"]) {
      const error = await trpcError(callerFor(t.db, buyer).notifications.subscribePush({ endpoint, keys }));
      expect(error.code, endpoint).toBe("BAD_REQUEST");
      expect(error.message, endpoint).toMatch(/endpoint/);
    }
    expect(await t.db.select().from(pushSubscriptions)).toHaveLength(0);
  });

  it("admits only https push-service hosts in production, loopback only outside it", () => {
    expect(pushEndpointProblem("https://fcm.googleapis.com/fcm/send/abc", false)).toBeNull();
    expect(pushEndpointProblem("https://updates.push.services.mozilla.com/wpush/v2/x", false)).toBeNull();
    expect(pushEndpointProblem("http://127.0.0.1:9/x", false)).not.toBeNull();
    expect(pushEndpointProblem("http://127.0.0.1:9/x", true)).toBeNull();
    expect(pushEndpointProblem("https://[::1]/x", false)).not.toBeNull();
  });

  it("shows the state per browser; a second account on the same browser takes the subscription over; unsubscribing touches only one's own", async () => {
    const { endpoint } = await subscribe(buyer);
    await subscribe(buyer);
    const state = await callerFor(t.db, buyer).notifications.pushState({ endpoint });
    expect(state).toMatchObject({ enabled: true, devices: 2, thisBrowser: true });
    expect(state.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect((await callerFor(t.db, buyerEn).notifications.pushState({ endpoint })).thisBrowser).toBe(false);

    // Someone else's unsubscribe of this endpoint removes nothing.
    expect(await callerFor(t.db, manager).notifications.unsubscribePush({ endpoint })).toEqual({ removed: 0 });
    // The manager logs in on the buyer's browser and switches push on: the browser is now the manager's.
    const browser = makeBrowser();
    await callerFor(t.db, manager).notifications.subscribePush({ endpoint, keys: browser.keys });
    expect((await callerFor(t.db, buyer).notifications.pushState({ endpoint })).devices).toBe(1);
    expect(await callerFor(t.db, manager).notifications.unsubscribePush({ endpoint })).toEqual({ removed: 1 });
    expect(await outcomeOf(callerFor(t.db, null).notifications.pushState({}))).toBe("UNAUTHORIZED");
  });

  it("keeps at most the newest browsers per user", async () => {
    const endpoints: string[] = [];
    for (let i = 0; i < MAX_PUSH_SUBSCRIPTIONS_PER_USER + 2; i++) endpoints.push((await subscribe(buyer)).endpoint);
    const rows = await t.db.select({ endpoint: pushSubscriptions.endpoint }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, buyer.user.id));
    expect(rows).toHaveLength(MAX_PUSH_SUBSCRIPTIONS_PER_USER);
    expect(rows.map((r) => r.endpoint)).not.toContain(endpoints[0]);
    expect(rows.map((r) => r.endpoint)).toContain(endpoints.at(-1));
  });

  it("a staff member logged in as the client cannot subscribe their browser to the client's notifications", async () => {
    const impersonated: ActiveSession = { ...buyer, impersonator: { id: manager.user.id, name: manager.user.name, companyId: "00000000-0000-4000-8000-000000000000", companyName: "ООО Тест" } };
    expect(await outcomeOf(callerFor(t.db, impersonated).notifications.subscribePush({ endpoint: `${service.origin}/imp`, keys: makeBrowser().keys }))).toBe("FORBIDDEN");
  });
});

describe("delivering a notification", () => {
  it("sends one encrypted, VAPID-signed message per subscribed browser, in the user's language", async () => {
    const ru1 = await subscribe(buyer);
    const ru2 = await subscribe(buyer);
    const en = await subscribe(buyerEn);
    await statusChanged([buyer.user.id, buyerEn.user.id, manager.user.id]);
    const jobs = await t.db.select().from(outbox).where(eq(outbox.topic, "notification.push"));
    // Staff get order.status_changed in-app only; the manager subscribed nowhere anyway.
    expect(jobs).toHaveLength(3);

    expect(await runDueJobs(t.db, handlers())).toBeGreaterThanOrEqual(3);
    expect(service.received.map((r) => r.path).sort()).toEqual([ru1.path, ru2.path, en.path].sort());
    for (const push of service.received) {
      expect(push.headers["content-encoding"]).toBe("aes128gcm");
      expect(push.headers.ttl).toBe(String(24 * 60 * 60));
      const claims = verifyVapid(push.headers.authorization as string, vapid.publicKey);
      expect(claims.aud).toBe(service.origin);
      expect(claims.sub).toBe(vapid.subject);
      expect(claims.exp * 1000).toBeGreaterThan(Date.now());
      expect(claims.exp * 1000).toBeLessThanOrEqual(Date.now() + 24 * 60 * 60 * 1000);
    }
    const decrypted = (target: { path: string; browser: TestBrowser }) =>
      JSON.parse(decryptPush(target.browser, service.received.find((r) => r.path === target.path)!.body)) as PushMessage;
    expect(decrypted(ru1)).toEqual({ title: "Заказ отгружен", body: "Заказ B-1 в пути", link: "/b2b/orders", tag: "order.status_changed" });
    expect(decrypted(ru2).title).toBe("Заказ отгружен");
    expect(decrypted(en)).toMatchObject({ title: "Order shipped", body: "Order B-1 is on its way" });
    // Another browser's keys cannot read it.
    expect(() => decryptPush(en.browser, service.received.find((r) => r.path === ru1.path)!.body)).toThrow();
    const done = await t.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.topic, "notification.push"));
    expect(done.every((j) => j.status === "done")).toBe(true);
  });

  it("forgets a browser the push service calls gone (410/404) and retries a failing one without re-sending to the others", async () => {
    const gone = await subscribe(buyer);
    const flaky = await subscribe(buyer);
    const fine = await subscribe(buyer);
    service.answer.set(gone.path, 410);
    service.answer.set(flaky.path, 500);
    await statusChanged([buyer.user.id]);
    await runDueJobs(t.db, handlers());

    expect(service.received.map((r) => r.path)).toEqual([fine.path]);
    const left = await t.db.select({ endpoint: pushSubscriptions.endpoint }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, buyer.user.id));
    expect(left.map((r) => r.endpoint).sort()).toEqual([flaky.endpoint, fine.endpoint].sort());
    const jobs = await t.db.select().from(outbox).where(eq(outbox.topic, "notification.push"));
    const failing = jobs.filter((j) => j.status === "pending" && j.attempts === 1);
    expect(failing).toHaveLength(1);
    expect(failing[0]!.lastError).toMatch(/HTTP 500/);

    // The push service recovers; the retry reaches only the browser that missed it.
    service.answer.delete(flaky.path);
    await t.db.update(outbox).set({ runAt: new Date(0) }).where(inArray(outbox.id, failing.map((j) => j.id)));
    await runDueJobs(t.db, handlers());
    expect(service.received.map((r) => r.path)).toEqual([fine.path, flaky.path]);
    expect(JSON.parse(decryptPush(flaky.browser, service.received[1]!.body))).toMatchObject({ title: "Заказ отгружен" });
  });

  it("sends nothing to a browser that was switched off or handed to another account after the event", async () => {
    const mine = await subscribe(buyer);
    await statusChanged([buyer.user.id]);
    await callerFor(t.db, manager).notifications.subscribePush({ endpoint: mine.endpoint, keys: makeBrowser().keys });
    await runDueJobs(t.db, handlers());
    expect(service.received).toHaveLength(0);
  });

  it("no push jobs for a user who subscribed nowhere, or who switched the push channel off", async () => {
    await statusChanged([buyerEn.user.id]);
    expect(await t.db.select().from(outbox).where(eq(outbox.topic, "notification.push"))).toHaveLength(0);
    await subscribe(buyerEn);
    await callerFor(t.db, buyerEn).notifications.setMyPref({ event: "order.status_changed", channel: "push", enabled: false });
    await statusChanged([buyerEn.user.id]);
    expect(await t.db.select().from(outbox).where(eq(outbox.topic, "notification.push"))).toHaveLength(0);
    await callerFor(t.db, buyerEn).notifications.setMyPref({ event: "order.status_changed", channel: "push", enabled: true });
  });
});
