import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { runDueJobs, type JobHandler } from "@/server/jobs/worker";
import { createTestShop, orderBody, orderDeps, placeOrder } from "../helpers/order-fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let orderA: string;
let orderB: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const shop = await createTestShop(t.db);
  orderA = await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, currency: "USD" }));
  orderB = await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, currency: "USD" }));
  // Only this test's jobs: the intake's own ones are not due here.
  await t.db.update(outbox).set({ status: "done" });
}, 60_000);

afterAll(async () => {
  await t?.destroy();
});

it("runs other orders' and order-less jobs side by side, and one order's jobs one after another in claim order", async () => {
  const rows = await t.db
    .insert(outbox)
    .values([
      { topic: "test.slow", orderId: orderA, payload: { step: 1 } },
      { topic: "test.slow", orderId: orderA, payload: { step: 2 } },
      { topic: "test.slow", orderId: orderA, payload: { step: 3 } },
      { topic: "test.slow", orderId: orderB, payload: { step: 1 } },
      { topic: "test.slow", orderId: null, payload: { step: 1 } },
      { topic: "test.slow", orderId: null, payload: { step: 2 } },
    ])
    .returning({ id: outbox.id });
  let running = 0;
  let mostAtOnce = 0;
  const runningOrders = new Set<string>();
  const overlapsWithinOrder: string[] = [];
  const stepsOfA: unknown[] = [];
  const slow: JobHandler = async (_db, job) => {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    if (job.orderId) {
      if (runningOrders.has(job.orderId)) overlapsWithinOrder.push(job.orderId);
      runningOrders.add(job.orderId);
      if (job.orderId === orderA) stepsOfA.push(job.payload.step);
    }
    await new Promise((resolve) => setTimeout(resolve, 40));
    if (job.orderId) runningOrders.delete(job.orderId);
    running -= 1;
  };
  expect(await runDueJobs(t.db, { "test.slow": slow }, { lanes: 3 })).toBe(6);
  expect(mostAtOnce).toBe(3);
  expect(overlapsWithinOrder).toEqual([]);
  expect(stepsOfA).toEqual([1, 2, 3]);
  const done = await t.db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.id, rows.map((r) => r.id)));
  expect(done.map((r) => r.status)).toEqual(Array(6).fill("done"));
});

it("a failing job in one lane does not stop the others, and is scheduled again", async () => {
  const [bad, good] = await t.db
    .insert(outbox)
    .values([
      { topic: "test.fails", orderId: null, payload: {} },
      { topic: "test.ok", orderId: null, payload: {} },
    ])
    .returning({ id: outbox.id });
  const handlers: Record<string, JobHandler> = {
    "test.fails": async () => {
      throw new Error("endpoint refused");
    },
    "test.ok": async () => {},
  };
  expect(await runDueJobs(t.db, handlers)).toBe(2);
  const [failed] = await t.db.select().from(outbox).where(eq(outbox.id, bad!.id));
  const [ok] = await t.db.select().from(outbox).where(eq(outbox.id, good!.id));
  expect(ok?.status).toBe("done");
  expect(failed).toMatchObject({ status: "pending", lastError: "endpoint refused" });
  expect(failed!.runAt.getTime()).toBeGreaterThan(Date.now());
});
