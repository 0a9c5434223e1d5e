import fc from "fast-check";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { createProcessor } from "@/server/domain/payments/processors";
import { handleProcessorCallback } from "@/server/http/callbacks";
import { handleCreateOrder } from "@/server/http/orders-api";
import { RateLimiter } from "@/server/http/rate-limiter";
import { signedHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/server/integrations/payments/signature";
import { TEST_ENCRYPTION_KEY } from "./fixtures";
import { createTestShop, insertFxRate, orderBody, withField, type JsonObject, type JsonValue, type ShopCredentials } from "./order-fixtures";

/**
 * Malformed requests against the two public machine endpoints, POST /api/orders and
 * POST /api/callbacks/<processor>, generated with fast-check. Every case is built so that it
 * can never be a valid request (a required field broken, a body that is not JSON, a bad
 * signature...), so the only right answer is a clear 4xx and no row written anywhere.
 */

export type FuzzTarget = "orders" | "callback";
export interface FuzzCase {
  target: FuzzTarget;
  kind: string;
  processor: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface FuzzWorld {
  auth: ShopCredentials;
  processorCode: string;
  webhookSecret: string;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const JSON_TYPE = { "content-type": "application/json" };

/** Fields without which no order is valid, and values none of them accepts. */
const REQUIRED_PATHS = [
  "customer", "customer.first_name", "customer.last_name", "customer.email", "customer.phone", "customer.ip",
  "billing", "billing.country", "shipping", "shipping.country", "payment", "payment.method",
  "options", "options.delivery_id", "options.shop_order_id", "products",
] as const;

const deepNest = (depth: number, asArray: boolean): JsonValue => {
  let value: JsonValue = asArray ? [] : {};
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
};

const invalidValue: fc.Arbitrary<JsonValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.integer({ min: 10, max: 600 }).map((d) => deepNest(d, false)),
  fc.integer({ min: 10, max: 600 }).map((d) => ({ nested: deepNest(d, true) })),
  // Longer than any field allows, up to well past the body limit, in any script.
  fc.integer({ min: 1_001, max: 400_000 }).chain((n) => fc.constantFrom("x", "я", "😀", "\u0000", "\\").map((ch) => ch.repeat(Math.ceil(n / ch.length)))),
  fc.string({ unit: "binary", minLength: 260, maxLength: 600 }),
);

/** withField, except that a path through an already broken parent leaves the body as it is. */
function breakField(body: JsonObject, path: string, value: JsonValue | undefined): JsonObject {
  try {
    return withField(body, path, value);
  } catch {
    return body;
  }
}

const orderBodyFor = (auth: ShopCredentials) => orderBody({ auth, shopOrderId: "FUZZ-NEVER-STORED", email: "fuzz@example.com" });

function ordersCases(world: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const make = (kind: string, body: Uint8Array, headers: Record<string, string> = JSON_TYPE): FuzzCase => ({ target: "orders", kind, processor: "", headers, body });
  const valid = () => orderBodyFor(world.auth);
  return fc.oneof(
    // A required field of an otherwise valid order: removed, wrong type, huge, deeply nested.
    fc.tuple(fc.constantFrom(...REQUIRED_PATHS), invalidValue).map(([path, value]) => make(`field ${path}`, utf8(JSON.stringify(withField(valid(), path, value))))),
    // Several fields broken at once.
    fc.array(fc.tuple(fc.constantFrom(...REQUIRED_PATHS), invalidValue), { minLength: 2, maxLength: 5 }).map((changes) =>
      make("fields", utf8(JSON.stringify(changes.reduce<JsonObject>((body, [path, value]) => breakField(body, path, value), valid())))),
    ),
    // Any JSON at all, with or without the shop's credentials: never an order.
    fc.jsonValue({ maxDepth: 4 }).map((value) => make("random json", utf8(JSON.stringify(value ?? null)))),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }).map((value) =>
      make("random object with auth", utf8(JSON.stringify({ ...value, auth: world.auth }))),
    ),
    // Nesting far deeper than any parser's stack, written as raw text.
    fc.tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.boolean()).map(([depth, arrays]) =>
      make("deep nesting", utf8(`{"auth":${JSON.stringify(world.auth)},"customer":${arrays ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth)}}`)),
    ),
    // Not JSON, or not UTF-8.
    fc.uint8Array({ minLength: 0, maxLength: 2_000 }).map((bytes) => make("random bytes", bytes)),
    fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom([0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x82])).map(([at, bad]) => {
      const text = JSON.stringify(valid());
      const cut = Math.min(at, text.length - 1);
      return make("invalid utf-8", Buffer.concat([Buffer.from(text.slice(0, cut)), Buffer.from(bad), Buffer.from(text.slice(cut))]));
    }),
    fc.string({ maxLength: 200 }).map((text) => make("truncated json", utf8(JSON.stringify(valid()).slice(0, 50 + text.length)))),
    // Right body, wrong content type.
    fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "").map((type) =>
      make(`content-type "${type}"`, utf8(JSON.stringify(valid())), type ? { "content-type": type } : {}),
    ),
    // Bigger than the limit.
    fc.integer({ min: 256 * 1024 + 1, max: 2 * 1024 * 1024 }).map((size) => make("oversized", utf8(JSON.stringify({ ...valid(), padding: "p".repeat(size) })))),
    // Valid order, wrong or missing credentials.
    fc.string({ minLength: 1, maxLength: 60 }).map((key) => make("wrong api key", utf8(JSON.stringify({ ...valid(), auth: { api_id: world.auth.api_id, api_key: `${key}x` } })))),
    fc.constant(make("no credentials", utf8(JSON.stringify({ ...valid(), auth: undefined })))),
  );
}

