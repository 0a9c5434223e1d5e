import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { processors } from "@/db/schema";
import { setFxRate } from "@/server/domain/money/fx-rates";
import type { OrderActor } from "@/server/domain/orders/order-actor";
import { createShop, type ShopInput } from "@/server/domain/shops/shops";
import { handleCreateOrder, type OrdersApiDeps } from "@/server/http/orders-api";
import { RateLimiter } from "@/server/http/rate-limiter";
import type { Role } from "@/server/auth/roles";
import { makeUser, TEST_ENCRYPTION_KEY } from "./fixtures";

/** A JSON document as a shop sends it; `undefined` leaves a key out. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

/** A Luhn-valid Visa test number, as the billing page might send it (with spaces), and a CVV seen nowhere else in the fixtures. */
export const TEST_CARD = {
  formatted: "4111 1111 1111 1111",
  pan: "4111111111111111",
  cvv: "7319",
  last4: "1111",
  brand: "visa",
} as const;

export const ORDERS_URL = "http://test/api/orders";

export function orderDeps(db: Db, overrides: Partial<OrdersApiDeps> = {}): OrdersApiDeps {
  return { db, encryptionKey: TEST_ENCRYPTION_KEY, rateLimiter: new RateLimiter(1000, 1000), ...overrides };
}

export function uniqueShopOrderId(prefix = "HFT"): string {
  return `${prefix}${randomBytes(5).toString("hex").toUpperCase()}`;
}

export interface ShopCredentials {
  api_id: string;
  api_key: string;
}

export interface OrderBodyOptions {
  auth?: ShopCredentials | null;
  shopOrderId?: string;
  email?: string;
  phone?: string;
  currency?: string;
  paymentMethod?: "credit_card" | "paypal" | "crypto" | "echeck" | number;
  /** Lines as [sku, price, quantity]; the default is the document's single VITAMIN B line. */
  products?: ReadonlyArray<readonly [string, number | string, number]>;
  /** Cart shipping price; the document's 14.95 by default, 0 to send none. */
  shippingPrice?: number;
  /** Keep the document's coupon (used, discountedTotal 15)? Default true only for the document's own products. */
  coupon?: boolean;
}

function decimalSum(lines: ReadonlyArray<readonly [string, number | string, number]>, shipping: number): number {
  // Cents as integers, so the declared total is exact; only used for two-decimal currencies.
  const cents = lines.reduce((sum, [, price, quantity]) => sum + Math.round(Number(price) * 100) * quantity, 0) + Math.round(shipping * 100);
  return cents / 100;
}

/**
 * The customer document's example (product, coupon, shipping method, shop, total 34.95 EUR,
 * currency_coef 0.95), completed with the billing page's fields: customer, billing and shipping
 * addresses, a credit-card payment, options and metrics.
 */
export function orderBody(options: OrderBodyOptions = {}): JsonObject {
  const currency = options.currency ?? "EUR";
  const documentProducts = options.products === undefined;
  const lines = options.products ?? [["0ЕК345", 20, 1] as const];
  const shipping = options.shippingPrice ?? (documentProducts ? 14.95 : 0);
  const coupon = options.coupon ?? documentProducts;
  const shopOrderId = options.shopOrderId ?? uniqueShopOrderId();
  const method = options.paymentMethod ?? "credit_card";
  const card = method === "credit_card" || method === 1;
  const body: JsonObject = {
    customer: {
      first_name: "John",
      last_name: "Doe",
      email: options.email ?? `john.${randomBytes(4).toString("hex")}@example.com`,
      phone: options.phone ?? "+1 555 010 2030",
      ip: "203.0.113.7",
    },
    billing: { country: "US", state: "CA", city: "Los Angeles", zip: "90001", address: "1 Main Street" },
    shipping: { country: "DE", state: "XX", city: "Berlin", zip: "10115", address: "Unter den Linden 1", address2: "Apt 5" },
    payment: card
      ? {
          method,
          cardholder: "John Doe",
          card_number: TEST_CARD.formatted,
          card_expire_month: "12",
          card_expire_year: String(new Date().getUTCFullYear() + 3),
          card_cvv: TEST_CARD.cvv,
          cardholder_birthday: "01-31-1980",
        }
      : { method },
    options: {
      delivery_id: 1,
      insurance: 0,
      currency,
      locale: "en-US",
      campaigns: "utm_source=newsletter",
      shop_domain: "site.com",
      shop_order_id: shopOrderId,
      bonus: "4 pills",
      refill_reminder: { period: "30 days", channel: "phone" },
    },
    metrics: {
      device: {
        user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
        screen_width: 1920,
        screen_height: 1080,
        screen_avail_width: 1920,
        screen_avail_height: 1040,
        screen_color_depth: 24,
        language: "en-US",
        timezone: "Europe/Berlin",
      },
    },
    products: lines.map(([sku, price, quantity], index) => ({
      id: 64764 + index,
      sku,
      name: documentProducts ? "VITAMIN B" : `Product ${sku}`,
      option: "20 mg",
      option_value: "30 pills",
      bonus: "4 pills",
      quantity,
      price,
      url: "https://site.com/product",
      thumbnail: "https://site.com/img/product.png",
    })),
    shipping_method: { id: 1, price: shipping, insurance: 0, insurance_price: 4.95 },
    shop: { id: 1, hostname: "site.com", order_id: shopOrderId },
    total: documentProducts ? 34.95 : decimalSum(lines, shipping),
    currency_coef: 0.95,
    totalProducts: lines.length,
    currency,
    language: "ENG",
  };
  if (coupon) {
    body.coupon = { used: 1, type: 1, code: "XMAS24" };
    body.discountedTotal = 15;
  }
  if (options.auth !== null && options.auth !== undefined) body.auth = { ...options.auth };
  return body;
}

