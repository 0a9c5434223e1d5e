import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mailMessages, payments, shops, users } from "@/db/schema";
import { runDueJobs } from "@/server/jobs/worker";
import { statusEmailHandler } from "@/server/domain/email/send-status-email";
import { paymentChargeHandler, PAYMENT_CHARGE_TOPIC } from "@/server/domain/payments/charge-job";
import { hashApiKey } from "@/server/domain/shops/shops";
import { mailboxTransport } from "@/server/integrations/mail/transport";
import { SANDBOX_CARDS } from "@/server/integrations/payments/sandbox/test-cards";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeUser, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { createTestShop, orderBody, orderDeps, postOrder, TEST_CARD, withField, type TestShop } from "../helpers/order-fixtures";
import { ACCOUNTS, startPaymentsWorld, type PaymentsWorld } from "../helpers/payments-fixtures";
import { scanDatabase, scanText, textColumns } from "../helpers/secret-scan";

/**
 * After a run of card orders through the API (accepted, refused, charged at the sandbox gateway,
 * e-mailed), no full card number or CVV is in any text column of any table or in anything the
 * server logged; API keys, processor secrets and passwords are stored only as hashes or sealed.
 */
const PANS = [TEST_CARD.pan, SANDBOX_CARDS.softDecline, SANDBOX_CARDS.insufficientFunds];
const CVV = TEST_CARD.cvv;
const PASSWORD = "Correct-Horse-4711";

let t: TestDatabase;
let shop: TestShop;
let world: PaymentsWorld;
const logged: string[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  shop = await createTestShop(t.db);
  world = await startPaymentsWorld(t.db);
  await makeUser(t.db, { role: "manager", password: PASSWORD });
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" ")));
  }

  const deps = orderDeps(t.db);
  const card = (pan: string) => withField(orderBody({ auth: shop.auth, currency: "USD" }), "payment.card_number", pan);
  for (const pan of PANS) expect((await postOrder(deps, card(pan))).status).toBe(201);
  // Refused card orders: a bad number (Luhn), an expired card, a broken field next to the card.
  expect((await postOrder(deps, withField(card(TEST_CARD.pan), "payment.card_number", "4111111111111112"))).status).toBe(422);
  expect((await postOrder(deps, withField(card(TEST_CARD.pan), "payment.card_expire_year", "2001"))).status).toBe(422);
  expect((await postOrder(deps, withField(card(TEST_CARD.pan), "customer.email", "not-an-email"))).status).toBe(422);
  // A failing database mid-order: the handler logs the error, never the request.
  const broken = new Proxy(t.db, { get: (target, key) => (key === "transaction" ? () => Promise.reject(new Error("connection reset")) : Reflect.get(target, key)) });
  expect((await postOrder(orderDeps(broken), card(TEST_CARD.pan))).status).toBe(500);

  // The worker: charges (the CVV goes to the gateway from memory) and the "order received" e-mails.
  const handlers = {
    [PAYMENT_CHARGE_TOPIC]: paymentChargeHandler({ encryptionKey: TEST_ENCRYPTION_KEY }),
    "email.order_status": statusEmailHandler({ transport: mailboxTransport, from: "T3 <no-reply@t3.test>" }),
  };
  for (let i = 0; i < 10 && (await runDueJobs(t.db, handlers)) > 0; i++);
}, 60_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await world?.close();
  await t?.destroy();
});

describe("card data at rest and in logs", () => {
  it("no full card number and no CVV in any text column of any table", async () => {
    const scan = await scanDatabase(t.db, { pans: PANS, cvvs: [CVV] });
    expect(scan.findings).toEqual([]);
    // The scan read the run's data: many columns, and the sealed cards, payments and e-mails are there.
    expect(scan.columns).toBeGreaterThan(100);
    expect(scan.values).toBeGreaterThan(200);
    const columns = (await textColumns(t.db)).map((c) => `${c.table}.${c.column}`);
    expect(columns).toEqual(expect.arrayContaining(["orders.card_sealed", "mail_messages.html", "order_events.data", "outbox.payload"]));
    expect((await t.db.select().from(payments)).length).toBeGreaterThanOrEqual(3);
    expect((await t.db.select().from(mailMessages)).length).toBeGreaterThanOrEqual(3);
  });

  it("no full card number and no CVV in anything logged during the run", () => {
    expect(logged.some((line) => /order intake failed/.test(line))).toBe(true);
    const findings = logged.flatMap((line, i) => scanText(`log ${i}`, line, { pans: PANS, cvvs: [CVV] }));
    expect(findings).toEqual([]);
  });
});

describe("credentials only as hashes", () => {
  it("passwords: argon2id hashes, the password itself nowhere", async () => {
    const rows = await t.db.select({ hash: users.passwordHash }).from(users);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect((await scanDatabase(t.db, { pans: [], cvvs: [PASSWORD] })).findings.filter((f) => f.what.includes(PASSWORD))).toEqual([]);
  });

  it("shop API keys: SHA-256 only (with a 7-character prefix for recognition); processor keys and webhook secrets sealed", async () => {
    const [row] = await t.db.select().from(shops).where(eq(shops.id, shop.shop.id));
    expect(row?.apiKeyHash).toBe(hashApiKey(shop.auth.api_key));
    expect(row?.apiKeyPrefix.length).toBeLessThanOrEqual(8);
    const secrets = [shop.auth.api_key, ACCOUNTS.alpha.apiKey, ACCOUNTS.alpha.webhookSecret, ACCOUNTS.beta.apiKey, ACCOUNTS.beta.webhookSecret];
    const scan = await scanDatabase(t.db, { pans: [], cvvs: secrets });
    expect(scan.findings.filter((f) => secrets.some((s) => f.what.includes(s)))).toEqual([]);
  });
});
