import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processors } from "@/db/schema";
import { demoSandboxAccounts, ensureDemoSandboxProcessors } from "@/db/seed/demo-sandbox";
import { SANDBOX_CARDS } from "@/server/integrations/payments/sandbox/test-cards";
import { startDemoSandbox } from "@/server/integrations/payments/sandbox/demo-sandbox";
import type { SandboxGateway } from "@/server/integrations/payments/sandbox/sandbox-gateway";
import { TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { createTestShop, insertFxRate, orderBody, orderDeps, placeOrder, withField, type TestShop } from "../helpers/order-fixtures";
import { eventsOf, orderRow, runPaymentJobs, startCallbackServer } from "../helpers/payments-fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const AUTH_SECRET = "demo-sandbox-test-secret-0123456789abcdef";
let t: TestDatabase;
let shop: TestShop;
let app: Awaited<ReturnType<typeof startCallbackServer>>;
let gateway: SandboxGateway | null;
const log: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  shop = await createTestShop(t.db);
  app = await startCallbackServer(t.db);
  gateway = await startDemoSandbox(t.db, { authSecret: AUTH_SECRET, encryptionKey: TEST_ENCRYPTION_KEY, port: 0, appBaseUrl: app.url, log: (line) => log.push(line) });
});
afterAll(async () => {
  await gateway?.close();
  await app?.close();
  await t?.destroy();
});

const cardOrder = (pan: string, currency = "USD") => placeOrder(orderDeps(t.db), withField(orderBody({ auth: shop.auth, currency }), "payment.card_number", pan));

describe("the sandbox gateway in demo mode", () => {
  it("starts on loopback, seeds the USD card pair pointed at it and prints the test cards and accounts", async () => {
    expect(gateway?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const rows = await t.db.select().from(processors).orderBy(processors.priority);
    expect(rows.map((r) => [r.code, r.adapter, r.methods, r.currencies, r.priority])).toEqual([
      ["sandbox-a", "sandbox", ["credit_card"], ["USD"], 5],
      ["sandbox-b", "sandbox", ["credit_card"], ["USD"], 6],
    ]);
    expect(rows[0]?.settings).toMatchObject({ baseUrl: gateway?.url, callbackUrl: `${app.url}/api/callbacks/sandbox-a`, demoGateway: "true" });
    const printed = log.join("\n");
    expect(printed).toContain("4111 1111 1111 1111  approved");
    expect(printed).toContain("4000 0000 0000 0002  soft decline at Sandbox Card A");
    for (const account of demoSandboxAccounts(AUTH_SECRET)) expect(printed).toContain(account.apiKey);
    // Once per process: a second call gives the same gateway.
    expect(await startDemoSandbox(t.db, { authSecret: AUTH_SECRET, encryptionKey: TEST_ENCRYPTION_KEY, port: 0, appBaseUrl: app.url, log: () => {} })).toBe(gateway);
  });

  it("approves a USD test card order for real at Sandbox Card A", async () => {
    const id = await cardOrder(SANDBOX_CARDS.approve);
    await runPaymentJobs(t.db);
    const order = await orderRow(t.db, id);
    expect(order.status).toBe("approved");
    const [a] = await t.db.select().from(processors).where(eq(processors.code, "sandbox-a"));
    expect(order.processorId).toBe(a?.id);
  });

  it("cascades a soft decline from A to B, and declines a hard decline", async () => {
    const soft = await cardOrder(SANDBOX_CARDS.softDecline);
    const hard = await cardOrder(SANDBOX_CARDS.insufficientFunds);
    await runPaymentJobs(t.db);
    const [b] = await t.db.select().from(processors).where(eq(processors.code, "sandbox-b"));
    expect(await orderRow(t.db, soft)).toMatchObject({ status: "approved", processorId: b?.id });
    expect((await orderRow(t.db, hard)).status).toBe("declined");
  });

  it("a pending card is approved by the gateway's signed callback", async () => {
    const id = await cardOrder(SANDBOX_CARDS.pending);
    await runPaymentJobs(t.db);
    expect((await orderRow(t.db, id)).status).toBe("pending");
    await new Promise((resolve) => setTimeout(resolve, 3500)); // the demo gateway settles pending cards after ~3 s
    await gateway?.settled();
    expect((await orderRow(t.db, id)).status).toBe("approved");
  });

  it("leaves a card order in another currency Pending, saying no processor takes it (as the e2e suite expects)", async () => {
    await insertFxRate(t.db, "GBP", "1.27");
    const id = await cardOrder(SANDBOX_CARDS.approve, "GBP");
    await runPaymentJobs(t.db);
    expect((await orderRow(t.db, id)).status).toBe("pending");
    expect((await eventsOf(t.db, id)).some((e) => e.type === "error" && (e.message ?? "").includes("does not take GBP"))).toBe(true);
  });

  it("on the next start keeps an admin's switch-off and follows the gateway's new address", async () => {
    const [a] = await t.db.select().from(processors).where(eq(processors.code, "sandbox-a"));
    await t.db.update(processors).set({ isEnabled: false, settings: { ...a!.settings, note: "kept" } }).where(eq(processors.code, "sandbox-a"));
    await ensureDemoSandboxProcessors(t.db, { authSecret: AUTH_SECRET, encryptionKey: TEST_ENCRYPTION_KEY, gatewayUrl: "http://127.0.0.1:4999", appBaseUrl: "http://localhost:3000" });
    const rows = await t.db.select().from(processors).orderBy(processors.priority);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ isEnabled: false, settings: { baseUrl: "http://127.0.0.1:4999", callbackUrl: "http://localhost:3000/api/callbacks/sandbox-a", note: "kept" } });
    expect(rows[1]?.settings.baseUrl).toBe("http://127.0.0.1:4999");
  });
});
