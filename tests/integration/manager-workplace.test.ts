import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, b2bOrders, claims, companies, companyBalances, companyMembers, mailMessages, notifications, outbox, regions, pushSubscriptions, quotes, registrationApplications, smsMessages, users } from "@/db/schema";
import type { Role } from "@/server/auth/roles";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { notificationEmailHandler, notificationSmsHandler } from "@/server/domain/notifications/channel-jobs";
import { notify } from "@/server/domain/notifications/notify";
import { handleStatisticsExport } from "@/server/http/statistics-export";
import { stubSmsProvider } from "@/server/integrations/sms/sms-provider";
import type { MailTransport } from "@/server/integrations/mail/transport";
import { runDueJobs } from "@/server/jobs/worker";
import { outcomeOf } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
type Who = "admin" | "director" | "headA" | "headB" | "m1" | "m2" | "m3" | "buyer";
const s = {} as Record<Who, ActiveSession>;
const as = (who: Who) => callerFor(t.db, s[who]);
const company = {} as Record<"c1" | "c2" | "c3" | "cHeadA" | "cNone", string>;
const order = {} as Record<"o1" | "o3", string>;
let seq = 0;

const sentMail: Array<{ to: string; subject: string }> = [];
const transport: MailTransport = {
  name: "mailbox",
  async send(message) {
    sentMail.push({ to: message.to, subject: message.subject });
    return { providerId: `test-${sentMail.length}` };
  },
};

async function insertCompany(name: string, managerId: string | null) {
  seq += 1;
  const [row] = await t.db.insert(companies).values({ name, inn: "7736207543", kpp: `7704${String(seq).padStart(5, "0")}`, managerId }).returning({ id: companies.id });
  return row!.id;
}
async function insertOrder(companyId: string, totalMinor: number) {
  seq += 1;
  const [row] = await t.db.insert(b2bOrders).values({ number: `T-${Date.now().toString(36)}-${seq}`, companyId, currency: "RUB", totalMinor, buyerId: s.buyer.user.id }).returning({ id: b2bOrders.id });
  return row!.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const make = async (role: Role, extra: Partial<typeof users.$inferInsert> = {}) => sessionFor(t.db, (await makeUser(t.db, { role, ...extra })).id);
  s.admin = await make("admin");
  s.director = await make("director");
  s.headA = await make("head_manager");
  s.headB = await make("head_manager");
  s.m1 = await make("manager", { supervisorId: s.headA.user.id });
  s.m2 = await make("manager", { supervisorId: s.headA.user.id });
  s.m3 = await make("manager", { supervisorId: s.headB.user.id });
  s.buyer = await make("buyer", { phone: "79990001122" });
  company.c1 = await insertCompany("ООО Первая", s.m1.user.id);
  company.c2 = await insertCompany("ООО Вторая", s.m2.user.id);
  company.c3 = await insertCompany("ООО Третья", s.m3.user.id);
  company.cHeadA = await insertCompany("ООО Головная", s.headA.user.id);
  company.cNone = await insertCompany("ООО Ничья", null);
  await t.db.insert(companyMembers).values([
    { userId: s.buyer.user.id, companyId: company.c1, accessLevel: 3, isOwner: true, isDefault: true },
  ]);
  await t.db.insert(companyBalances).values({ companyId: company.c1, debtMinor: 150_000, overdueDebtMinor: 50_000, creditLimitMinor: 1_000_000 });
  order.o1 = await insertOrder(company.c1, 120_000);
  order.o3 = await insertOrder(company.c3, 990_000);
});
afterAll(async () => {
  await t.destroy();
});

