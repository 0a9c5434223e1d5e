import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, idempotencyKeys, orderEvents, orders, outbox } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeUser } from "../helpers/fixtures";
import {
  createTestShop,
  insertFxRate,
  orderBody,
  orderDeps,
  postOrder,
  uniqueShopOrderId,
  withField,
  type TestShop,
} from "../helpers/order-fixtures";

let t: TestDatabase;
let shop: TestShop;
beforeAll(async () => {
  t = await createTestDatabase();
  shop = await createTestShop(t.db);
  await insertFxRate(t.db, "EUR", "1.1");
});
afterAll(async () => {
  await t.destroy();
});

const deps = () => orderDeps(t.db);

async function ordersWithShopOrderId(shopOrderId: string, shopId = shop.shop.id) {
  return t.db
    .select()
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.shopOrderId, shopOrderId)));
}

async function customerByEmail(email: string) {
  const rows = await t.db.select().from(customers).where(eq(customers.email, email));
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0];
}

describe("idempotency by shop order id", () => {
  it("answers a repeated order with 200, the first id and duplicate: true, storing nothing twice", async () => {
    const shopOrderId = uniqueShopOrderId();
    const body = orderBody({ auth: shop.auth, shopOrderId, email: "repeat@example.com" });
    const first = await postOrder(deps(), body);
    expect(first.status).toBe(201);
    expect(first.body.duplicate).toBeUndefined();

    const second = await postOrder(deps(), body);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ result: true, error: "", id: first.body.id, duplicate: true });

    // A retry that differs only in what is not the order (device metrics, how it authenticates) is still the same order.
    const retried = withField(withField(body, "metrics.device.screen_width", 390), "auth", undefined);
    const third = await postOrder(deps(), retried, { headers: { authorization: `Bearer ${shop.auth.api_id}:${shop.auth.api_key}` } });
    expect(third.status).toBe(200);
    expect(third.body.id).toBe(first.body.id);

    expect(await ordersWithShopOrderId(shopOrderId)).toHaveLength(1);
    const customer = await customerByEmail("repeat@example.com");
    expect(customer?.ordersCount).toBe(1);
    expect(await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, first.body.id ?? ""))).toHaveLength(1);
    expect(await t.db.select().from(outbox).where(eq(outbox.orderId, first.body.id ?? ""))).toHaveLength(1);
  });

  it("refuses the same shop order id with different content: 409 naming options.shop_order_id", async () => {
    const shopOrderId = uniqueShopOrderId();
    const body = orderBody({ auth: shop.auth, shopOrderId });
    const first = await postOrder(deps(), body);
    expect(first.status).toBe(201);

    const changed = withField(withField(body, "products.0.quantity", 2), "total", 54.95);
    const conflict = await postOrder(deps(), changed);
    expect(conflict.status).toBe(409);
    expect(conflict.body.result).toBe(false);
    expect(conflict.body.error).toContain("options.shop_order_id");
    expect(conflict.body.errors?.[0]?.field).toBe("options.shop_order_id");
    expect(conflict.body.id).toBeUndefined();

    const stored = await ordersWithShopOrderId(shopOrderId);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.totalMinor).toBe(2995);
  });

  it("keeps shop order ids apart per shop", async () => {
    const other = await createTestShop(t.db, { name: "Other shop", hostname: "other.example.com" });
    const shopOrderId = uniqueShopOrderId();
    const a = await postOrder(deps(), orderBody({ auth: shop.auth, shopOrderId }));
    const b = await postOrder(deps(), orderBody({ auth: other.auth, shopOrderId }));
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
  });
});

