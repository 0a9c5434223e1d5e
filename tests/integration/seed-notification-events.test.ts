import { and, eq, gt, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies, companyMembers, notifications, outbox } from "@/db/schema";
import type { Role } from "@/server/auth/roles";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { createCatalogFixture, type CatalogFixture } from "./catalog-fixtures";

/**
 * Seed 002's notification table names events that happen in the B2B service; each must reach the
 * right people when it happens: order placed, order status changed, documents attached, company
 * and personal manager assigned, password changed, specification recommended by the manager.
 */
let t: TestDatabase;
let cat: CatalogFixture;
const s = {} as Record<"managerA" | "managerB" | "admin" | "buyer" | "colleague", ActiveSession>;
const as = (key: keyof typeof s) => callerFor(t.db, s[key]);
let companyId: string;

/** The bell rows and channel jobs written since `mark` (an outbox id / a time). */
async function since(mark: { outboxId: number; at: Date }) {
  const bell = await t.db.select().from(notifications).where(gt(notifications.createdAt, mark.at));
  const jobs = await t.db.select().from(outbox).where(gt(outbox.id, mark.outboxId));
  return {
    bell: bell.map((n) => ({ event: n.event, userId: n.userId, title: n.title.ru })),
    jobs: jobs.filter((j) => j.topic.startsWith("notification.")).map((j) => ({ topic: j.topic, userId: (j.payload as { userId?: string }).userId, event: (j.payload as { event?: string }).event })),
  };
}
async function mark() {
  const [last] = await t.db.select({ id: max(outbox.id) }).from(outbox);
  const at = new Date();
  await new Promise((r) => setTimeout(r, 5)); // rows of this mark's moment stay before it
  return { outboxId: last?.id ?? 0, at };
}

async function placeOrder(): Promise<string> {
  await as("buyer").ordering.createCart({ name: `N ${crypto.randomUUID().slice(0, 6)}` });
  await as("buyer").ordering.addLine({ variantId: cat.products.P4.variantId, quantity: 1 });
  const result = await as("buyer").ordering.checkout({ deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id });
  return result.orders[0]!.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  cat = await createCatalogFixture(t.db);
  const make = async (role: Role, extra: { phone?: string } = {}) => sessionFor(t.db, (await makeUser(t.db, { role, ...extra })).id);
  s.admin = await make("admin");
  s.managerA = await make("manager");
  s.managerB = await make("manager");
  s.buyer = await make("buyer", { phone: "79990003344" });
  s.colleague = await make("buyer");
  const [company] = await t.db
    .insert(companies)
    .values({ name: "ООО «Гамма»", inn: "7707083893", kpp: "770701001", regionId: cat.regions.moscow.id, legalAddress: "г. Москва", managerId: s.managerA.user.id })
    .returning();
  companyId = company!.id;
  await t.db.insert(companyMembers).values([
    { userId: s.buyer.user.id, companyId, accessLevel: 3, isDefault: true },
    { userId: s.colleague.user.id, companyId, accessLevel: 1, isDefault: true },
  ]);
});
afterAll(async () => {
  await t?.destroy();
});

describe("order events", () => {
  it("a placed order confirms to the buyer (bell, e-mail, SMS) and tells the company's manager (bell)", async () => {
    const m = await mark();
    const orderId = await placeOrder();
    const { bell, jobs } = await since(m);
    expect(bell.filter((n) => n.event === "order.placed").map((n) => n.userId).sort()).toEqual([s.buyer.user.id, s.managerA.user.id].sort());
    expect(bell.find((n) => n.userId === s.buyer.user.id)?.title).toMatch(/^Заказ B2B-\d+ оформлен$/);
    expect(bell.find((n) => n.userId === s.managerA.user.id)?.title).toContain("ООО «Гамма»");
    expect(jobs.filter((j) => j.event === "order.placed").map((j) => `${j.topic}:${j.userId === s.buyer.user.id ? "buyer" : "other"}`).sort()).toEqual(["notification.email:buyer", "notification.sms:buyer"]);
    expect(bell.some((n) => n.userId === s.managerB.user.id)).toBe(false);
    expect(orderId).toBeTruthy();
  });

  it("a status change by the manager reaches the buyer, not the manager who made it; the buyer's own cancel reaches the manager", async () => {
    const orderId = await placeOrder();
    let m = await mark();
    await as("managerA").ordering.staffSetStatus({ orderId, status: "confirmed" });
    const confirmed = await since(m);
    expect(confirmed.bell).toEqual([{ event: "order.status_changed", userId: s.buyer.user.id, title: expect.stringMatching(/^Заказ B2B-\d+ подтверждён$/) as string }]);
    expect(confirmed.jobs.map((j) => j.topic)).toEqual(["notification.sms"]);

    m = await mark();
    await as("buyer").ordering.cancel({ orderId });
    expect((await since(m)).bell).toEqual([{ event: "order.status_changed", userId: s.managerA.user.id, title: expect.stringContaining("отменён") as string }]);
  });

  it("a document attached by staff reaches the buyer with its kind and number", async () => {
    const orderId = await placeOrder();
    const m = await mark();
    await as("managerA").ordering.staffAttachDocument({ orderId, kind: "waybill", number: "ТН-77", fileName: "waybill.pdf", contentBase64: Buffer.from("%PDF-1.4 test").toString("base64") });
    const { bell, jobs } = await since(m);
    expect(bell).toEqual([{ event: "order.documents_attached", userId: s.buyer.user.id, title: expect.stringMatching(/^Заказ B2B-\d+: приложен документ «накладная» № ТН-77$/) as string }]);
    // Seed 002: documents attached go by SMS and e-mail too (push only to subscribed browsers).
    expect(jobs.map((j) => j.topic).sort()).toEqual(["notification.email", "notification.sms"]);
  });
});

