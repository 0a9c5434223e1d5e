import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, customers, idempotencyKeys, ledgerEntries, orderEvents, orderItems, orders, outbox } from "@/db/schema";
import { open } from "@/server/domain/crypto/secret-box";
import { changeOrderStatus } from "@/server/domain/orders/change-status";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import {
  countRows,
  createTestShop,
  insertFxRate,
  orderBody,
  orderDeps,
  postOrder,
  systemActor,
  tableAsJson,
  TEST_CARD,
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
afterEach(() => {
  vi.restoreAllMocks();
});

const EMAIL = "card.holder@example.com";

/** Values that are random by nature (ids, hashes, ciphertext, times), removed so a short CVV cannot match them by chance. */
function withoutRandomTokens(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
    .replace(/ord_[A-Za-z0-9_-]{22}/g, "<order>")
    .replace(/v1\.[0-9a-f]{8}\.[A-Za-z0-9_.-]+/g, "<sealed>")
    .replace(/\b[0-9a-f]{64}\b/g, "<hash>")
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:\d{2})?|Z)?/g, "<time>");
}

/** Every log line written while `run` runs, with the console silenced. */
async function consoleDuring(run: () => Promise<void>): Promise<{ lines: string[]; errorCalls: number }> {
  const lines: string[] = [];
  const capture = (...args: unknown[]) => {
    lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ""}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
  };
  const error = vi.spyOn(console, "error").mockImplementation(capture);
  for (const method of ["log", "warn", "info", "debug"] as const) vi.spyOn(console, method).mockImplementation(capture);
  await run();
  return { lines, errorCalls: error.mock.calls.length };
}

describe("card data", () => {
  it("stores brand, last four and a sealed blob; the PAN and the CVV are in no column of any table", async () => {
    const result = await postOrder(orderDeps(t.db), orderBody({ auth: shop.auth, email: EMAIL }), { headers: { "idempotency-key": "card-order-1" } });
    expect(result.status).toBe(201);
    const id = result.body.id ?? "";
    await changeOrderStatus(t.db, systemActor(), id, "approved");

    const [order] = await t.db.select().from(orders).where(eq(orders.id, id));
    expect(order?.cardLast4).toBe(TEST_CARD.last4);
    expect(order?.cardBrand).toBe(TEST_CARD.brand);
    expect(order?.cardSealed).toMatch(/^v1\./);

    const sealed = open(order?.cardSealed ?? "", [TEST_ENCRYPTION_KEY]);
    const card: unknown = JSON.parse(sealed);
    expect(card).toEqual({
      pan: TEST_CARD.pan,
      expiryMonth: 12,
      expiryYear: new Date().getUTCFullYear() + 3,
      holder: "John Doe",
      birthday: "01-31-1980",
    });
    expect(sealed).not.toMatch(/cvv/i);
    expect(sealed).not.toContain(TEST_CARD.cvv);

    const tables = { orders, orderItems, orderEvents, outbox, customers, idempotencyKeys, ledgerEntries, auditLog };
    let everything = "";
    for (const [name, table] of Object.entries(tables)) {
      const json = await tableAsJson(t.db, table);
      expect(json, name).not.toContain(TEST_CARD.pan);
      expect(json, name).not.toContain(TEST_CARD.formatted);
      expect(json, name).not.toMatch(/cvv/i);
      everything += json;
    }
    // The dump really holds this order (so the checks above looked at something) ...
    expect(everything).toContain(EMAIL);
    expect(everything).toContain("card-order-1");
    expect(everything).toContain(`visa ••${TEST_CARD.last4}`);
    // ... and, once random ids and times are set aside, no trace of the CVV.
    expect(withoutRandomTokens(everything)).not.toContain(TEST_CARD.cvv);
    expect(await countRows(t.db, idempotencyKeys)).toBe(1);
  });

  it("writes no PAN or CVV to the console or into the answer when a card order is refused", async () => {
    const badLuhn = "4111111111111112";
    const expired = withField(orderBody({ auth: shop.auth }), "payment.card_expire_year", "2020");
    const badNumber = withField(orderBody({ auth: shop.auth }), "payment.card_number", badLuhn);
    const answers: string[] = [];
    const { lines } = await consoleDuring(async () => {
      for (const body of [expired, badNumber]) {
        const result = await postOrder(orderDeps(t.db), body);
        expect(result.status).toBe(422);
        answers.push(JSON.stringify(result.body));
      }
    });
    const output = [...lines, ...answers].join("\n");
    for (const secret of [TEST_CARD.pan, TEST_CARD.formatted, badLuhn, TEST_CARD.cvv]) expect(output).not.toContain(secret);
  });

  it("logs an internal failure without the request: no PAN or CVV, and nothing stored", async () => {
    const before = await countRows(t.db, orders);
    // A wrong-sized key makes sealing the card throw: an unexpected error inside order intake.
    const broken = orderDeps(t.db, { encryptionKey: Buffer.alloc(16, 1) });
    let status = 0;
    let answer = "";
    const { lines, errorCalls } = await consoleDuring(async () => {
      const result = await postOrder(broken, orderBody({ auth: shop.auth }));
      status = result.status;
      answer = JSON.stringify(result.body);
    });
    expect(status).toBe(500);
    expect(answer).toContain("not stored");
    expect(errorCalls).toBeGreaterThan(0);
    const output = [...lines, answer].join("\n");
    expect(output).toContain("[api/orders]");
    for (const secret of [TEST_CARD.pan, TEST_CARD.formatted, TEST_CARD.cvv]) expect(output).not.toContain(secret);
    expect(await countRows(t.db, orders)).toBe(before);
  });
});
