import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, companies, companyMembers, mailMessages, notifications, supplierMembers, suppliers, users } from "@/db/schema";
import { authenticate } from "@/server/domain/auth/authenticate";
import { completeCorrespondentAccount, completeOgrn, completeOrganisationInn, completeSettlementAccount } from "@/server/domain/companies/requisites";
import { requireActiveSupplier } from "@/server/domain/suppliers/supplier-scope";
import { SUPPLIER_DECISION_TOPIC, supplierDecisionHandler } from "@/server/domain/suppliers/decision-email";
import { smtpTransport } from "@/server/integrations/mail/transport";
import { runDueJobs, type JobHandlers } from "@/server/jobs/worker";
import { domainError, outcomeOf, trpcError } from "../helpers/errors";
import { createCaller } from "@/server/trpc/root";
import { callerFor, makeUser, sessionFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { LocalSmtp } from "../helpers/local-smtp";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
const smtp = new LocalSmtp();
let handlers: JobHandlers;
let admin: Awaited<ReturnType<typeof makeUser>>;
let moderator: Awaited<ReturnType<typeof makeUser>>;
let manager: Awaited<ReturnType<typeof makeUser>>;
let buyer: Awaited<ReturnType<typeof makeUser>>;

const BIK = "044525225";
let seq = 0;
function application(overrides: Record<string, unknown> = {}) {
  seq += 1;
  const inn = completeOrganisationInn(`77${String(1000000 + seq * 7919).slice(0, 7)}`);
  return {
    name: `ООО «Поставка ${seq}»`,
    inn,
    kpp: "770101001",
    ogrn: completeOgrn(`102770${String(100000 + seq)}`),
    legalAddress: "г. Москва, ул. Складская, д. 1",
    bankName: "ПАО Сбербанк",
    bik: BIK,
    account: completeSettlementAccount("40702810000000000001", BIK),
    correspondentAccount: completeCorrespondentAccount("30101810400000000225", BIK),
    contactName: "Олег Поставкин",
    email: `supplier-${seq}@apply.test`,
    phone: `+7 900 100 ${String(1000 + seq).slice(-4)}`,
    password: "supplier-pass-1",
    locale: "ru" as const,
    documents: [{ fileName: "charter.pdf", contentType: "application/pdf" as const, base64: Buffer.from("%PDF-1.4 test").toString("base64") }],
    ...overrides,
  };
}

async function supplierOf(email: string) {
  const [row] = await t.db
    .select({ id: suppliers.id, status: suppliers.status, userId: users.id, isActive: users.isActive })
    .from(supplierMembers)
    .innerJoin(suppliers, eq(suppliers.id, supplierMembers.supplierId))
    .innerJoin(users, eq(users.id, supplierMembers.userId))
    .where(eq(users.email, email));
  if (!row) throw new Error(`no supplier for ${email}`);
  return row;
}

let ipCounter = 0;
/** The public form's caller, from a new address each time: the per-address rate limit is not what these tests are about. */
function anonymous() {
  ipCounter += 1;
  return createCaller({ db: t.db, session: null, ip: `10.77.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`, encryptionKey: TEST_ENCRYPTION_KEY });
}

const login = (identifier: string, password: string) => authenticate(t.db, { identifier, password, remember: false }, { ip: "10.9.0.1", encryptionKeys: [] });

beforeAll(async () => {
  t = await createTestDatabase();
  await smtp.start();
  handlers = { [SUPPLIER_DECISION_TOPIC]: supplierDecisionHandler({ transport: smtpTransport(`smtp://127.0.0.1:${smtp.port}`), from: "T3 CRM <no-reply@test.local>", appBaseUrl: "http://crm.test" }) };
  admin = await makeUser(t.db, { role: "admin" });
  moderator = await makeUser(t.db, { role: "content_moderator" });
  manager = await makeUser(t.db, { role: "manager" });
  buyer = await makeUser(t.db, { role: "buyer" });
});
afterAll(async () => {
  await smtp.stop();
  await t.destroy();
});

describe("supplier registration and review", () => {
  it("refuses wrong requisites, naming the field", async () => {
    expect((await trpcError(anonymous().suppliers.register(application({ kpp: "" })))).message).toContain("KPP is required");
    const anon = anonymous();
    const badInn = await trpcError(anon.suppliers.register(application({ inn: "7707083894" })));
    expect(badInn.code).toBe("BAD_REQUEST");
    const badAccount = await trpcError(anon.suppliers.register(application({ account: "40702810000000000009" })));
    expect(JSON.stringify(badAccount.cause)).toContain("account");
  });

  it("fills by INN from the stub provider", async () => {
    const anon = anonymous();
    expect(await anon.suppliers.lookupInn({ inn: "7707083893" })).toMatchObject({ found: true, company: { name: "ПАО СБЕРБАНК", kpp: "773601001" } });
  });

  it("keeps a pending applicant out, then approval opens the cabinet and e-mails the applicant in their language", async () => {
    const input = application();
    await anonymous().suppliers.register(input);
    const pending = await supplierOf(input.email);
    expect(pending).toMatchObject({ status: "pending", isActive: false });
    await expect(login(input.email, input.password)).rejects.toMatchObject({ reason: "inactive" });
    await domainError(requireActiveSupplier(t.db, pending.userId), "FORBIDDEN");

    const [bell] = await t.db.select().from(notifications).where(and(eq(notifications.userId, admin.id), eq(notifications.link, `/suppliers/${pending.id}`)));
    expect(bell?.event).toBe("supplier.applied");
    expect(await t.db.select().from(notifications).where(and(eq(notifications.userId, moderator.id), eq(notifications.event, "supplier.applied")))).toHaveLength(0);
    const staff = callerFor(t.db, await sessionFor(t.db, admin.id));
    const detail = await staff.suppliers.get({ id: pending.id });
    expect(detail.documents).toHaveLength(1);
    expect(Buffer.from((await staff.suppliers.document({ id: detail.documents[0]!.id })).base64, "base64").toString()).toBe("%PDF-1.4 test");
    await staff.suppliers.decide({ id: pending.id, decision: "approve" });

    const session = await login(input.email, input.password);
    expect(session.user.role).toBe("supplier");
    const home = await callerFor(t.db, await sessionFor(t.db, pending.userId)).suppliers.home();
    expect(home).toMatchObject({ supplierId: pending.id, name: input.name, isOwner: true, status: "approved" });

    expect(await runDueJobs(t.db, handlers)).toBe(1);
    const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.kind, "supplier_decision"));
    expect(mail).toMatchObject({ toAddress: input.email, status: "sent", locale: "ru" });
    expect(mail!.subject).toContain("одобрена");
    expect(mail!.html).toContain("http://crm.test/login");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, pending.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["supplier.apply", "supplier.approve"]);
  });

  it("rejects with a reason (e-mailed in English for an English applicant); a rejected supplier stays out", async () => {
    const input = application({ locale: "en" });
    await anonymous().suppliers.register(input);
    const applied = await supplierOf(input.email);
    const staff = callerFor(t.db, await sessionFor(t.db, admin.id));
    expect((await trpcError(staff.suppliers.decide({ id: applied.id, decision: "reject", reason: "" }))).code).toBe("BAD_REQUEST");
    await staff.suppliers.decide({ id: applied.id, decision: "reject", reason: "Documents are unreadable" });
    await expect(login(input.email, input.password)).rejects.toMatchObject({ reason: "inactive" });
    await runDueJobs(t.db, handlers);
    const mails = await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, input.email));
    expect(mails[0]).toMatchObject({ locale: "en" });
    expect(mails[0]!.html).toContain("Documents are unreadable");
    // Decided once: a second decision on a rejected one (other than approval) conflicts.
    expect((await trpcError(staff.suppliers.decide({ id: applied.id, decision: "block", reason: "too late" }))).code).toBe("CONFLICT");
  });

  it("blocking closes the cabinet at once", async () => {
    const input = application();
    await anonymous().suppliers.register(input);
    const applied = await supplierOf(input.email);
    const staff = callerFor(t.db, await sessionFor(t.db, admin.id));
    await staff.suppliers.decide({ id: applied.id, decision: "approve" });
    const supplierApi = callerFor(t.db, await sessionFor(t.db, applied.userId));
    expect(await outcomeOf(supplierApi.suppliers.home())).toBe("OK");
    await staff.suppliers.decide({ id: applied.id, decision: "block", reason: "Fake products" });
    expect(await outcomeOf(callerFor(t.db, await sessionFor(t.db, applied.userId)).suppliers.home())).toBe("FORBIDDEN");
  });

  it("refuses a second application for the same INN while one is pending or approved, and an e-mail taken by another account", async () => {
    const first = application();
    await anonymous().suppliers.register(first);
    const again = await trpcError(anonymous().suppliers.register({ ...application(), inn: first.inn, kpp: first.kpp }));
    expect(again.code).toBe("CONFLICT");
    expect((again.cause as { field?: string } | undefined)?.field).toBe("inn");
    const staff = callerFor(t.db, await sessionFor(t.db, admin.id));
    await staff.suppliers.decide({ id: (await supplierOf(first.email)).id, decision: "approve" });
    const afterApproval = await trpcError(anonymous().suppliers.register({ ...application(), inn: first.inn, kpp: first.kpp }));
    expect(afterApproval.code).toBe("CONFLICT");
    expect((afterApproval.cause as { field?: string } | undefined)?.field).toBe("inn");
    const taken = await trpcError(anonymous().suppliers.register(application({ email: manager.email })));
    expect(taken.code).toBe("CONFLICT");
  });

  it("lets a rejected applicant apply again: the same supplier row goes back to pending with the new details, its history kept", async () => {
    const first = application({ locale: "en" });
    await anonymous().suppliers.register(first);
    const rejected = await supplierOf(first.email);
    const staff = callerFor(t.db, await sessionFor(t.db, admin.id));
    await staff.suppliers.decide({ id: rejected.id, decision: "reject", reason: "Documents are unreadable" });

    // The same person, same e-mail: their dead login is taken over with the new password.
    const second = { ...application(), inn: first.inn, kpp: first.kpp, email: first.email, name: "ООО «Поставка» (исправлено)", password: "second-pass-22", locale: "ru" as const };
    await anonymous().suppliers.register(second);
    const reopened = await supplierOf(first.email);
    expect(reopened).toMatchObject({ id: rejected.id, userId: rejected.userId, status: "pending", isActive: false });
    const [row] = await t.db.select().from(suppliers).where(eq(suppliers.id, rejected.id));
    expect(row).toMatchObject({ name: second.name, reason: null, reviewedAt: null });
    expect(await t.db.select().from(suppliers).where(eq(suppliers.inn, first.inn))).toHaveLength(1);
    const detail = await staff.suppliers.get({ id: rejected.id });
    expect(detail.documents).toHaveLength(2);
    const [reapply] = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, rejected.id), eq(auditLog.action, "supplier.reapply")));
    expect(reapply?.details).toMatchObject({ before: { status: "rejected", reason: "Documents are unreadable", name: first.name }, after: { status: "pending", name: second.name } });
    // Pending again: a third application is refused until this one is decided.
    expect((await trpcError(anonymous().suppliers.register({ ...application(), inn: first.inn, kpp: first.kpp }))).code).toBe("CONFLICT");

    await staff.suppliers.decide({ id: rejected.id, decision: "approve" });
    await expect(login(first.email, first.password)).rejects.toMatchObject({ reason: "invalid" });
    const session = await login(first.email, second.password);
    expect(session.user).toMatchObject({ role: "supplier", locale: "ru" });
  });

  it("a colleague re-applying for a rejected supplier with another e-mail becomes its owner; the rejected applicant is no member", async () => {
    const first = application();
    await anonymous().suppliers.register(first);
    const rejected = await supplierOf(first.email);
    const staff = callerFor(t.db, await sessionFor(t.db, admin.id));
    await staff.suppliers.decide({ id: rejected.id, decision: "reject", reason: "Wrong contact" });
    const colleague = application({ inn: first.inn, kpp: first.kpp });
    await anonymous().suppliers.register(colleague);
    const reopened = await supplierOf(colleague.email);
    expect(reopened).toMatchObject({ id: rejected.id, status: "pending" });
    const members = await t.db.select().from(supplierMembers).where(eq(supplierMembers.supplierId, rejected.id));
    expect(members.map((m) => ({ userId: m.userId, isOwner: m.isOwner }))).toEqual([{ userId: reopened.userId, isOwner: true }]);
    // A login that is (or was) switched on is never taken over by an application.
    await staff.suppliers.decide({ id: rejected.id, decision: "approve" });
    const hijack = await trpcError(anonymous().suppliers.register(application({ email: colleague.email })));
    expect(hijack.code).toBe("CONFLICT");
    expect((hijack.cause as { field?: string } | undefined)?.field).toBe("email");
  });

  it("lets only admins and directors review; moderators moderate news only", async () => {
    for (const user of [moderator, manager, buyer]) {
      expect(await outcomeOf(callerFor(t.db, await sessionFor(t.db, user.id)).suppliers.list({ status: "all" }))).toBe("FORBIDDEN");
    }
    const director = await makeUser(t.db, { role: "director" });
    expect(await outcomeOf(callerFor(t.db, await sessionFor(t.db, director.id)).suppliers.list({ status: "all" }))).toBe("OK");
    expect(await outcomeOf(callerFor(t.db, await sessionFor(t.db, moderator.id)).suppliers.newsQueue({}))).toBe("OK");
    expect(await outcomeOf(callerFor(t.db, await sessionFor(t.db, admin.id)).suppliers.home())).toBe("FORBIDDEN");
  });
});