describe("company, account and quote events", () => {
  it("a new personal manager is announced to the company's users and to the manager", async () => {
    const m = await mark();
    await as("admin").companies.update({ id: companyId, name: "ООО «Гамма»", inn: "7707083893", kpp: "770701001", managerId: s.managerB.user.id });
    const { bell } = await since(m);
    const assigned = bell.filter((n) => n.event === "company.manager_assigned");
    expect(assigned.map((n) => n.userId).sort()).toEqual([s.buyer.user.id, s.colleague.user.id, s.managerB.user.id].sort());
    expect(assigned.find((n) => n.userId === s.buyer.user.id)?.title).toContain(s.managerB.user.name);
    // Saving the company again without a change announces nothing.
    const again = await mark();
    await as("admin").companies.update({ id: companyId, name: "ООО «Гамма»", inn: "7707083893", kpp: "770701001", managerId: s.managerB.user.id });
    expect((await since(again)).bell).toEqual([]);
    await t.db.update(companies).set({ managerId: s.managerA.user.id }).where(eq(companies.id, companyId));
  });

  it("a password change always reaches its owner, by SMS too for a client (mandatory)", async () => {
    const m = await mark();
    await as("buyer").account.changePassword({ currentPassword: "correct-horse-1", newPassword: "another-horse-22" });
    const { bell, jobs } = await since(m);
    expect(bell).toEqual([{ event: "password.changed", userId: s.buyer.user.id, title: "Ваш пароль изменён" }]);
    expect(jobs.filter((j) => j.topic === "notification.sms" && j.userId === s.buyer.user.id)).toHaveLength(1);
  });

  it("a quote the manager built as the client is a recommended specification; one the buyer asked for is a quote", async () => {
    const sendQuote = async (byStaff: boolean) => {
      await as("buyer").ordering.createCart({ name: `Q ${crypto.randomUUID().slice(0, 6)}` });
      const cart = await as("buyer").ordering.cart({});
      await as("buyer").ordering.addLine({ cartId: cart.id, variantId: cat.products.P4.variantId, quantity: 2 });
      const quote = await as("buyer").quotes.request({ cartId: cart.id });
      if (byStaff) await t.db.execute(`update quotes set created_by_staff_id = '${s.managerA.user.id}' where id = '${quote.id}'`);
      const validUntil = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
      const { lines } = await as("managerA").quotes.byId({ id: quote.id });
      await as("managerA").quotes.update({ id: quote.id, validUntil, lines: lines.map((l) => ({ variantId: l.variantId!, unit: l.unit, quantity: Number(l.quantity), unitMinor: l.unitMinor })) });
      const m = await mark();
      await as("managerA").quotes.send({ id: quote.id });
      return (await since(m)).bell;
    };
    expect(await sendQuote(true)).toEqual([{ event: "specification.recommended", userId: s.buyer.user.id, title: expect.stringMatching(/^Менеджер рекомендует спецификацию Q-\d+$/) as string }]);
    expect(await sendQuote(false)).toEqual([{ event: "quote.sent", userId: s.buyer.user.id, title: expect.stringMatching(/^КП Q-\d+ готово$/) as string }]);
    const bellRows = await t.db.select().from(notifications).where(and(eq(notifications.userId, s.buyer.user.id), eq(notifications.event, "specification.recommended")));
    expect(bellRows).toHaveLength(1);
  });
});