/** A deep copy with the value at a dotted path ("customer.email", "products.0.price") replaced; `undefined` removes it. */
export function withField(body: JsonObject, path: string, value: JsonValue | undefined): JsonObject {
  const copy = structuredClone(body);
  const keys = path.split(".");
  const last = keys.pop();
  if (last === undefined) throw new Error("empty path");
  let node: JsonValue | undefined = copy;
  for (const key of keys) {
    if (Array.isArray(node)) node = node[Number(key)];
    else if (node !== null && typeof node === "object") node = node[key];
    else node = undefined;
    if (node === undefined || node === null || typeof node !== "object") throw new Error(`no object at ${key} of ${path}`);
  }
  if (Array.isArray(node)) {
    if (value === undefined) node.splice(Number(last), 1);
    else node[Number(last)] = value;
  } else if (node !== null && typeof node === "object") {
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return copy;
}

export const apiAnswerSchema = z
  .object({
    result: z.boolean(),
    error: z.string(),
    id: z.string().optional(),
    duplicate: z.literal(true).optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .strict();
export type ApiAnswer = z.infer<typeof apiAnswerSchema>;

export interface PostResult {
  status: number;
  body: ApiAnswer;
  headers: Headers;
}

export interface PostOptions {
  headers?: Record<string, string>;
  /** A raw body (string or bytes) instead of the JSON of `body`. */
  raw?: string | Uint8Array;
}

export function orderRequest(body: JsonObject | null, options: PostOptions = {}): Request {
  const raw = options.raw;
  const payload: string | Blob =
    raw === undefined ? JSON.stringify(body) : typeof raw === "string" ? raw : new Blob([new Uint8Array(raw)]);
  return new Request(ORDERS_URL, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: payload,
  });
}

/** POSTs to the shop API handler and checks the answer has the documented shape. */
export async function postOrder(deps: OrdersApiDeps, body: JsonObject | null, options: PostOptions = {}): Promise<PostResult> {
  const response = await handleCreateOrder(orderRequest(body, options), deps);
  const json: unknown = await response.json();
  return { status: response.status, body: apiAnswerSchema.parse(json), headers: response.headers };
}

export interface TestShop {
  shop: { id: string; apiId: string; name: string; hostname: string; defaultManagerId: string | null };
  auth: ShopCredentials;
  admin: { id: string; role: Role };
}

/** A shop created the way an admin creates one (createShop), with its one-time key. */
export async function createTestShop(db: Db, input: Partial<ShopInput> = {}): Promise<TestShop> {
  const admin = await makeUser(db, { role: "admin" });
  const { shop, apiKey } = await createShop(db, { id: admin.id, role: "admin" }, { name: "VitaStore", hostname: "site.com", ...input });
  return { shop, auth: { api_id: shop.apiId, api_key: apiKey }, admin: { id: admin.id, role: admin.role } };
}

/** An FX rate row (USD per unit) valid from a day in the past, so orders made today use it. */
export async function insertFxRate(db: Db, currency: string, usdPerUnit: string, day = "2020-01-01"): Promise<void> {
  await setFxRate(db, { currency, day, usdPerUnit }, null);
}

export async function insertProcessor(db: Db, feeBasisPoints: number, feeFixedMinor: number) {
  const [row] = await db
    .insert(processors)
    .values({ code: `proc_${randomBytes(4).toString("hex")}`, name: "Test processor", feeBasisPoints, feeFixedMinor })
    .returning();
  if (!row) throw new Error("processor not created");
  return row;
}

export async function countRows(db: Db, table: PgTable): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return Number(row?.n ?? 0);
}

/** Every row of a table as JSON text (for "this value is stored nowhere" checks). */
export async function tableAsJson(db: Db, table: PgTable): Promise<string> {
  const [row] = await db.select({ json: sql<string | null>`json_agg(row_to_json(${table}))::text` }).from(table);
  return row?.json ?? "";
}

export function systemActor(name = "Test system"): OrderActor {
  return { type: "system", name };
}

export function userActor(user: { id: string; role: Role; name?: string }): OrderActor & { type: "user" } {
  return { type: "user", id: user.id, role: user.role, name: user.name ?? `user ${user.role}` };
}

/** Creates an order through the API and returns its id, failing loudly when it is not created. */
export async function placeOrder(deps: OrdersApiDeps, body: JsonObject): Promise<string> {
  const result = await postOrder(deps, body);
  if (result.status !== 201 || !result.body.id) throw new Error(`order not created: ${result.status} ${result.body.error}`);
  return result.body.id;
}
