import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, ledgerEntries, processors } from "@/db/schema";
import { ROLES, type Role } from "@/server/auth/roles";
import { processorCredentials } from "@/server/domain/payments/processors";
import { callerFor, makeUser, sessionFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { outcomeOf, trpcError } from "../helpers/errors";
import { createTestShop, orderBody, orderDeps, placeOrder } from "../helpers/order-fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let admin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  t = await createTestDatabase();
  const user = await makeUser(t.db, { role: "admin" });
  admin = callerFor(t.db, await sessionFor(t.db, user.id));
});
afterAll(async () => {
  await t?.destroy();
});

const base = {
  name: "CardPay EU",
  adapter: "sandbox" as const,
  methods: ["credit_card" as const],
  currencies: ["EUR"],
  dailyCapUsdMinor: 500_000,
  settings: { baseUrl: "http://127.0.0.1:9", callbackUrl: "http://127.0.0.1:3000/api/callbacks/x" },
};

async function storedCredentials(id: string) {
  const [row] = await t.db.select().from(processors).where(eq(processors.id, id));
  if (!row) throw new Error("no processor");
  return processorCredentials(row, [TEST_ENCRYPTION_KEY]);
}

describe("processors admin (payments router)", () => {
  it("creates a processor with a webhook secret made by the CRM, returned once and never listed", async () => {
    const { processor, webhookSecret } = await admin.payments.createProcessor({ ...base, code: "cardpay-eu", credentials: { apiKey: "sk_live_typed" }, generateWebhookSecret: true });
    expect(webhookSecret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(processor).toMatchObject({ code: "cardpay-eu", hasCredentials: true });
    expect(processor).not.toHaveProperty("credentialsSealed");
    expect(await storedCredentials(processor.id)).toEqual({ apiKey: "sk_live_typed", webhookSecret });

    const listed = JSON.stringify([await admin.payments.processorOverview(), await admin.payments.listProcessors()]);
    expect(listed).not.toContain(webhookSecret);
    expect(listed).not.toContain("sk_live_typed");
    expect(listed).not.toContain("credentialsSealed");
  });

  it("without generateWebhookSecret returns no secret and stores only what was typed", async () => {
    const { processor, webhookSecret } = await admin.payments.createProcessor({ ...base, code: "typed", credentials: { apiKey: "k1", webhookSecret: "whsec_typed" } });
    expect(webhookSecret).toBeNull();
    expect(await storedCredentials(processor.id)).toEqual({ apiKey: "k1", webhookSecret: "whsec_typed" });
  });

  it("an edit that types only a new API key keeps the webhook secret; blank values change nothing", async () => {
    const { processor } = await admin.payments.createProcessor({ ...base, code: "merge-me", credentials: { apiKey: "old", webhookSecret: "whsec_keep" } });
    await admin.payments.updateProcessor({ id: processor.id, credentials: { apiKey: "new", webhookSecret: "" } });
    expect(await storedCredentials(processor.id)).toEqual({ apiKey: "new", webhookSecret: "whsec_keep" });
    await admin.payments.updateProcessor({ id: processor.id, name: "Renamed", credentials: { apiKey: " " } });
    expect(await storedCredentials(processor.id)).toEqual({ apiKey: "new", webhookSecret: "whsec_keep" });
  });

  it("rotates the webhook secret (shown once) and keeps the API key; a manual processor has none to rotate", async () => {
    const { processor } = await admin.payments.createProcessor({ ...base, code: "rotate-me", credentials: { apiKey: "keep-me", webhookSecret: "whsec_old" } });
    const rotated = await admin.payments.rotateWebhookSecret({ id: processor.id });
    expect(rotated.webhookSecret).toMatch(/^whsec_/);
    expect(await storedCredentials(processor.id)).toEqual({ apiKey: "keep-me", webhookSecret: rotated.webhookSecret });

    const { processor: manual } = await admin.payments.createProcessor({ ...base, adapter: "manual", code: "offline" });
    expect((await trpcError(admin.payments.rotateWebhookSecret({ id: manual.id }))).code).toBe("PRECONDITION_FAILED");
    expect((await trpcError(admin.payments.rotateWebhookSecret({ id: "00000000-0000-4000-8000-000000000000" }))).code).toBe("NOT_FOUND");
  });

  it("shows today's and this month's approved volume from the ledger beside the caps", async () => {
    const { processor } = await admin.payments.createProcessor({ ...base, code: "volume" });
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
    const testShop = await createTestShop(t.db);
    const order = () => placeOrder(orderDeps(t.db), orderBody({ auth: testShop.auth, currency: "USD" }));
    const [a, b, c] = [await order(), await order(), await order()];
    const entry = (orderId: string, kind: "sale" | "processor_fee", usdMinor: number, createdAt: Date) => ({ orderId, kind, amountMinor: usdMinor, usdMinor, currency: "USD", processorId: processor.id, createdAt });
    await t.db.insert(ledgerEntries).values([
      entry(a, "sale", 10_000, now),
      entry(a, "processor_fee", -300, now),
      entry(b, "sale", 2_500, now),
      entry(c, "sale", 99_999, lastMonth),
    ]);
    const row = (await admin.payments.processorOverview()).find((p) => p.id === processor.id);
    expect(row?.volume.dayUsdMinor).toBe(12_500);
    expect(row?.volume.monthUsdMinor).toBeGreaterThanOrEqual(12_500);
    expect(row?.volume.monthUsdMinor).toBeLessThan(99_999);
    expect(row?.dailyCapUsdMinor).toBe(500_000);
  });

  it("re-enabling an automatically switched-off processor clears the switch-off and the failure count", async () => {
    const { processor } = await admin.payments.createProcessor({ ...base, code: "flaky" });
    await t.db.update(processors).set({ consecutiveFailures: 5, autoDisabledAt: new Date(), autoDisabledReason: "5 technical failures in a row" }).where(eq(processors.id, processor.id));
    const shown = (await admin.payments.processorOverview()).find((p) => p.id === processor.id);
    expect(shown).toMatchObject({ consecutiveFailures: 5, autoDisabledReason: "5 technical failures in a row" });
    const enabled = await admin.payments.updateProcessor({ id: processor.id, isEnabled: true });
    expect(enabled).toMatchObject({ isEnabled: true, autoDisabledAt: null, autoDisabledReason: null, consecutiveFailures: 0 });
    const off = await admin.payments.updateProcessor({ id: processor.id, isEnabled: false });
    expect(off.isEnabled).toBe(false);
  });

  it("refuses bad input with the field at fault and a duplicate code with CONFLICT", async () => {
    expect((await trpcError(admin.payments.createProcessor({ ...base, code: "x" }))).code).toBe("BAD_REQUEST");
    expect((await trpcError(admin.payments.createProcessor({ ...base, code: "ok-code", methods: [] }))).code).toBe("BAD_REQUEST");
    const conflict = await trpcError(admin.payments.createProcessor({ ...base, code: "cardpay-eu" }));
    expect(conflict.code).toBe("CONFLICT");
  });

  it("writes audit entries naming fields and credential keys, never their values", async () => {
    const rows = await t.db.select().from(auditLog);
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["processor.create", "processor.update", "processor.rotate_webhook_secret"]));
    const text = JSON.stringify(rows);
    for (const secret of ["sk_live_typed", "whsec_keep", "keep-me", "whsec_typed"]) expect(text).not.toContain(secret);
  });
});