function callbackCases(world: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const make = (kind: string, body: Uint8Array, headers: Record<string, string>, processor = world.processorCode): FuzzCase => ({ target: "callback", kind, processor, headers, body });
  const signed = (body: Uint8Array) => ({ ...JSON_TYPE, ...signedHeaders(world.webhookSecret, new TextDecoder().decode(body)) });
  const anyBody = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => utf8(JSON.stringify(v ?? null))),
    fc.uint8Array({ maxLength: 1_000 }),
    fc.record({ type: fc.string({ maxLength: 30 }), id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), data: fc.jsonValue({ maxDepth: 2 }) }).map((v) => utf8(JSON.stringify(v))),
    fc.integer({ min: 10, max: 600 }).map((d) => utf8(JSON.stringify(deepNest(d, d % 2 === 0)))),
    fc.integer({ min: 1_000, max: 50_000 }).map((d) => utf8("[".repeat(d) + "]".repeat(d))),
  );
  return fc.oneof(
    // Unsigned, or signed with a wrong secret, a stale timestamp or garbage headers.
    anyBody.map((body) => make("unsigned", body, JSON_TYPE)),
    fc.tuple(anyBody, fc.string({ minLength: 1, maxLength: 40 })).map(([body, secret]) =>
      make("wrong secret", body, { ...JSON_TYPE, ...signedHeaders(`${secret}!`, new TextDecoder().decode(body)) }),
    ),
    anyBody.map((body) => make("stale timestamp", body, { ...JSON_TYPE, ...signedHeaders(world.webhookSecret, new TextDecoder().decode(body), new Date(Date.now() - 3_600_000)) })),
    fc.tuple(anyBody, fc.string({ maxLength: 80 }), fc.string({ maxLength: 20 })).map(([body, signature, timestamp]) =>
      make("garbage signature", body, { ...JSON_TYPE, [SIGNATURE_HEADER]: signature.replace(/[\r\n]/g, ""), [TIMESTAMP_HEADER]: timestamp.replace(/[\r\n]/g, "") }),
    ),
    // Correctly signed, but not an event this processor sends.
    anyBody.map((body) => make("signed garbage", body, signed(body))),
    // Unknown or malformed processor code; oversized bodies.
    fc.tuple(fc.string({ maxLength: 50 }), anyBody).map(([code, body]) => make("unknown processor", body, signed(body), `${code.replace(/[^a-z0-9_-]/gi, "")}zz`)),
    fc.integer({ min: 64 * 1024 + 1, max: 1024 * 1024 }).map((size) => {
      const body = utf8(JSON.stringify({ padding: "p".repeat(size) }));
      return make("oversized", body, signed(body));
    }),
  );
}