describe("idempotency by Idempotency-Key header", () => {
  it("returns the same order for the same key and body, and 409 for the same key with another body", async () => {
    const key = `key-${uniqueShopOrderId()}`;
    const body = orderBody({ auth: shop.auth });
    const first = await postOrder(deps(), body, { headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    const [stored] = await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(stored?.orderId).toBe(first.body.id);

    const again = await postOrder(deps(), body, { headers: { "idempotency-key": key } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.duplicate).toBe(true);

    const otherShopOrderId = uniqueShopOrderId();
    const otherBody = orderBody({ auth: shop.auth, shopOrderId: otherShopOrderId });
    const conflict = await postOrder(deps(), otherBody, { headers: { "idempotency-key": key } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors?.[0]?.field).toBe("Idempotency-Key");
    expect(await ordersWithShopOrderId(otherShopOrderId)).toHaveLength(0);

    // The same key used by another shop is that shop's own key.
    const other = await createTestShop(t.db, { name: "Keyed shop", hostname: "keyed.example.com" });
    const elsewhere = await postOrder(deps(), orderBody({ auth: other.auth }), { headers: { "idempotency-key": key } });
    expect(elsewhere.status).toBe(201);
  });
});

describe("concurrent duplicates", () => {
  it("50 identical requests at once make exactly one order, and all 50 answers carry its id", async () => {
    const shopOrderId = uniqueShopOrderId("RACE");
    const body = orderBody({ auth: shop.auth, shopOrderId, email: "race@example.com" });
    const results = await Promise.all(Array.from({ length: 50 }, () => postOrder(deps(), body)));

    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(1);

    const stored = await ordersWithShopOrderId(shopOrderId);
    expect(stored).toHaveLength(1);
    expect(ids.has(stored[0]?.id)).toBe(true);
    const customer = await customerByEmail("race@example.com");
    expect(customer?.ordersCount).toBe(1);
    expect(await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, stored[0]?.id ?? ""))).toHaveLength(1);
    expect(await t.db.select().from(outbox).where(eq(outbox.orderId, stored[0]?.id ?? ""))).toHaveLength(1);
  });

  it("concurrent orders of one new customer make one customer with every order counted", async () => {
    const email = "together@example.com";
    const results = await Promise.all(Array.from({ length: 10 }, () => postOrder(deps(), orderBody({ auth: shop.auth, email }))));
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(10);
    const customer = await customerByEmail(email);
    expect(customer?.ordersCount).toBe(10);
    expect(customer?.totalUsdMinor).toBe(10 * 3295);
  });
});

describe("customers", () => {
  it("are identified by e-mail, trimmed and case-insensitively; a new phone is added to their phones", async () => {
    const first = await postOrder(deps(), orderBody({ auth: shop.auth, email: " John.Case@Example.COM ", phone: "+1 555 010 0001" }));
    const second = await postOrder(deps(), orderBody({ auth: shop.auth, email: "john.case@example.com", phone: "+1 555 010 0002" }));
    const third = await postOrder(deps(), orderBody({ auth: shop.auth, email: "JOHN.CASE@example.com", phone: "+1 555 010 0001" }));
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);

    const customer = await customerByEmail("john.case@example.com");
    expect(customer?.ordersCount).toBe(3);
    expect(customer?.phone).toBe("+1 555 010 0001");
    expect(customer?.phones).toEqual(["+1 555 010 0002", "+1 555 010 0001"]);

    const placed = await t.db.select({ customerId: orders.customerId, email: orders.customerEmail }).from(orders).where(eq(orders.customerId, customer?.id ?? ""));
    expect(placed).toHaveLength(3);
    expect(new Set(placed.map((o) => o.email))).toEqual(new Set(["john.case@example.com"]));
  });

  it("are assigned to the shop's default manager when they first order", async () => {
    const manager = await makeUser(t.db, { role: "manager" });
    const managed = await createTestShop(t.db, { name: "Managed shop", hostname: "managed.example.com", defaultManagerId: manager.id });
    expect((await postOrder(deps(), orderBody({ auth: managed.auth, email: "managed@example.com" }))).status).toBe(201);
    expect((await customerByEmail("managed@example.com"))?.managerId).toBe(manager.id);
  });

  it("accepts a blocked customer's order, flagged on the order and noted in its log", async () => {
    const email = "blocked@example.com";
    const first = await postOrder(deps(), orderBody({ auth: shop.auth, email }));
    expect(first.status).toBe(201);
    await t.db.update(customers).set({ status: "blocked" }).where(eq(customers.email, email));

    const second = await postOrder(deps(), orderBody({ auth: shop.auth, email }));
    expect(second.status).toBe(201);
    const [order] = await t.db.select().from(orders).where(eq(orders.id, second.body.id ?? ""));
    expect(order?.customerBlocked).toBe(true);
    const events = await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, second.body.id ?? ""));
    expect(events.map((e) => e.type).sort()).toEqual(["created", "note"]);
    expect(events.find((e) => e.type === "note")?.message).toMatch(/blocked/i);

    const [earlier] = await t.db.select().from(orders).where(eq(orders.id, first.body.id ?? ""));
    expect(earlier?.customerBlocked).toBe(false);
    expect((await customerByEmail(email))?.status).toBe("blocked");
  });
});
