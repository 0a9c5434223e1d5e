import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, orderEvents, orderItems, orders, outbox } from "@/db/schema";
import { rotateShopKey, updateShop } from "@/server/domain/shops/shops";
import { MAX_ORDER_BODY_BYTES } from "@/server/http/orders-api";
import { RateLimiter } from "@/server/http/rate-limiter";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import {
  countRows,
  createTestShop,
  insertFxRate,
  orderBody,
  orderDeps,
  postOrder,
  withField,
  type JsonObject,
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

async function writtenRows() {
  return {
    orders: await countRows(t.db, orders),
    items: await countRows(t.db, orderItems),
    customers: await countRows(t.db, customers),
    events: await countRows(t.db, orderEvents),
    outbox: await countRows(t.db, outbox),
  };
}

describe("POST /api/orders: the customer document's example", () => {
  it("creates the order with its lines, customer, event and e-mail, totals in minor units and in US cents", async () => {
    const body = orderBody({ auth: shop.auth, email: "example.buyer@example.com", shopOrderId: "HFT677875" });
    const result = await postOrder(deps(), body);

    expect(result.status).toBe(201);
    expect(result.body).toEqual({ result: true, error: "", id: expect.stringMatching(/^ord_[A-Za-z0-9_-]{22}$/) });
    expect(result.headers.get("cache-control")).toBe("no-store");
    const id = result.body.id ?? "";

    const [order] = await t.db.select().from(orders).where(eq(orders.id, id));
    if (!order) throw new Error("order not stored");
    expect(order.shopId).toBe(shop.shop.id);
    expect(order.shopOrderId).toBe("HFT677875");
    expect(order.shopDomain).toBe("site.com");
    expect(order.status).toBe("pending");
    expect(order.callCenterStatus).toBeNull();
    expect(order.currency).toBe("EUR");
    expect(Number(order.currencyCoef)).toBe(0.95);
    // The document: product 20 × 1, shipping 14.95, insurance not taken, coupon bringing the products to 15.
    expect(order.subtotalMinor).toBe(2000);
    expect(order.discountMinor).toBe(500);
    expect(order.shippingMinor).toBe(1495);
    expect(order.insuranceMinor).toBe(0);
    expect(order.insurance).toBe(false);
    expect(order.totalMinor).toBe(2000 - 500 + 1495);
    // 29.95 EUR at 1.1 USD/EUR = 32.945 USD → 3294.5 cents, half away from zero → 3295.
    expect(Number(order.usdPerUnit)).toBe(1.1);
    expect(order.totalUsdMinor).toBe(Math.round((2995 * 11) / 10));
    expect(order.totalUsdMinor).toBe(3295);
    expect(order.coupon).toEqual({ code: "XMAS24", type: "percentage" });
    expect(order.deliveryMethodId).toBe(1);
    expect(order.paymentMethod).toBe("credit_card");
    expect(order.customerFirstName).toBe("John");
    expect(order.customerLastName).toBe("Doe");
    expect(order.customerEmail).toBe("example.buyer@example.com");
    expect(order.customerPhone).toBe("+1 555 010 2030");
    expect(order.customerIp).toBe("203.0.113.7");
    expect(order.billingAddress).toEqual({ country: "US", state: "CA", city: "Los Angeles", zip: "90001", address: "1 Main Street" });
    expect(order.shippingAddress).toEqual({ country: "DE", state: "XX", city: "Berlin", zip: "10115", address: "Unter den Linden 1", address2: "Apt 5" });
    expect(order.country).toBe("DE");
    expect(order.language).toBe("ENG");
    expect(order.locale).toBe("en-US");
    expect(order.campaign).toBe("utm_source=newsletter");
    expect(order.bonus).toBe("4 pills");
    expect(order.refillReminder).toEqual({ period: "30 days", channel: "phone" });
    expect(order.device?.screenWidth).toBe(1920);
    expect(order.device?.timezone).toBe("Europe/Berlin");
    expect(order.deviceType).toBe("desktop");
    expect(order.customerBlocked).toBe(false);
    expect(order.paidAt).toBeNull();
    expect(order.requestHash).toMatch(/^[0-9a-f]{64}$/);

    const items = await t.db.select().from(orderItems).where(eq(orderItems.orderId, id));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      position: 1,
      productId: "64764",
      sku: "0ЕК345",
      name: "VITAMIN B",
      option: "20 mg",
      optionValue: "30 pills",
      bonus: "4 pills",
      quantity: 1,
      priceMinor: 2000,
      lineTotalMinor: 2000,
      url: "https://site.com/product",
      thumbnail: "https://site.com/img/product.png",
    });

    const [customer] = await t.db.select().from(customers).where(eq(customers.id, order.customerId));
    expect(customer).toMatchObject({ email: "example.buyer@example.com", firstName: "John", lastName: "Doe", ordersCount: 1, totalUsdMinor: 3295, status: "active", country: "DE" });
    expect(customer?.phones).toEqual(["+1 555 010 2030"]);
    expect(customer?.firstOrderAt).not.toBeNull();

    const events = await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "created", actorType: "shop", actorId: shop.shop.id, toStatus: "pending" });

    const mails = await t.db.select().from(outbox).where(eq(outbox.orderId, id));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ topic: "email.order_status", status: "pending", payload: { orderId: id, status: "pending" } });
  });

  it("charges the whole cart when no coupon is used: 34.95 EUR at 1.1 = 3845 US cents", async () => {
    const result = await postOrder(deps(), orderBody({ auth: shop.auth, coupon: false }));
    expect(result.status).toBe(201);
    const [order] = await t.db.select().from(orders).where(eq(orders.id, result.body.id ?? ""));
    expect(order?.totalMinor).toBe(2000 + 1495);
    expect(order?.discountMinor).toBe(0);
    expect(order?.coupon).toBeNull();
    // 3495 × 1.1 = 3844.5 → 3845.
    expect(order?.totalUsdMinor).toBe(Math.round((3495 * 11) / 10));
  });

  it("accepts `total` given after the coupon as well as before it", async () => {
    const result = await postOrder(deps(), withField(orderBody({ auth: shop.auth }), "total", "29.95"));
    expect(result.status).toBe(201);
    const [order] = await t.db.select().from(orders).where(eq(orders.id, result.body.id ?? ""));
    expect(order?.totalMinor).toBe(2995);
  });

  it("adds the insurance price when insurance is chosen", async () => {
    const body = withField(orderBody({ auth: shop.auth, coupon: false }), "options.insurance", 1);
    const result = await postOrder(deps(), withField(body, "total", 39.9));
    expect(result.status).toBe(201);
    const [order] = await t.db.select().from(orders).where(eq(orders.id, result.body.id ?? ""));
    expect(order?.insurance).toBe(true);
    expect(order?.insuranceMinor).toBe(495);
    expect(order?.totalMinor).toBe(2000 + 1495 + 495);
  });

  it("takes payment methods by name or numeric id, with no card fields outside card payments", async () => {
    const cases: Array<[string | number, string]> = [
      [2, "paypal"],
      ["Cryptocurrency", "crypto"],
      ["E-Check", "echeck"],
      ["Credit Card", "credit_card"],
    ];
    for (const [given, stored] of cases) {
      let body = orderBody({ auth: shop.auth, paymentMethod: given === "Credit Card" ? "credit_card" : 2 });
      body = withField(body, "payment.method", given);
      const result = await postOrder(deps(), body);
      expect(result.status, String(given)).toBe(201);
      const [order] = await t.db.select().from(orders).where(eq(orders.id, result.body.id ?? ""));
      expect(order?.paymentMethod).toBe(stored);
      expect(order?.cardSealed === null).toBe(stored !== "credit_card");
    }
  });

  it("uses the cart's currency when options.currency is left out", async () => {
    const result = await postOrder(deps(), withField(orderBody({ auth: shop.auth }), "options.currency", undefined));
    expect(result.status).toBe(201);
    const [order] = await t.db.select().from(orders).where(eq(orders.id, result.body.id ?? ""));
    expect(order?.currency).toBe("EUR");
  });
});