export function fuzzCases(world: FuzzWorld): fc.Arbitrary<FuzzCase> {
  return fc.oneof({ weight: 3, arbitrary: ordersCases(world) }, { weight: 2, arbitrary: callbackCases(world) });
}

/** A shop with credentials, an EUR rate and a signature-checking processor, as the fuzz cases expect. */
export async function prepareFuzzWorld(db: Db): Promise<FuzzWorld> {
  const shop = await createTestShop(db);
  await insertFxRate(db, "EUR", "1.1");
  const webhookSecret = "whsec_fuzz_0001";
  const processor = await createProcessor(
    db,
    {
      code: "fuzzpay",
      name: "Fuzz sandbox",
      adapter: "sandbox",
      methods: ["credit_card"],
      priority: 10,
      feeBasisPoints: 0,
      feeFixedMinor: 0,
      settings: { baseUrl: "http://127.0.0.1:9", callbackUrl: "http://127.0.0.1:9/api/callbacks/fuzzpay" },
      credentials: { apiKey: "sk_fuzz_0001", webhookSecret },
    },
    TEST_ENCRYPTION_KEY,
  );
  return { auth: shop.auth, processorCode: processor.code, webhookSecret };
}

export interface FuzzAnswer {
  status: number;
  error: string;
}

const ordersLimiter = new RateLimiter(1e9, 1e9);

/** Sends one case through the real route handler, as Next would call it. */
export async function sendFuzzCase(db: Db, c: FuzzCase): Promise<FuzzAnswer> {
  const path = c.target === "orders" ? "/api/orders" : `/api/callbacks/${encodeURIComponent(c.processor)}`;
  const request = new Request(`http://fuzz.test${path}`, { method: "POST", headers: c.headers, body: c.body.byteLength ? Buffer.from(c.body) : null });
  const response =
    c.target === "orders"
      ? await handleCreateOrder(request, { db, encryptionKey: TEST_ENCRYPTION_KEY, rateLimiter: ordersLimiter })
      : await handleProcessorCallback(request, c.processor, { db, encryptionKey: TEST_ENCRYPTION_KEY });
  const text = await response.text();
  let error = "";
  try {
    const body = JSON.parse(text) as { error?: unknown };
    error = typeof body.error === "string" ? body.error : "";
  } catch {
    error = "";
  }
  return { status: response.status, error };
}

/** Row counts of every table of the public schema, to prove a run wrote nothing. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((r) => r.table_name);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ n: number | string }>(await db.execute(sql.raw(`select count(*) as n from "${table}"`)));
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]).map((t) => `${t}: ${before[t] ?? 0} → ${after[t] ?? 0}`);
}

export interface FuzzReport {
  runs: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  bad: Array<{ kind: string; target: FuzzTarget; status: number; error: string }>;
  changed: string[];
}

/** Runs `runs` generated cases; a case is bad unless it got a 4xx with an error message. */
export async function runFuzz(db: Db, world: FuzzWorld, runs: number, seed?: number): Promise<FuzzReport> {
  const before = await rowCounts(db);
  const report: FuzzReport = { runs: 0, byStatus: {}, byKind: {}, bad: [], changed: [] };
  await fc.assert(
    fc.asyncProperty(fuzzCases(world), async (c) => {
      const answer = await sendFuzzCase(db, c);
      report.runs += 1;
      report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
      const kind = `${c.target}: ${c.kind.startsWith("field ") ? "field" : c.kind}`;
      report.byKind[kind] = (report.byKind[kind] ?? 0) + 1;
      if (answer.status < 400 || answer.status > 499 || !answer.error) report.bad.push({ kind: c.kind, target: c.target, status: answer.status, error: answer.error });
      return true;
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  report.changed = changedTables(before, await rowCounts(db));
  return report;
}