describe("hierarchy: who sees which companies", () => {
  const listed = async (who: Who) => (await as(who).companies.list({ pageSize: 100 })).rows.map((r) => r.id);
  const workplace = async (who: Who) => (await as(who).workplace.companies({})).companies.map((r) => r.id);

  it("a manager sees only his own companies, by list and by id", async () => {
    for (const ids of [await listed("m1"), await workplace("m1")]) expect(ids.sort()).toEqual([company.c1]);
    expect(await outcomeOf(as("m1").companies.get({ id: company.c2 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(as("m1").companies.get({ id: company.c3 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(as("m1").companies.members({ companyId: company.c2 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(as("m1").companies.get({ id: company.c1 }))).toBe("OK");
  });

  it("a head sees his team's and his own companies but not another head's team's", async () => {
    const expected = [company.c1, company.c2, company.cHeadA].sort();
    for (const ids of [await listed("headA"), await workplace("headA")]) expect(ids.sort()).toEqual(expected);
    expect(await outcomeOf(as("headA").companies.get({ id: company.c3 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(as("headA").companies.members({ companyId: company.c3 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(as("headA").companies.get({ id: company.cNone }))).toBe("NOT_FOUND");
    expect((await listed("headB")).sort()).toEqual([company.c3]);
  });

  it("directors and admins see every company", async () => {
    for (const who of ["director", "admin"] as const) expect(await listed(who)).toEqual(expect.arrayContaining(Object.values(company)));
  });

  it("company users: listed only within scope", async () => {
    const members = await as("m1").companies.members({ companyId: company.c1 });
    expect(members.map((m) => m.userId)).toEqual([s.buyer.user.id]);
    expect(await outcomeOf(as("m3").companies.members({ companyId: company.c1 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(as("m3").workplace.setMemberActive({ companyId: company.c1, userId: s.buyer.user.id, active: false }))).toBe("NOT_FOUND");
  });

  it("B2B orders: by list and by id within scope", async () => {
    const ids = async (who: Who) => (await as(who).ordering.staffOrders({ pageSize: 100 })).rows.map((r) => r.id);
    expect(await ids("m1")).toEqual([order.o1]);
    expect(await ids("m2")).toEqual([]);
    expect(await ids("headA")).toEqual([order.o1]);
    expect(await ids("headB")).toEqual([order.o3]);
    expect((await ids("director")).sort()).toEqual([order.o1, order.o3].sort());
    expect(await outcomeOf(as("m1").ordering.staffOrder({ orderId: order.o3 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(as("headA").ordering.staffOrder({ orderId: order.o3 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(as("headB").ordering.staffOrder({ orderId: order.o3 }))).toBe("OK");
  });

  it("the workplace shows the balance, last order, open orders and open quotes and claims", async () => {
    const before = (await as("m1").workplace.companies({})).companies[0]!;
    expect(before).toMatchObject({ debtMinor: 150_000, overdueDebtMinor: 50_000, creditLimitMinor: 1_000_000, lastOrderTotalMinor: 120_000, openOrders: 1 });
    expect(before.lastOrderAt).not.toBeNull();
    const quotesBefore = { m1: (await as("m1").statistics.sales({})).quotes.count, director: (await as("director").statistics.sales({})).quotes.count };
    const day = 86_400_000;
    // Open: requested, and sent while still valid. Not open: accepted, and sent but run out.
    await t.db.insert(quotes).values([
      { number: "Q-T-1", companyId: company.c1, status: "requested", currency: "RUB" },
      { number: "Q-T-2", companyId: company.c1, status: "sent", currency: "RUB", validUntil: new Date(Date.now() + day) },
      { number: "Q-T-3", companyId: company.c1, status: "sent", currency: "RUB", validUntil: new Date(Date.now() - day) },
      { number: "Q-T-4", companyId: company.c1, status: "accepted", currency: "RUB" },
      { number: "Q-T-5", companyId: company.c3, status: "requested", currency: "RUB" },
    ]);
    await t.db.insert(claims).values([
      { number: "C-T-1", kind: "claim", companyId: company.c1, orderId: order.o1, reason: "damaged", status: "in_work" },
      { number: "C-T-2", kind: "return", companyId: company.c1, orderId: order.o1, reason: "wrong item", status: "closed", resolution: "refunded" },
    ]);
    const after = (await as("m1").workplace.companies({})).companies[0]!;
    expect(after).toMatchObject({ id: company.c1, openQuotes: before.openQuotes + 2, openClaims: before.openClaims + 1 });
    // The statistics count every quote of the scope made in the range: m1 sees c1's four, the director c3's too.
    expect((await as("m1").statistics.sales({})).quotes.count - quotesBefore.m1).toBe(4);
    expect((await as("director").statistics.sales({})).quotes.count - quotesBefore.director).toBe(5);
  });
});

describe("assignment", () => {
  it("a head assigns within his team only; a manager cannot reassign", async () => {
    const current = await as("headA").companies.get({ id: company.c2 });
    const base = { id: company.c2, name: current.name, inn: current.inn, kpp: current.kpp ?? undefined, status: current.status };
    expect(await outcomeOf(as("headA").companies.update({ ...base, managerId: s.m3.user.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(as("headA").companies.update({ ...base, managerId: s.m1.user.id }))).toBe("OK");
    expect((await as("m1").companies.get({ id: company.c2 })).managerId).toBe(s.m1.user.id);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "company.update"), eq(auditLog.targetId, company.c2)));
    expect(audit?.details).toMatchObject({ before: { managerId: s.m2.user.id }, after: { managerId: s.m1.user.id } });
  });

  it("a new company of a region gets the region's manager", async () => {
    const [region] = await t.db.insert(regions).values({ code: `r${Date.now().toString(36)}`, name: "Урал" }).returning();
    expect(await outcomeOf(as("m1").workplace.setRegionManager({ regionId: region!.id, managerId: s.m1.user.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(as("headB").workplace.setRegionManager({ regionId: region!.id, managerId: s.m1.user.id }))).toBe("FORBIDDEN");
    await as("headA").workplace.setRegionManager({ regionId: region!.id, managerId: s.m2.user.id });
    const created = await as("admin").companies.create({ name: "ООО Уральская", inn: "7707083893", kpp: "773601001", regionId: region!.id });
    expect(created.managerId).toBe(s.m2.user.id);
    const list = await as("admin").workplace.regionManagers();
    expect(list.find((r) => r.regionId === region!.id)?.managerId).toBe(s.m2.user.id);
  });
});

describe("notify() and the matrix", () => {
  it("writes in-app rows and channel jobs by the seed's defaults, the admin's change and the user's choice", async () => {
    const before = await t.db.select({ id: outbox.id }).from(outbox);
    // Earlier steps (company assignments) may have told m1 already: count from here.
    const m1Unread = (await as("m1").notifications.bell()).unread;
    // order.status_changed: client SMS + push (+ in-app); staff in-app only. Push goes to browsers, so the buyer has switched it on in one.
    await t.db.insert(pushSubscriptions).values({ userId: s.buyer.user.id, endpoint: "https://push.example.com/sub/buyer-1", p256dh: "p".repeat(87), auth: "a".repeat(22) });
    await t.db.transaction((tx) => notify(tx, { event: "order.status_changed", userIds: [s.buyer.user.id, s.m1.user.id], title: { en: "Order shipped", ru: "Заказ отгружен" }, link: "/b2b/orders" }));
    const jobs = (await t.db.select().from(outbox)).filter((j) => !before.some((b) => b.id === j.id));
    expect(jobs.map((j) => j.topic).sort()).toEqual(["notification.push", "notification.sms"]);
    expect(jobs.every((j) => (j.payload as { userId: string }).userId === s.buyer.user.id)).toBe(true);
    const bellBuyer = await as("buyer").notifications.bell();
    expect(bellBuyer.unread).toBe(1);
    expect((await as("m1").notifications.bell()).unread).toBe(m1Unread + 1);

    // The buyer switches SMS off for this event; the admin switches e-mail on for clients.
    await as("buyer").notifications.setMyPref({ event: "order.status_changed", channel: "sms", enabled: false });
    await as("admin").notifications.setDefault({ event: "order.status_changed", audience: "client", channel: "email", enabled: true });
    const mark = (await t.db.select({ id: outbox.id }).from(outbox)).map((r) => r.id);
    await notify(t.db, { event: "order.status_changed", userIds: [s.buyer.user.id], title: { en: "Delivered", ru: "Доставлен" } });
    const next = (await t.db.select().from(outbox)).filter((j) => !mark.includes(j.id));
    expect(next.map((j) => j.topic).sort()).toEqual(["notification.email", "notification.push"]);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "notification.default"));
    expect(audit?.details).toMatchObject({ before: { enabled: false }, after: { enabled: true } });
  });

  it("a mandatory cell cannot be switched off; a non-admin cannot change defaults", async () => {
    expect(await outcomeOf(as("buyer").notifications.setMyPref({ event: "password.changed", channel: "sms", enabled: false }))).toBe("FORBIDDEN");
    expect(await outcomeOf(as("director").notifications.setDefault({ event: "password.changed", audience: "client", channel: "sms", enabled: false }))).toBe("FORBIDDEN");
    const prefs = await as("buyer").notifications.myPrefs();
    expect(prefs.audience).toBe("client");
    expect(prefs.events.find((e) => e.event === "password.changed")?.cells.find((c) => c.channel === "sms")).toMatchObject({ enabled: true, locked: true });
  });

  it("the SMS stub records the message and the e-mail job writes a mail row; the bell marks read", async () => {
    const channelHandlers = { "notification.sms": notificationSmsHandler(stubSmsProvider), "notification.email": notificationEmailHandler({ transport, from: "t3@test.local", baseUrl: "http://app.test" }) };
    // Other topics queued by earlier steps have no handler here: they fail into a later retry, so the passes end.
    while ((await runDueJobs(t.db, channelHandlers)) > 0);
    const sms = await t.db.select().from(smsMessages).where(eq(smsMessages.userId, s.buyer.user.id));
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ phone: "79990001122", provider: "stub", status: "sent" });
    expect(sms[0]!.text).toContain("Order shipped");
    expect((await as("admin").notifications.smsLog()).length).toBeGreaterThanOrEqual(1);
    expect(await outcomeOf(as("m1").notifications.smsLog())).toBe("FORBIDDEN");
    const mails = await t.db.select().from(mailMessages).where(eq(mailMessages.kind, "notification"));
    expect(mails.map((m) => m.subject)).toContain("Delivered");

    const bell = await as("buyer").notifications.bell();
    const first = bell.recent[0]!;
    // Another user's id changes nothing.
    await as("m1").notifications.markRead({ id: first.id });
    expect((await as("buyer").notifications.bell()).unread).toBe(bell.unread);
    await as("buyer").notifications.markRead({ id: first.id });
    expect((await as("buyer").notifications.bell()).unread).toBe(bell.unread - 1);
    await as("buyer").notifications.markAllRead();
    expect((await as("buyer").notifications.bell()).unread).toBe(0);
    const rows = await t.db.select().from(notifications).where(eq(notifications.userId, s.buyer.user.id));
    expect(rows.every((r) => r.readAt !== null)).toBe(true);
  });
});

describe("registration applications e-mail the applicant", () => {
  it("accept and reject each queue an e-mail to the applicant", async () => {
    const stamp = Date.now().toString(36);
    const anon = callerFor(t.db, null);
    await anon.companies.register({ name: "Иван", email: `ok-${stamp}@test.local`, companyName: "ООО Заявка", inn: "7707083893", kpp: "773601001" });
    await anon.companies.register({ name: "Пётр", email: `no-${stamp}@test.local`, companyName: "ООО Отказ", inn: "500100732259" });
    const apps = await as("m1").companies.applications({});
    const ok = apps.find((a) => a.email === `ok-${stamp}@test.local`)!;
    const no = apps.find((a) => a.email === `no-${stamp}@test.local`)!;
    await as("m1").companies.approveApplication({ id: ok.id, companyId: company.c1 });
    await as("m1").companies.rejectApplication({ id: no.id, reason: "Не оптовый покупатель" });
    sentMail.length = 0;
    await runDueJobs(t.db, { "notification.email": notificationEmailHandler({ transport, from: "t3@test.local", baseUrl: "http://app.test" }) });
    expect(sentMail).toEqual(expect.arrayContaining([{ to: `ok-${stamp}@test.local`, subject: "Ваша заявка одобрена" }, { to: `no-${stamp}@test.local`, subject: "Ваша заявка отклонена" }]));
    // The mail log shows mail of no order to admins; a manager's log stays limited to his orders' mail.
    const adminLog = await as("admin").emails.log({ search: `no-${stamp}`, page: 1, pageSize: 20 });
    expect(adminLog.rows.map((r) => r.toAddress)).toEqual([`no-${stamp}@test.local`]);
    expect((await as("m1").emails.log({ search: `no-${stamp}`, page: 1, pageSize: 20 })).rows).toEqual([]);
    const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, `no-${stamp}@test.local`));
    expect(mail?.text).toContain("Не оптовый покупатель");
    const [approvedAudit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "registration.approve"), eq(auditLog.targetId, ok.id)));
    expect(approvedAudit?.details).toMatchObject({ before: { status: "pending" }, after: { status: "approved" } });
    const [row] = await t.db.select().from(registrationApplications).where(eq(registrationApplications.id, no.id));
    expect(row?.status).toBe("rejected");
  });
});

describe("sales statistics and audit search", () => {
  it("each sees his scope's figures; the export parses back", async () => {
    const m1 = await as("m1").statistics.sales({});
    expect(m1.orders).toBe(1);
    expect(m1.byCurrency).toEqual([{ currency: "RUB", orders: 1, totalMinor: 120_000, averageCheckMinor: 120_000 }]);
    // Registered in m1's companies: the demo buyer (two orders, one of them in another scope) and the approved applicant (none).
    expect(m1.funnel.map((f) => f.count)).toEqual([2, 1, 1]);
    expect(m1.newUsers).toBe(2);
    const director = await as("director").statistics.sales({});
    expect(director.orders).toBe(2);
    expect(director.perManager.find((m) => m.id === s.m3.user.id)?.totals.RUB).toBe(990_000);
    expect((await as("headB").statistics.sales({})).orders).toBe(1);
    expect(await outcomeOf(as("buyer").statistics.sales({}))).toBe("FORBIDDEN");
    expect(await outcomeOf(as("m1").statistics.sales({ from: "2026-02-01", to: "2026-01-01" }))).toBe("BAD_REQUEST");
    const feed = await as("m1").statistics.feed();
    expect(feed.filter((f) => f.kind === "order").map((f) => f.id)).toEqual([order.o1]);

    const xlsx = await handleStatisticsExport(new Request("http://test/api/statistics/export?format=xlsx"), { db: t.db, session: s.director });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const summary = book.getWorksheet("Summary")!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get("Orders")).toBe(2);
    expect(values.get("Sum RUB")).toBe(11_100);
    const csv = await handleStatisticsExport(new Request("http://test/api/statistics/export?format=csv"), { db: t.db, session: s.m1 });
    expect(await csv.text()).toContain("Orders,1");
    expect((await handleStatisticsExport(new Request("http://test/api/statistics/export?format=pdf"), { db: t.db, session: s.m1 })).status).toBe(400);
  });

  it("the audit log is searchable by actor, action, target and text, for admins and directors only", async () => {
    const byAction = await as("director").audit.search({ action: "company.update" });
    expect(byAction.rows.length).toBeGreaterThanOrEqual(1);
    expect(byAction.rows.every((r) => r.action.startsWith("company.update"))).toBe(true);
    const byText = await as("admin").audit.search({ q: "Не оптовый" });
    expect(byText.rows.map((r) => r.action)).toContain("registration.reject");
    const byTarget = await as("admin").audit.search({ target: `company:${company.c2}` });
    expect(byTarget.rows.every((r) => r.targetId === company.c2)).toBe(true);
    const byActor = await as("admin").audit.search({ actor: s.headA.user.name });
    expect(byActor.rows.every((r) => r.actorId === s.headA.user.id)).toBe(true);
    expect(await outcomeOf(as("headA").audit.search({}))).toBe("FORBIDDEN");
  });
});