describe("POST /api/orders: authentication", () => {
  it("accepts the credentials in an Authorization: Bearer <api_id>:<api_key> header", async () => {
    const result = await postOrder(deps(), orderBody({ auth: null }), {
      headers: { authorization: `Bearer ${shop.auth.api_id}:${shop.auth.api_key}` },
    });
    expect(result.status).toBe(201);
    expect(result.body.result).toBe(true);
  });

  it("refuses missing, malformed, unknown and wrong credentials with 401 and stores nothing", async () => {
    const before = await writtenRows();
    const attempts: Array<[string, JsonObject, Record<string, string>]> = [
      ["no credentials", orderBody({ auth: null }), {}],
      ["api_key missing", orderBody({ auth: { api_id: shop.auth.api_id, api_key: "" } }), {}],
      ["wrong key", orderBody({ auth: { api_id: shop.auth.api_id, api_key: `${shop.auth.api_key}x` } }), {}],
      ["unknown api_id", orderBody({ auth: { api_id: "shop_nonexistent", api_key: shop.auth.api_key } }), {}],
      ["bearer without key", orderBody({ auth: null }), { authorization: `Bearer ${shop.auth.api_id}` }],
      ["bearer with wrong key", orderBody({ auth: null }), { authorization: `Bearer ${shop.auth.api_id}:sk_wrong` }],
    ];
    for (const [name, body, headers] of attempts) {
      const result = await postOrder(deps(), body, { headers });
      expect(result.status, name).toBe(401);
      expect(result.body.result, name).toBe(false);
      expect(result.body.error, name).toMatch(/auth/i);
      expect(result.body.id, name).toBeUndefined();
    }
    expect(await writtenRows()).toEqual(before);
  });

  it("refuses an inactive shop", async () => {
    const inactive = await createTestShop(t.db, { name: "Closed shop", hostname: "closed.example.com", isActive: false });
    const result = await postOrder(deps(), orderBody({ auth: inactive.auth }));
    expect(result.status).toBe(401);

    const deactivated = await createTestShop(t.db, { name: "Paused shop", hostname: "paused.example.com" });
    expect((await postOrder(deps(), orderBody({ auth: deactivated.auth }))).status).toBe(201);
    await updateShop(t.db, deactivated.admin, deactivated.shop.id, { isActive: false });
    expect((await postOrder(deps(), orderBody({ auth: deactivated.auth }))).status).toBe(401);
  });

  it("stops accepting the old key once the key is rotated", async () => {
    const rotating = await createTestShop(t.db, { name: "Rotating shop", hostname: "rotating.example.com" });
    expect((await postOrder(deps(), orderBody({ auth: rotating.auth }))).status).toBe(201);
    const { apiKey } = await rotateShopKey(t.db, rotating.admin, rotating.shop.id);
    expect(apiKey).not.toBe(rotating.auth.api_key);
    expect((await postOrder(deps(), orderBody({ auth: rotating.auth }))).status).toBe(401);
    expect((await postOrder(deps(), orderBody({ auth: { api_id: rotating.auth.api_id, api_key: apiKey } }))).status).toBe(201);
  });

  it("limits each shop's request rate and says when to retry", async () => {
    const limited = orderDeps(t.db, { rateLimiter: new RateLimiter(1, 2) });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 3; i++) {
      const result = await postOrder(limited, orderBody({ auth: shop.auth }));
      statuses.push(result.status);
      if (result.status === 429) retryAfter = result.headers.get("retry-after");
    }
    expect(statuses).toEqual([201, 201, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});

describe("POST /api/orders: malformed requests", () => {
  it("answers 400, 413 and 415 without storing anything", async () => {
    const before = await writtenRows();
    const valid = orderBody({ auth: shop.auth });
    const oversized = JSON.stringify({ ...valid, padding: "x".repeat(MAX_ORDER_BODY_BYTES) });
    const invalidUtf8 = new Uint8Array([...Buffer.from('{"customer":"'), 0xc3, 0x28, 0xff, ...Buffer.from('"}')]);
    const cases: Array<[string, number, { raw?: string | Uint8Array; headers?: Record<string, string> }, RegExp]> = [
      ["not JSON", 400, { raw: "{customer: oops" }, /not valid JSON/],
      ["a JSON array", 400, { raw: JSON.stringify([valid]) }, /JSON object/],
      ["JSON null", 400, { raw: "null" }, /JSON object/],
      ["an empty body", 400, { raw: "" }, /empty/],
      ["invalid UTF-8", 400, { raw: invalidUtf8 }, /UTF-8/],
      ["form content type", 415, { raw: JSON.stringify(valid), headers: { "content-type": "application/x-www-form-urlencoded" } }, /Content-Type/],
      ["text content type", 415, { raw: JSON.stringify(valid), headers: { "content-type": "text/plain" } }, /Content-Type/],
      ["over 256 KiB, streamed", 413, { raw: oversized }, /larger than/],
      ["over 256 KiB, declared", 413, { raw: oversized, headers: { "content-length": String(Buffer.byteLength(oversized)) } }, /larger than/],
      ["an Idempotency-Key with a space", 400, { raw: JSON.stringify(valid), headers: { "idempotency-key": "key 1" } }, /Idempotency-Key/],
      ["an Idempotency-Key over 200 characters", 400, { raw: JSON.stringify(valid), headers: { "idempotency-key": "k".repeat(201) } }, /Idempotency-Key/],
    ];
    for (const [name, status, options, message] of cases) {
      const result = await postOrder(deps(), null, options);
      expect(result.status, name).toBe(status);
      expect(result.body.result, name).toBe(false);
      expect(result.body.error, name).toMatch(message);
    }
    expect(await writtenRows()).toEqual(before);
  });

  it("accepts application/json with a charset and a body just under the limit", async () => {
    const body = orderBody({ auth: shop.auth });
    const base = JSON.stringify({ ...body, padding: "" });
    const padded = JSON.stringify({ ...body, padding: "x".repeat(MAX_ORDER_BODY_BYTES - Buffer.byteLength(base)) });
    expect(Buffer.byteLength(padded)).toBe(MAX_ORDER_BODY_BYTES);
    const result = await postOrder(deps(), null, { raw: padded, headers: { "content-type": "application/json; charset=utf-8" } });
    expect(result.status).toBe(201);
  });
});

interface FieldCase {
  name: string;
  body: () => JsonObject;
  field: string;
}

const base = () => orderBody({ auth: shop.auth });
const usd = () => orderBody({ auth: shop.auth, currency: "USD" });
const without = (path: string) => () => withField(base(), path, undefined);
const setTo = (path: string, value: string | number | JsonObject[]) => () => withField(base(), path, value);

const FIELD_CASES: FieldCase[] = [
  { name: "customer missing", body: without("customer"), field: "customer" },
  { name: "first name missing", body: without("customer.first_name"), field: "customer.first_name" },
  { name: "first name blank", body: setTo("customer.first_name", "   "), field: "customer.first_name" },
  { name: "last name missing", body: without("customer.last_name"), field: "customer.last_name" },
  { name: "e-mail missing", body: without("customer.email"), field: "customer.email" },
  { name: "e-mail invalid", body: setTo("customer.email", "john at example"), field: "customer.email" },
  { name: "phone missing", body: without("customer.phone"), field: "customer.phone" },
  { name: "phone not a number", body: setTo("customer.phone", "call me"), field: "customer.phone" },
  { name: "ip missing", body: without("customer.ip"), field: "customer.ip" },
  { name: "ip invalid", body: setTo("customer.ip", "999.1.1.1"), field: "customer.ip" },
  { name: "billing missing", body: without("billing"), field: "billing" },
  { name: "billing country missing", body: without("billing.country"), field: "billing.country" },
  { name: "billing country alpha-3", body: setTo("billing.country", "USA"), field: "billing.country" },
  { name: "billing state not a code", body: setTo("billing.state", "California"), field: "billing.state" },
  { name: "billing city missing", body: without("billing.city"), field: "billing.city" },
  { name: "billing zip missing", body: without("billing.zip"), field: "billing.zip" },
  { name: "billing address missing", body: without("billing.address"), field: "billing.address" },
  { name: "shipping missing", body: without("shipping"), field: "shipping" },
  { name: "shipping country missing", body: without("shipping.country"), field: "shipping.country" },
  { name: "shipping country alpha-3", body: setTo("shipping.country", "DEU"), field: "shipping.country" },
  { name: "shipping city missing", body: without("shipping.city"), field: "shipping.city" },
  { name: "shipping zip missing", body: without("shipping.zip"), field: "shipping.zip" },
  { name: "shipping address missing", body: without("shipping.address"), field: "shipping.address" },
  { name: "payment method missing", body: without("payment.method"), field: "payment.method" },
  { name: "payment method unknown", body: setTo("payment.method", "barter"), field: "payment.method" },
  { name: "payment method id unknown", body: setTo("payment.method", 9), field: "payment.method" },
  { name: "card number fails Luhn", body: setTo("payment.card_number", "4111 1111 1111 1112"), field: "payment.card_number" },
  { name: "card number missing", body: without("payment.card_number"), field: "payment.card_number" },
  { name: "card month 13", body: setTo("payment.card_expire_month", "13"), field: "payment.card_expire_month" },
  { name: "card expired", body: setTo("payment.card_expire_year", String(new Date().getUTCFullYear() - 1)), field: "payment.card_expire_year" },
  { name: "card year two digits", body: setTo("payment.card_expire_year", "29"), field: "payment.card_expire_year" },
  { name: "CVV missing", body: without("payment.card_cvv"), field: "payment.card_cvv" },
  { name: "CVV two digits", body: setTo("payment.card_cvv", "12"), field: "payment.card_cvv" },
  { name: "card holder missing", body: without("payment.cardholder"), field: "payment.cardholder" },
  { name: "birthday not MM-DD-YYYY", body: setTo("payment.cardholder_birthday", "1980-01-31"), field: "payment.cardholder_birthday" },
  { name: "options missing", body: without("options"), field: "options" },
  { name: "delivery id missing", body: without("options.delivery_id"), field: "options.delivery_id" },
  { name: "delivery id not a number", body: setTo("options.delivery_id", "air"), field: "options.delivery_id" },
  { name: "shop order id missing", body: without("options.shop_order_id"), field: "options.shop_order_id" },
  { name: "shop domain missing", body: without("options.shop_domain"), field: "options.shop_domain" },
  { name: "currency missing", body: () => withField(withField(base(), "options.currency", undefined), "currency", undefined), field: "options.currency" },
  { name: "currency not ISO", body: setTo("options.currency", "EURO"), field: "options.currency" },
  { name: "currency without a rate", body: () => withField(withField(base(), "options.currency", "XYZ"), "currency", "XYZ"), field: "options.currency" },
  { name: "currency differs from the cart's", body: setTo("options.currency", "USD"), field: "options.currency" },
  { name: "products missing", body: without("products"), field: "products" },
  { name: "products empty", body: setTo("products", []), field: "products" },
  { name: "quantity 0", body: setTo("products.0.quantity", 0), field: "products.0.quantity" },
  { name: "quantity fractional", body: setTo("products.0.quantity", 1.5), field: "products.0.quantity" },
  { name: "sku missing", body: without("products.0.sku"), field: "products.0.sku" },
  { name: "price negative", body: setTo("products.0.price", -20), field: "products.0.price" },
  { name: "price with 3 decimals in USD", body: () => withField(usd(), "products.0.price", "20.001"), field: "products.0.price" },
  { name: "shipping price with 3 decimals", body: setTo("shipping_method.price", 14.951), field: "shipping_method.price" },
  { name: "total does not add up", body: setTo("total", 99.99), field: "total" },
  { name: "discounted total above the products", body: setTo("discountedTotal", 25), field: "discountedTotal" },
];

describe("POST /api/orders: every refused field gets its own 422", () => {
  it.each(FIELD_CASES)("$name → 422 naming $field, nothing stored", async ({ body, field }) => {
    const before = await writtenRows();
    const result = await postOrder(deps(), body());
    expect(result.status).toBe(422);
    expect(result.body.result).toBe(false);
    expect(result.body.id).toBeUndefined();
    expect(result.body.error).toContain(field);
    expect(result.body.errors?.[0]?.field).toBe(field);
    expect(await writtenRows()).toEqual(before);
  });

  it("the valid body the table starts from is accepted (so each refusal is down to its one change)", async () => {
    expect((await postOrder(deps(), base())).status).toBe(201);
    expect((await postOrder(deps(), usd())).status).toBe(201);
  });

  it("lists every problem of a request in `errors`", async () => {
    const body = withField(withField(base(), "customer.email", "nope"), "billing.country", "USA");
    const result = await postOrder(deps(), body);
    expect(result.status).toBe(422);
    expect(result.body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(["customer.email", "billing.country"]));
  });
});