describe("supplier cabinet scoping, news and the cabinet switch", () => {
  async function approvedSupplier(overrides: Record<string, unknown> = {}) {
    const input = application(overrides);
    await anonymous().suppliers.register(input);
    const applied = await supplierOf(input.email);
    await callerFor(t.db, await sessionFor(t.db, admin.id)).suppliers.decide({ id: applied.id, decision: "approve" });
    return { ...applied, input, api: callerFor(t.db, await sessionFor(t.db, applied.userId)) };
  }

  it("shows and edits only the supplier's own profile", async () => {
    const a = await approvedSupplier();
    const b = await approvedSupplier();
    expect((await a.api.suppliers.profile()).id).toBe(a.id);
    expect((await b.api.suppliers.profile()).id).toBe(b.id);
    await a.api.suppliers.updateProfile({
      kpp: "770101001", legalAddress: "г. Москва, ул. Новая, д. 2", contactName: "Анна Новая", contactEmail: "anna@a.test", contactPhone: "+7 900 000 0000",
      bankName: "ПАО Сбербанк", bik: BIK, account: completeSettlementAccount("40702810000000000002", BIK), correspondentAccount: completeCorrespondentAccount("30101810400000000225", BIK),
    });
    expect(await a.api.suppliers.profile()).toMatchObject({ contactName: "Анна Новая", legalAddress: "г. Москва, ул. Новая, д. 2" });
    expect((await b.api.suppliers.profile()).contactName).toBe("Олег Поставкин");
    const badBank = await trpcError(a.api.suppliers.updateProfile({ legalAddress: "г. Москва, ул. Новая, д. 2", contactName: "Анна", contactEmail: "anna@a.test", contactPhone: "+7 900 000 0000", kpp: "770101001", bik: BIK, account: "40702810000000000009" }));
    expect(badBank.code).toBe("BAD_REQUEST");
  });

  it("moderates news: pending is hidden, approved is shown to buyers, another supplier cannot touch it", async () => {
    const a = await approvedSupplier();
    const b = await approvedSupplier();
    const { id } = await a.api.suppliers.createNews({ kind: "news", title: "Новый склад", body: "Открыли склад в Подольске, отгрузки быстрее." });
    const promo = await a.api.suppliers.createNews({ kind: "promotion", title: "Скидка 10%", body: "Скидка на кабель до конца месяца.", startsOn: "2000-01-01", endsOn: "2000-01-31" });
    expect((await trpcError(a.api.suppliers.createNews({ kind: "promotion", title: "Без срока", body: "Акция без периода — нельзя." }))).code).toBe("BAD_REQUEST");
    const buyerApi = callerFor(t.db, await sessionFor(t.db, buyer.id));
    expect((await buyerApi.suppliers.publishedNews()).map((n) => n.id)).not.toContain(id);

    expect(await b.api.suppliers.myNews()).toHaveLength(0);
    expect((await trpcError(b.api.suppliers.deleteNews({ id }))).code).toBe("NOT_FOUND");
    expect((await trpcError(b.api.suppliers.updateNews({ id, kind: "news", title: "Взлом", body: "Чужая новость, переписанная." }))).code).toBe("NOT_FOUND");

    const mod = callerFor(t.db, await sessionFor(t.db, moderator.id));
    expect((await mod.suppliers.newsQueue({ status: "pending" })).map((n) => n.id)).toEqual(expect.arrayContaining([id, promo.id]));
    await mod.suppliers.moderateNews({ id, decision: "approve" });
    await mod.suppliers.moderateNews({ id: promo.id, decision: "approve" });
    const published = (await buyerApi.suppliers.publishedNews()).map((n) => n.id);
    expect(published).toContain(id);
    expect(published, "an expired promotion is not shown").not.toContain(promo.id);

    // An edit goes back to moderation and disappears until approved again.
    await a.api.suppliers.updateNews({ id, kind: "news", title: "Новый склад (обновлено)", body: "Открыли склад в Подольске, отгрузки быстрее." });
    expect((await buyerApi.suppliers.publishedNews()).map((n) => n.id)).not.toContain(id);
    expect((await trpcError(mod.suppliers.moderateNews({ id, decision: "reject", comment: "" }))).code).toBe("BAD_REQUEST");
    await mod.suppliers.moderateNews({ id, decision: "reject", comment: "Нужна фотография склада" });
    expect((await a.api.suppliers.myNews()).find((n) => n.id === id)).toMatchObject({ status: "rejected", moderatorComment: "Нужна фотография склада" });
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, a.userId));
    expect(told.map((n) => n.event)).toEqual(expect.arrayContaining(["supplier_news.approved", "supplier_news.rejected"]));
    expect(await t.db.select().from(notifications).where(and(eq(notifications.userId, b.userId), eq(notifications.link, "/supplier/news")))).toHaveLength(0);
  });

  it("opens the supplier cabinet to a buyer who is a member of an approved supplier; a plain buyer is refused", async () => {
    const supplyingBuyer = await makeUser(t.db, { role: "buyer", password: "buyer-pass-1" });
    const [company] = await t.db.insert(companies).values({ name: "ООО Покупатель", inn: completeOrganisationInn("502700001"), kpp: "502701001" }).returning();
    await t.db.insert(companyMembers).values({ userId: supplyingBuyer.id, companyId: company!.id, accessLevel: 2, isDefault: true });
    // The buyer applies with their own e-mail and password: no second account.
    await anonymous().suppliers.register(application({ email: supplyingBuyer.email, password: "buyer-pass-1" }));
    const applied = await supplierOf(supplyingBuyer.email!);
    expect(applied.userId).toBe(supplyingBuyer.id);
    const before = await sessionFor(t.db, supplyingBuyer.id);
    expect(before.user.supplierCabinet).toBe(false);
    expect(await outcomeOf(callerFor(t.db, before).suppliers.home())).toBe("FORBIDDEN");

    await callerFor(t.db, await sessionFor(t.db, admin.id)).suppliers.decide({ id: applied.id, decision: "approve" });
    const after = await sessionFor(t.db, supplyingBuyer.id);
    expect(after.user).toMatchObject({ kind: "buyer", role: "buyer", supplierCabinet: true });
    const api = callerFor(t.db, after);
    expect(await outcomeOf(api.suppliers.home())).toBe("OK");
    expect(await outcomeOf(api.suppliers.publishedNews())).toBe("OK");
    expect(await outcomeOf(callerFor(t.db, await sessionFor(t.db, buyer.id)).suppliers.home())).toBe("FORBIDDEN");
    // A wrong password for an existing buyer's e-mail is refused without revealing more.
    expect((await trpcError(anonymous().suppliers.register(application({ email: buyer.email, password: "not-the-password" })))).code).toBe("CONFLICT");
  });

});

describe("the public form's rate limit", () => {
  it("refuses a burst of applications from one address", async () => {
    const sameAddress = createCaller({ db: t.db, session: null, ip: "10.99.0.1", encryptionKey: TEST_ENCRYPTION_KEY });
    const outcomes: string[] = [];
    // Invalid input still spends a token: the limiter guards before any work is done.
    for (let i = 0; i < 12; i += 1) outcomes.push(await outcomeOf(sameAddress.suppliers.register(application({ inn: "7707083894" }))));
    expect(outcomes.slice(0, 10).every((o) => o === "BAD_REQUEST")).toBe(true);
    expect(outcomes.at(-1)).toBe("TOO_MANY_REQUESTS");
  });
});
