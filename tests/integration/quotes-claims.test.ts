import { and, eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, b2bOrderEvents, b2bOrders, companies, companyBalances, companyMembers, notifications, outbox, quotes, userSessions } from "@/db/schema";
import type { Role } from "@/server/auth/roles";
import { resolveSession, type ActiveSession } from "@/server/domain/auth/sessions";
import { formatAmount } from "@/server/domain/documents/pdf-lines-table";
import { endImpersonation, startImpersonation } from "@/server/domain/impersonation/impersonation";
import { customerPdfFromQuote } from "@/server/domain/quotes/quote-documents";
import { acceptQuote } from "@/server/domain/quotes/quotes";
import { quoteSentEmailHandler } from "@/server/domain/quotes/send-quote-email";
import type { OutgoingMail } from "@/server/integrations/mail/transport";
import { seedDemoQuotesClaims } from "@/db/seed/demo-quotes-claims";
import { trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { createCatalogFixture, type CatalogFixture } from "./catalog-fixtures";

let t: TestDatabase;
let cat: CatalogFixture;
const s = {} as Record<"managerA" | "managerB" | "head" | "otherHead" | "admin" | "buyerA" | "buyerB", ActiveSession>;
const as = (key: keyof typeof s) => callerFor(t.db, s[key]);
const staffActor = (key: keyof typeof s) => ({ id: s[key].user.id, role: s[key].user.role, ip: "127.0.0.1", sessionId: s[key].sessionId });
let companyA: string;
let companyB: string;
let innSeq = 0;

async function makeCompany(name: string, managerId: string) {
  innSeq += 1;
  const [row] = await t.db
    .insert(companies)
    .values({ name, inn: String(7800000000 + innSeq), kpp: "780001001", regionId: cat.regions.moscow.id, legalAddress: "г. Москва", managerId })
    .returning();
  return row!.id;
}

async function makeBuyer(companyId: string) {
  const user = await makeUser(t.db, { role: "buyer" });
  await t.db.insert(companyMembers).values({ userId: user.id, companyId, accessLevel: 3, isDefault: true });
  return sessionFor(t.db, user.id);
}

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** A buyer's cart with two lamps, asked as a quote; the manager prices it and sends it (valid 10 days). */
async function sentQuote(buyer: "buyerA" | "buyerB" = "buyerA", manager: "managerA" | "managerB" = "managerA") {
  const cart = await as(buyer).ordering.createCart({ name: `Q ${crypto.randomUUID().slice(0, 6)}` });
  await as(buyer).ordering.addLine({ cartId: cart.id, variantId: cat.products.P4.variantId, quantity: 2 });
  const quote = await as(buyer).quotes.request({ cartId: cart.id, comment: "Нужна скидка" });
  const validUntil = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const { unit } = (await as(manager).quotes.byId({ id: quote.id })).lines[0]!;
  await as(manager).quotes.update({ id: quote.id, validUntil, terms: "Оплата 100% предоплата", lines: [{ variantId: cat.products.P4.variantId, unit, quantity: 3, unitMinor: 12_345 }] });
  await as(manager).quotes.send({ id: quote.id });
  return quote;
}

beforeAll(async () => {
  t = await createTestDatabase();
  cat = await createCatalogFixture(t.db);
  const make = async (role: Role, supervisorId?: string) => sessionFor(t.db, (await makeUser(t.db, { role, supervisorId })).id);
  s.admin = await make("admin");
  s.head = await make("head_manager");
  s.otherHead = await make("head_manager");
  // A head sees his team's companies: both managers are in his team.
  s.managerA = await make("manager", s.head.user.id);
  s.managerB = await make("manager", s.head.user.id);
  companyA = await makeCompany("ООО «Альфа»", s.managerA.user.id);
  companyB = await makeCompany("ООО «Бета»", s.managerB.user.id);
  s.buyerA = await makeBuyer(companyA);
  s.buyerB = await makeBuyer(companyB);
});
afterAll(async () => {
  await t?.destroy();
});

describe("quotes", () => {
  it("a buyer's request reaches his company's manager, and only him", async () => {
    const cart = await as("buyerA").ordering.createCart({ name: "Запрос КП" });
    await as("buyerA").ordering.addLine({ cartId: cart.id, variantId: cat.products.P4.variantId, quantity: 2 });
    const quote = await as("buyerA").quotes.request({ cartId: cart.id, comment: "Срочно" });
    expect(quote.number).toMatch(/^Q-\d+$/);
    const details = await as("managerA").quotes.byId({ id: quote.id });
    expect(details).toMatchObject({ status: "requested", buyerComment: "Срочно", companyId: companyA, managerId: s.managerA.user.id });
    expect(details.lines).toHaveLength(1);
    expect((await as("managerA").quotes.list({})).map((q) => q.id)).toContain(quote.id);
    // Manager B and the other company's buyer: not in the list, not found by id.
    expect((await as("managerB").quotes.list({})).map((q) => q.id)).not.toContain(quote.id);
    expect((await trpcError(as("managerB").quotes.byId({ id: quote.id }))).code).toBe("NOT_FOUND");
    expect((await trpcError(as("managerB").quotes.update({ id: quote.id, validUntil: "2099-01-01", lines: [{ variantId: cat.products.P4.variantId, unit: details.lines[0]!.unit, quantity: 1, unitMinor: 1 }] }))).code).toBe("NOT_FOUND");
    expect((await trpcError(as("managerB").quotes.send({ id: quote.id }))).code).toBe("NOT_FOUND");
    expect((await as("buyerB").quotes.mine({})).map((q) => q.id)).not.toContain(quote.id);
    expect((await trpcError(as("buyerB").quotes.mineById({ id: quote.id }))).code).toBe("NOT_FOUND");
    // The head of managers and the admin see it.
    expect((await as("head").quotes.list({})).map((q) => q.id)).toContain(quote.id);
    // Another head, whose team serves neither company, sees nothing of it.
    expect((await as("otherHead").quotes.list({})).map((q) => q.id)).not.toContain(quote.id);
    expect((await trpcError(as("otherHead").quotes.byId({ id: quote.id }))).code).toBe("NOT_FOUND");
    expect((await as("admin").quotes.byId({ id: quote.id })).number).toBe(quote.number);
    const [note] = await t.db.select().from(notifications).where(and(eq(notifications.userId, s.managerA.user.id), eq(notifications.event, "quote.requested")));
    expect(note?.link).toBe(`/quotes/${quote.id}`);
  });

  it("the manager edits and sends it: the buyer is notified, an e-mail with the PDF is queued and delivered", async () => {
    const quote = await sentQuote();
    const details = await as("buyerA").quotes.mineById({ id: quote.id });
    expect(details).toMatchObject({ status: "sent", totalMinor: 37_035, terms: "Оплата 100% предоплата" });
    expect(details.lines.map((l) => [l.quantity, l.unitMinor, l.lineTotalMinor])).toEqual([[3, 12_345, 37_035]]);
    const [note] = await t.db.select().from(notifications).where(and(eq(notifications.userId, s.buyerA.user.id), eq(notifications.event, "quote.sent"), eq(notifications.link, `/b2b/quotes/${quote.id}`)));
    expect(note).toBeDefined();
    const jobs = await t.db.select().from(outbox).where(eq(outbox.topic, "email.quote_sent"));
    const job = jobs.find((j) => (j.payload as { quoteId: string }).quoteId === quote.id)!;
    expect(job).toBeDefined();
    const sent: OutgoingMail[] = [];
    const handler = quoteSentEmailHandler({ transport: { name: "mailbox", send: async (mail) => (sent.push(mail), { providerId: "x" }) }, from: "crm@test.local", appBaseUrl: "http://crm.test" });
    await handler(t.db, job, { workerId: "test", now: new Date(), nextRunIfFailed: null });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe(s.buyerA.user.email);
    expect(sent[0]!.html).toContain(`http://crm.test/b2b/quotes/${quote.id}`);
    const attachment = sent[0]!.attachments?.[0];
    expect(attachment?.contentType).toBe("application/pdf");
    const text = await pdfText(attachment!.content);
    expect(text).toContain(`Коммерческое предложение № ${quote.number}`);
    expect(text).toContain(formatAmount(37_035));
  });

  it("refuses to accept an expired quote (the clock decides) and leaves it unordered", async () => {
    const quote = await sentQuote();
    const [row] = await t.db.select().from(quotes).where(eq(quotes.id, quote.id));
    const later = new Date(row!.validUntil!.getTime() + 1000);
    const error = await acceptQuote(t.db, { userId: s.buyerA.user.id }, { id: quote.id, deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id }, later).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PRECONDITION_FAILED", field: "validUntil" });
    expect((await as("buyerA").quotes.mine({ status: "sent" })).map((q) => q.id)).toContain(quote.id);
    expect((await as("buyerA").quotes.mine({ status: "expired" })).map((q) => q.id)).not.toContain(quote.id);
  });

  it("accepting places one order at the quote's prices with the quote marked accepted, in one transaction", async () => {
    const quote = await sentQuote();
    const result = await as("buyerA").quotes.accept({ id: quote.id, deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id });
    expect(result.orders).toHaveLength(1);
    const [order] = await t.db.select().from(b2bOrders).where(eq(b2bOrders.id, result.orders[0]!.id));
    expect(order).toMatchObject({ companyId: companyA, totalMinor: 37_035, buyerId: s.buyerA.user.id });
    const [row] = await t.db.select().from(quotes).where(eq(quotes.id, quote.id));
    expect(row).toMatchObject({ status: "accepted", orderId: order!.id });
    const [event] = await t.db.select().from(b2bOrderEvents).where(eq(b2bOrderEvents.orderId, order!.id));
    expect(event?.details).toMatchObject({ quoteId: quote.id });
    expect((await trpcError(as("buyerA").quotes.accept({ id: quote.id, deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id }))).code).toBe("CONFLICT");
    expect((await t.db.select().from(notifications).where(and(eq(notifications.userId, s.managerA.user.id), eq(notifications.event, "quote.accepted")))).length).toBeGreaterThan(0);
  });

  it("an order the credit rules refuse leaves the quote sent and no order behind", async () => {
    const quote = await sentQuote();
    const ordersBefore = (await t.db.select().from(b2bOrders).where(eq(b2bOrders.companyId, companyA))).length;
    await t.db.insert(companyBalances).values({ companyId: companyA, overdueDebtMinor: 100_000, daysOverdue: 30 }).onConflictDoUpdate({ target: companyBalances.companyId, set: { overdueDebtMinor: 100_000, daysOverdue: 30 } });
    try {
      const error = await trpcError(as("buyerA").quotes.accept({ id: quote.id, deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id }));
      expect(["PRECONDITION_FAILED", "CONFLICT", "BAD_REQUEST"]).toContain(error.code);
    } finally {
      await t.db.update(companyBalances).set({ overdueDebtMinor: 0, daysOverdue: 0 }).where(eq(companyBalances.companyId, companyA));
    }
    expect((await t.db.select().from(b2bOrders).where(eq(b2bOrders.companyId, companyA))).length).toBe(ordersBefore);
    const [row] = await t.db.select().from(quotes).where(eq(quotes.id, quote.id));
    expect(row).toMatchObject({ status: "sent", orderId: null });
  });

  it("lets the buyer decline a sent quote, and a reseller produce its own PDF with its markup", async () => {
    const quote = await sentQuote();
    const pdf = await customerPdfFromQuote(t.db, s.buyerA.user.id, quote.id, { markupPercent: 10, customerName: "ИП Иванов" });
    const text = await pdfText(pdf.content);
    // 12 345 × 1.10 = 13 579.5 → 13 580 per unit; × 3 = 40 740.
    expect(text).toContain(formatAmount(13_580));
    expect(text).toContain(`Итого: ${formatAmount(40_740)}`);
    expect(text).toContain("ИП Иванов");
    expect(text).toContain("ООО «Альфа»");
    await expect(customerPdfFromQuote(t.db, s.buyerB.user.id, quote.id, { markupPercent: 10, customerName: "X" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await as("buyerA").quotes.decline({ id: quote.id });
    expect((await as("buyerA").quotes.mineById({ id: quote.id })).status).toBe("declined");
  });
});

describe("claims", () => {
  async function orderOfA() {
    const quote = await sentQuote();
    const result = await as("buyerA").quotes.accept({ id: quote.id, deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id });
    const orders = await as("buyerA").claims.orders();
    return orders.find((o) => o.id === result.orders[0]!.id)!;
  }

  it("files a claim with lines up to the ordered quantity and a photo; scoped to the company's manager", async () => {
    const order = await orderOfA();
    const line = order.lines[0]!;
    const tooMany = await trpcError(as("buyerA").claims.create({ orderId: order.id, kind: "claim", reason: "Брак", lines: [{ orderLineId: line.id, quantity: line.quantity + 1 }] }));
    expect(tooMany).toMatchObject({ code: "BAD_REQUEST" });
    expect(tooMany.message).toMatch(/At most/);
    const badType = await trpcError(as("buyerA").claims.create({ orderId: order.id, kind: "claim", reason: "Брак", lines: [{ orderLineId: line.id, quantity: 1 }], files: [{ fileName: "x.exe", contentType: "application/x-msdownload" as "image/png", base64: "AAAA" }] }));
    expect(badType.code).toBe("BAD_REQUEST");
    expect((await trpcError(as("buyerB").claims.create({ orderId: order.id, kind: "return", reason: "Чужой", lines: [{ orderLineId: line.id, quantity: 1 }] }))).code).toBe("BAD_REQUEST");

    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").toString("base64");
    const claim = await as("buyerA").claims.create({ orderId: order.id, kind: "return", reason: "Не подошло", description: "Коробка повреждена", lines: [{ orderLineId: line.id, quantity: 1 }], files: [{ fileName: "photo.png", contentType: "image/png", base64: png }] });
    expect(claim.number).toMatch(/^C-\d+$/);
    const seen = await as("managerA").claims.byId({ id: claim.id });
    expect(seen).toMatchObject({ kind: "return", status: "new", reason: "Не подошло" });
    expect(seen.lines.map((l) => [l.quantity, l.ordered])).toEqual([[1, 3]]);
    expect(seen.files.map((f) => f.fileName)).toEqual(["photo.png"]);
    expect((await as("managerA").claims.list({ status: "new" })).map((c) => c.id)).toContain(claim.id);
    expect((await as("managerA").claims.list({ status: "closed" })).map((c) => c.id)).not.toContain(claim.id);
    expect((await as("managerB").claims.list({})).map((c) => c.id)).not.toContain(claim.id);
    expect((await trpcError(as("managerB").claims.byId({ id: claim.id }))).code).toBe("NOT_FOUND");
    expect((await trpcError(as("managerB").claims.setStatus({ id: claim.id, status: "in_work" }))).code).toBe("NOT_FOUND");
    expect((await trpcError(as("buyerB").claims.mineById({ id: claim.id }))).code).toBe("NOT_FOUND");
    expect((await as("buyerB").claims.mine({})).map((c) => c.id)).not.toContain(claim.id);
  });

  it("moves through its statuses with comments both ways; every change notifies the other side and is audited", async () => {
    const order = await orderOfA();
    const claim = await as("buyerA").claims.create({ orderId: order.id, kind: "claim", reason: "Пересорт", lines: [{ orderLineId: order.lines[0]!.id, quantity: 2 }] });
    await as("managerA").claims.setStatus({ id: claim.id, status: "in_work" });
    await as("managerA").claims.staffComment({ id: claim.id, body: "Пришлите фото этикетки" });
    await as("buyerA").claims.comment({ id: claim.id, body: "Отправили" });
    expect((await trpcError(as("managerA").claims.setStatus({ id: claim.id, status: "in_work" }))).code).toBe("CONFLICT");
    await as("managerA").claims.setStatus({ id: claim.id, status: "under_review" });
    expect((await trpcError(as("managerA").claims.setStatus({ id: claim.id, status: "closed" }))).code).toBe("BAD_REQUEST");
    await as("managerA").claims.setStatus({ id: claim.id, status: "closed", resolution: "Замена товара" });
    const closed = await as("buyerA").claims.mineById({ id: claim.id });
    expect(closed).toMatchObject({ status: "closed", resolution: "Замена товара" });
    expect(closed.messages.map((m) => m.side)).toEqual(["staff", "staff", "buyer", "staff", "staff"]);
    expect((await trpcError(as("buyerA").claims.comment({ id: claim.id, body: "Ещё" }))).code).toBe("CONFLICT");
    const buyerNotes = await t.db.select().from(notifications).where(and(eq(notifications.userId, s.buyerA.user.id), eq(notifications.link, `/b2b/claims/${claim.id}`)));
    expect(buyerNotes.map((n) => n.event).sort()).toEqual(["claim.comment", "claim.status", "claim.status", "claim.status"]);
    const managerNotes = await t.db.select().from(notifications).where(and(eq(notifications.userId, s.managerA.user.id), eq(notifications.link, `/claims/${claim.id}`)));
    expect(managerNotes.map((n) => n.event).sort()).toEqual(["claim.comment", "claim.created"]);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.targetType, "claim"), eq(auditLog.targetId, claim.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(["claim.create", "claim.status", "claim.status", "claim.status"]);
  });
});

describe("log in as this client", () => {
  async function impersonate(staff: "managerA" | "managerB" | "admin", buyer: "buyerA" | "buyerB", companyId: string) {
    const { buyerSessionId } = await startImpersonation(t.db, staffActor(staff), { companyId, buyerUserId: s[buyer].user.id });
    return (await resolveSession(t.db, buyerSessionId))!;
  }

  it("a manager cannot log in as a buyer of another manager's company (nor as a buyer of no such company)", async () => {
    await expect(startImpersonation(t.db, staffActor("managerB"), { companyId: companyA, buyerUserId: s.buyerA.user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startImpersonation(t.db, staffActor("managerA"), { companyId: companyA, buyerUserId: s.buyerB.user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startImpersonation(t.db, staffActor("managerA"), { companyId: companyA, buyerUserId: s.managerB.user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("works as the buyer with the real staff user recorded, refuses sensitive actions, is audited, and back ends it", async () => {
    const session = await impersonate("managerA", "buyerA", companyA);
    expect(session.user.id).toBe(s.buyerA.user.id);
    expect(session.impersonator).toMatchObject({ id: s.managerA.user.id, companyId: companyA, companyName: "ООО «Альфа»" });
    const caller = callerFor(t.db, session);
    expect((await trpcError(caller.account.changePassword({ currentPassword: "correct-horse-1", newPassword: "another-horse-22" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(caller.buyerAccount.issueApiKey())).code).toBe("FORBIDDEN");
    expect((await trpcError(caller.buyerAccount.setActiveCompany({ companyId: companyB }))).code).toBe("FORBIDDEN");

    const cart = await caller.ordering.createCart({ name: "По телефону" });
    await caller.ordering.addLine({ cartId: cart.id, variantId: cat.products.P4.variantId, quantity: 1 });
    const quote = await caller.quotes.request({ cartId: cart.id });
    const [row] = await t.db.select().from(quotes).where(eq(quotes.id, quote.id));
    expect(row).toMatchObject({ buyerId: s.buyerA.user.id, createdByStaffId: s.managerA.user.id });

    const cart2 = await caller.ordering.createCart({ name: "Заказ по телефону" });
    await caller.ordering.addLine({ cartId: cart2.id, variantId: cat.products.P4.variantId, quantity: 1 });
    const placed = await caller.ordering.checkout({ cartId: cart2.id, deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id });
    const [event] = await t.db.select().from(b2bOrderEvents).where(eq(b2bOrderEvents.orderId, placed.orders[0]!.id));
    expect(event).toMatchObject({ actorId: s.managerA.user.id, details: expect.objectContaining({ onBehalfOf: s.buyerA.user.id }) });

    const back = await endImpersonation(t.db, session.sessionId);
    expect(back).toEqual({ staffSessionId: s.managerA.sessionId, companyId: companyA });
    expect(await resolveSession(t.db, session.sessionId)).toBeNull();
    expect((await resolveSession(t.db, s.managerA.sessionId))?.user.id).toBe(s.managerA.user.id);
    expect(await endImpersonation(t.db, session.sessionId)).toBeNull();
    const [revoked] = await t.db.select().from(userSessions).where(eq(userSessions.id, session.sessionId));
    expect(revoked?.revokedAt).not.toBeNull();
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.actorId, s.managerA.user.id), eq(auditLog.targetId, s.buyerA.user.id)));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["impersonation.start", "impersonation.end"]));
  });

  it("an admin may log in as any company's buyer", async () => {
    const session = await impersonate("admin", "buyerB", companyB);
    expect(session.impersonator?.id).toBe(s.admin.user.id);
    await endImpersonation(t.db, session.sessionId);
  });
});

describe("demo data", () => {
  it("seeds a requested and a sent quote and a claim in work for the demo buyer's offline order, once", async () => {
    const buyer = await makeUser(t.db, { role: "buyer", email: "buyer@demo.t3crm.local" });
    await t.db.insert(companyMembers).values({ userId: buyer.id, companyId: companyA, isDefault: true });
    const [order] = await t.db.insert(b2bOrders).values({ number: "ЗК-0001482", companyId: companyA, status: "delivered", source: "offline", currency: "RUB", totalMinor: 900_000 }).returning();
    const { b2bOrderLines, claims } = await import("@/db/schema");
    await t.db.insert(b2bOrderLines).values({ orderId: order!.id, variantId: cat.products.P4.variantId, sku: "GS-102502", name: "Лампа", unit: "шт", quantity: "20", unitMinor: 45_000, lineTotalMinor: 900_000 });
    await t.db.delete(quotes);
    await seedDemoQuotesClaims(t.db);
    await seedDemoQuotesClaims(t.db);
    expect((await t.db.select().from(quotes).where(eq(quotes.buyerId, buyer.id))).map((q) => q.status).sort()).toEqual(["requested", "sent"]);
    expect((await t.db.select().from(claims).where(eq(claims.orderId, order!.id))).map((c) => c.status)).toEqual(["in_work"]);
  });
});