describe("only admins manage processors", () => {
  const calls = (caller: ReturnType<typeof callerFor>, id: string) => ({
    processorOverview: () => caller.payments.processorOverview(),
    listProcessors: () => caller.payments.listProcessors(),
    createProcessor: () => caller.payments.createProcessor({ ...base, code: `nope-${Math.random().toString(36).slice(2, 8)}`, generateWebhookSecret: true }),
    updateProcessor: () => caller.payments.updateProcessor({ id, isEnabled: false }),
    rotateWebhookSecret: () => caller.payments.rotateWebhookSecret({ id }),
  });

  it.each(ROLES.filter((r): r is Exclude<Role, "admin"> => r !== "admin"))("%s is refused every processors procedure", async (role) => {
    const { processor } = await admin.payments.createProcessor({ ...base, code: `guarded-${role.replace("_", "-")}` });
    const user = await makeUser(t.db, { role });
    const caller = callerFor(t.db, await sessionFor(t.db, user.id));
    for (const [name, call] of Object.entries(calls(caller, processor.id))) {
      expect([name, await outcomeOf(call())]).toEqual([name, "FORBIDDEN"]);
    }
    const [row] = await t.db.select().from(processors).where(eq(processors.id, processor.id));
    expect(row?.isEnabled).toBe(true);
  });

  it("an anonymous caller is refused too", async () => {
    const anonymous = callerFor(t.db, null);
    for (const [name, call] of Object.entries(calls(anonymous, "00000000-0000-4000-8000-000000000000"))) {
      expect([name, await outcomeOf(call())]).toEqual([name, "UNAUTHORIZED"]);
    }
  });
});
