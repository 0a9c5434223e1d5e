import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, buyerProfiles, companies, companyMembers, registrationApplications, users } from "@/db/schema";
import { seedDemoCompanies } from "@/db/seed/demo-companies";
import type { Role } from "@/server/auth/roles";
import { verifyPassword } from "@/server/domain/auth/passwords";
import { companyFieldsSchema } from "@/server/domain/companies/company-schemas";
import { getActiveCompany } from "@/server/domain/companies/active-company";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { outcomeOf, trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";

// Sberbank's real requisites (valid checksums) and a few made-valid ones.
const SBER = { inn: "7707083893", kpp: "773601001", ogrn: "1027700132195", bik: "044525225", account: "40702810638000000000", correspondentAccount: "30101810400000000225" };
const YANDEX = { inn: "7736207543", kpp: "770401001", ogrn: "1027700229193" };
const IE_INN = "500100732259";

let t: TestDatabase;
const s = {} as Record<"admin" | "director" | "head" | "manager" | "otherManager" | "callCenter" | "supplier" | "moderator" | "buyer" | "otherBuyer", ActiveSession>;
const as = (key: keyof typeof s) => callerFor(t.db, s[key]);
let seq = 0;
const unique = () => {
  seq += 1;
  return `${Date.now().toString(36)}${seq}`;
};

beforeAll(async () => {
  t = await createTestDatabase();
  const make = async (role: Role, extra: Partial<typeof users.$inferInsert> = {}) => sessionFor(t.db, (await makeUser(t.db, { role, ...extra })).id);
  const head = await make("head_manager");
  Object.assign(s, {
    admin: await make("admin"),
    director: await make("director"),
    head,
    // Both managers are the head's team: he sees their companies (a head sees his team's only).
    manager: await make("manager", { supervisorId: head.user.id }),
    otherManager: await make("manager", { supervisorId: head.user.id }),
    callCenter: await make("call_center"),
    supplier: await make("supplier"),
    moderator: await make("content_moderator"),
    buyer: await make("buyer"),
    otherBuyer: await make("buyer"),
  });
});
afterAll(async () => {
  await t.destroy();
});

describe("companies: requisites at the edge", () => {
  it("refuses a bad INN with the field named, and a missing KPP of an organisation", async () => {
    const bad = await trpcError(as("admin").companies.create({ name: "ООО Ошибка", inn: "7707083894", kpp: SBER.kpp }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/^INN/);
    const noKpp = await trpcError(as("admin").companies.create({ name: "ООО Без КПП", inn: YANDEX.inn }));
    expect(noKpp.message).toMatch(/^KPP is required/);
    const badAccount = await trpcError(as("admin").companies.create({ name: "ООО Счёт", ...SBER, account: "40702810938000000000" }));
    expect(badAccount.message).toMatch(/^Account: the control key/);
  });

  it("creates an organisation with bank details and an individual entrepreneur without KPP", async () => {
    const org = await as("admin").companies.create({ name: "ПАО Сбербанк", ...SBER, bankName: "ПАО Сбербанк" });
    expect(org.kind).toBe("organisation");
    expect(org.bank).toEqual({ bankName: "ПАО Сбербанк", bik: SBER.bik, account: SBER.account, correspondentAccount: SBER.correspondentAccount });
    const ie = await as("admin").companies.create({ name: "ИП Тестов", inn: IE_INN, ogrn: "304500116000157" });
    expect(ie.kind).toBe("entrepreneur");
    expect(ie.kpp).toBeNull();
    const dup = await trpcError(as("admin").companies.create({ name: "Дубль", ...SBER }));
    expect(dup.code).toBe("CONFLICT");
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "company.create"), eq(auditLog.targetId, org.id)));
    expect(audit?.actorId).toBe(s.admin.user.id);
  });
});

describe("companies: staff scope", () => {
  let mine: string;
  let theirs: string;
  beforeAll(async () => {
    mine = (await as("manager").companies.create({ name: `ООО Моя ${unique()}`, inn: YANDEX.inn, kpp: YANDEX.kpp })).id;
    theirs = (await as("otherManager").companies.create({ name: `ООО Чужая ${unique()}`, inn: YANDEX.inn, kpp: "770401002" })).id;
  });

  it("gives a manager's new company to that manager, whatever he asks for", async () => {
    const created = await as("manager").companies.create({ name: "ООО Попытка", inn: YANDEX.inn, kpp: "770401003", managerId: s.otherManager.user.id });
    expect(created.managerId).toBe(s.manager.user.id);
  });

  it("shows a manager only his companies; another's is not found, not editable, its contracts and members hidden", async () => {
    const listed = await as("manager").companies.list({ pageSize: 100 });
    expect(listed.rows.map((r) => r.id)).toContain(mine);
    expect(listed.rows.map((r) => r.id)).not.toContain(theirs);
    expect(listed.rows.every((r) => r.managerId === s.manager.user.id)).toBe(true);
    const m = as("manager");
    expect(await outcomeOf(m.companies.get({ id: theirs }))).toBe("NOT_FOUND");
    expect(await outcomeOf(m.companies.update({ id: theirs, name: "Захват", inn: YANDEX.inn, kpp: "770401002" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(m.companies.contracts({ companyId: theirs }))).toBe("NOT_FOUND");
    expect(await outcomeOf(m.companies.createContract({ companyId: theirs, number: "X-1" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(m.companies.members({ companyId: theirs }))).toBe("NOT_FOUND");
    expect(await outcomeOf(m.companies.attachMember({ companyId: theirs, email: s.buyer.user.email! }))).toBe("NOT_FOUND");
  });

  it("lets admins, directors and the managers' head see their companies and search by name or INN", async () => {
    for (const who of ["admin", "director", "head"] as const) {
      const ids = (await as(who).companies.list({ pageSize: 100 })).rows.map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining([mine, theirs]));
    }
    const byInn = await as("admin").companies.list({ search: "77362", pageSize: 100 });
    expect(byInn.rows.length).toBeGreaterThanOrEqual(2);
    expect(byInn.rows.every((r) => r.inn.startsWith("77362"))).toBe(true);
  });

  it("groups by holding: a holding's companies, or the standalone ones", async () => {
    const holding = await as("head").companies.createHolding({ name: `Холдинг ${unique()}` });
    await as("admin").companies.update({ id: mine, name: "ООО Моя в холдинге", inn: YANDEX.inn, kpp: YANDEX.kpp, holdingId: holding.id, managerId: s.manager.user.id });
    const inHolding = await as("admin").companies.list({ holding: holding.id });
    expect(inHolding.rows.map((r) => r.id)).toEqual([mine]);
    expect(inHolding.rows[0]?.holdingName).toBe(holding.name);
    const standalone = await as("admin").companies.list({ holding: "none", pageSize: 100 });
    expect(standalone.rows.map((r) => r.id)).toContain(theirs);
    expect(standalone.rows.every((r) => r.holdingId === null)).toBe(true);
    expect(await outcomeOf(as("manager").companies.createHolding({ name: "Мой холдинг" }))).toBe("FORBIDDEN");
  });

  it("keeps one default contract per company", async () => {
    const first = await as("manager").companies.createContract({ companyId: mine, number: "Д-1", currency: "RUB", paymentTermsDays: 30, creditLimitMinor: 100_000_00 });
    expect(first.isDefault).toBe(true);
    const second = await as("manager").companies.createContract({ companyId: mine, number: "Д-2", currency: "EUR", isDefault: true });
    const list = await as("manager").companies.contracts({ companyId: mine });
    expect(list.filter((c) => c.isDefault).map((c) => c.id)).toEqual([second.id]);
    expect((await trpcError(as("manager").companies.createContract({ companyId: mine, number: "Д-1" }))).code).toBe("CONFLICT");
    expect(await outcomeOf(as("otherManager").companies.deleteContract({ id: first.id }))).toBe("NOT_FOUND");
    await as("manager").companies.deleteContract({ id: first.id });
    expect((await as("manager").companies.contracts({ companyId: mine })).map((c) => c.id)).toEqual([second.id]);
  });
});

describe("companies: refusals by role", () => {
  it("refuses buyers, suppliers, call-center operators and moderators every staff procedure", async () => {
    for (const who of ["buyer", "supplier", "callCenter", "moderator"] as const) {
      const c = as(who);
      expect(await outcomeOf(c.companies.list({})), who).toBe("FORBIDDEN");
      expect(await outcomeOf(c.companies.create({ name: "X", ...SBER })), who).toBe("FORBIDDEN");
      expect(await outcomeOf(c.companies.applications({})), who).toBe("FORBIDDEN");
      expect(await outcomeOf(c.regions.list()), who).toBe("FORBIDDEN");
    }
  });

  it("keeps regions and warehouses for admins", async () => {
    for (const who of ["director", "head", "manager"] as const) expect(await outcomeOf(as(who).regions.create({ code: "x1", name: "X" })), who).toBe("FORBIDDEN");
    const region = await as("admin").regions.create({ code: `r-${unique()}`, name: "Казань", isDefault: true });
    const warehouse = await as("admin").regions.createWarehouse({ code: `w-${unique()}`, name: "Склад Казань", regionId: region.id });
    expect((await as("admin").regions.warehouses()).find((w) => w.id === warehouse.id)?.regionName).toBe("Казань");
    expect((await trpcError(as("admin").regions.create({ code: region.code, name: "Дубль" }))).code).toBe("CONFLICT");
  });

  it("refuses staff and suppliers the buyer's procedures", async () => {
    for (const who of ["admin", "manager", "supplier", "callCenter"] as const) {
      expect(await outcomeOf(as(who).buyerAccount.companies()), who).toBe("FORBIDDEN");
      expect(await outcomeOf(as(who).buyerAccount.company({})), who).toBe("FORBIDDEN");
    }
  });
});

describe("members and the buyer side", () => {
  let alpha: string;
  let beta: string;
  let foreign: string;
  beforeAll(async () => {
    alpha = (await as("manager").companies.create({ name: "ООО Альфа", inn: "7704340310", kpp: "770401001" })).id;
    beta = (await as("manager").companies.create({ name: "ООО Бета", inn: "7704340310", kpp: "770401009" })).id;
    foreign = (await as("otherManager").companies.create({ name: "ООО Чужая фирма", inn: "7704340310", kpp: "770401008" })).id;
    await as("manager").companies.createContract({ companyId: alpha, number: "A-1", paymentTermsDays: 30, creditLimitMinor: 5_000_000_00 });
    await as("manager").companies.attachMember({ companyId: alpha, email: s.buyer.user.email!, accessLevel: 3, isOwner: true });
    await as("manager").companies.attachMember({ companyId: beta, email: s.buyer.user.email!, accessLevel: 1 });
    await as("otherManager").companies.attachMember({ companyId: foreign, email: s.otherBuyer.user.email!, accessLevel: 3, isOwner: true });
  });

  it("attaches buyers only, once", async () => {
    expect((await trpcError(as("manager").companies.attachMember({ companyId: alpha, email: s.admin.user.email! }))).message).toMatch(/buyer/);
    expect((await trpcError(as("manager").companies.attachMember({ companyId: alpha, email: s.buyer.user.email! }))).code).toBe("CONFLICT");
  });

  it("lists the buyer's own companies only, the first membership the default and active", async () => {
    const mine = await as("buyer").buyerAccount.companies();
    expect(mine.companies.map((c) => c.companyId).sort()).toEqual([alpha, beta].sort());
    expect(mine.activeCompanyId).toBe(alpha);
    expect(mine.companies.find((c) => c.companyId === alpha)?.isDefault).toBe(true);
  });

  it("switches the active company, refusing a company the buyer does not belong to", async () => {
    expect(await outcomeOf(as("buyer").buyerAccount.setActiveCompany({ companyId: foreign }))).toBe("NOT_FOUND");
    const switched = await as("buyer").buyerAccount.setActiveCompany({ companyId: beta });
    expect(switched.activeCompanyId).toBe(beta);
    expect((await getActiveCompany(t.db, s.buyer.user.id))?.companyId).toBe(beta);
    expect(await outcomeOf(as("buyer").buyerAccount.company({ companyId: foreign }))).toBe("NOT_FOUND");
  });

  it("shows credit limit and payment terms only at access level 3", async () => {
    const atLevel1 = await as("buyer").buyerAccount.company({ companyId: beta });
    expect(atLevel1?.sees).toEqual({ individualPrices: false, finances: false });
    const atLevel3 = await as("buyer").buyerAccount.company({ companyId: alpha });
    expect(atLevel3?.contracts[0]?.creditLimitMinor).toBe(5_000_000_00);
    expect(atLevel3?.contracts[0]?.paymentTermsDays).toBe(30);
    await as("manager").companies.updateMember({ companyId: alpha, userId: s.buyer.user.id, accessLevel: 2 });
    const atLevel2 = await as("buyer").buyerAccount.company({ companyId: alpha });
    expect(atLevel2?.contracts[0]?.creditLimitMinor).toBeNull();
    expect(atLevel2?.contracts[0]?.paymentTermsDays).toBeNull();
    expect(atLevel2?.sees.individualPrices).toBe(true);
    await as("manager").companies.updateMember({ companyId: alpha, userId: s.buyer.user.id, accessLevel: 3 });
  });

  it("lets an owner create and deactivate employee accounts of his company only", async () => {
    const email = `employee.${unique()}@example.com`;
    expect(await outcomeOf(as("buyer").buyerAccount.createEmployee({ companyId: beta, name: "Не владелец", email }))).toBe("FORBIDDEN");
    expect(await outcomeOf(as("buyer").buyerAccount.employees({ companyId: foreign }))).toBe("NOT_FOUND");
    expect(await outcomeOf(as("buyer").buyerAccount.createEmployee({ companyId: foreign, name: "Чужой", email }))).toBe("NOT_FOUND");
    const created = await as("buyer").buyerAccount.createEmployee({ companyId: alpha, name: "Иван Сотрудник", email, accessLevel: 1 });
    expect(created.password).toMatch(/^\S{10,}$/);
    const [user] = await t.db.select().from(users).where(eq(users.id, created.userId));
    expect(user?.role).toBe("buyer");
    expect(await verifyPassword(user!.passwordHash, created.password!)).toBe(true);
    const employees = await as("buyer").buyerAccount.employees({ companyId: alpha });
    expect(employees.find((e) => e.userId === created.userId)).toMatchObject({ isOwner: false, accessLevel: 1, isDefault: true });
    await as("buyer").buyerAccount.setEmployeeActive({ companyId: alpha, userId: created.userId, active: false });
    const [after] = await t.db.select({ isActive: users.isActive }).from(users).where(eq(users.id, created.userId));
    expect(after?.isActive).toBe(false);
    expect(await outcomeOf(as("buyer").buyerAccount.setEmployeeActive({ companyId: alpha, userId: s.otherBuyer.user.id, active: false }))).toBe("NOT_FOUND");
  });

  it("refuses an owner a level above his own and an account shared with other companies", async () => {
    await as("manager").companies.updateMember({ companyId: alpha, userId: s.buyer.user.id, accessLevel: 2 });
    expect(await outcomeOf(as("buyer").buyerAccount.createEmployee({ companyId: alpha, name: "Сверх", email: `hi.${unique()}@example.com`, accessLevel: 3 }))).toBe("BAD_REQUEST");
    await as("manager").companies.updateMember({ companyId: alpha, userId: s.buyer.user.id, accessLevel: 3 });
    const shared = await as("manager").companies.createMember({ companyId: beta, name: "Общий", email: `shared.${unique()}@example.com` });
    await as("manager").companies.attachMember({ companyId: alpha, email: (await t.db.select({ e: users.email }).from(users).where(eq(users.id, shared.userId)))[0]!.e! });
    expect(await outcomeOf(as("buyer").buyerAccount.setEmployeeActive({ companyId: alpha, userId: shared.userId, active: false }))).toBe("FORBIDDEN");
  });

  it("detaching clears the buyer's active company there", async () => {
    await as("buyer").buyerAccount.setActiveCompany({ companyId: beta });
    await as("manager").companies.detachMember({ companyId: beta, userId: s.buyer.user.id });
    const [profile] = await t.db.select().from(buyerProfiles).where(eq(buyerProfiles.userId, s.buyer.user.id));
    expect(profile?.activeCompanyId).toBeNull();
    expect((await as("buyer").buyerAccount.companies()).activeCompanyId).toBe(alpha);
  });
});

describe("registration applications (the closed club)", () => {
  const anonymous = () => callerFor(t.db, null);

  it("stores a pending application, once per e-mail, with the requisites rules", async () => {
    const email = `apply.${unique()}@example.com`;
    expect((await trpcError(anonymous().companies.register({ name: "Пётр", email, companyName: "ООО Ошибка", inn: "7707083894", kpp: SBER.kpp }))).message).toMatch(/^INN/);
    const first = await anonymous().companies.register({ name: "Пётр", email, companyName: "ООО Заявка", inn: YANDEX.inn, kpp: YANDEX.kpp, message: "Хотим работать" });
    const again = await anonymous().companies.register({ name: "Пётр Петров", email: email.toUpperCase(), companyName: "ООО Заявка", inn: YANDEX.inn, kpp: YANDEX.kpp });
    expect(first.updated).toBe(false);
    expect(again.updated).toBe(true);
    const rows = await t.db.select().from(registrationApplications).where(eq(registrationApplications.email, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "pending", name: "Пётр Петров" });
  });

  it("approves into a new company: a buyer account with a one-time password, owner at the chosen level", async () => {
    const email = `new.${unique()}@example.com`;
    await anonymous().companies.register({ name: "Анна", email, companyName: "ИП Анна", inn: "771234567859" });
    const app = (await as("manager").companies.applications({})).find((a) => a.email === email)!;
    const approved = await as("manager").companies.approveApplication({ id: app.id, accessLevel: 2 });
    expect(approved.password).toBeTruthy();
    const [user] = await t.db.select().from(users).where(eq(users.id, approved.userId));
    expect(await verifyPassword(user!.passwordHash, approved.password!)).toBe(true);
    const [company] = await t.db.select().from(companies).where(eq(companies.id, approved.companyId));
    expect(company).toMatchObject({ name: "ИП Анна", inn: "771234567859", kpp: null, managerId: s.manager.user.id });
    const [member] = await t.db.select().from(companyMembers).where(eq(companyMembers.userId, approved.userId));
    expect(member).toMatchObject({ isOwner: true, accessLevel: 2, isDefault: true });
    expect((await trpcError(as("manager").companies.approveApplication({ id: app.id }))).code).toBe("CONFLICT");
  });

  it("approves into an existing company within scope only, and rejects with a reason", async () => {
    const theirs = (await as("otherManager").companies.create({ name: "ООО Для заявки", inn: SBER.inn, kpp: "773601009" })).id;
    const email = `exist.${unique()}@example.com`;
    await anonymous().companies.register({ name: "Олег", email, companyName: "Сбер", inn: SBER.inn, kpp: "773601009" });
    const app = (await as("admin").companies.applications({})).find((a) => a.email === email)!;
    expect(app.matchingCompanyId).toBeTruthy();
    expect(await outcomeOf(as("manager").companies.approveApplication({ id: app.id, companyId: theirs }))).toBe("NOT_FOUND");
    const approved = await as("otherManager").companies.approveApplication({ id: app.id, companyId: theirs, isOwner: false });
    expect(approved.companyId).toBe(theirs);

    const rejectEmail = `reject.${unique()}@example.com`;
    await anonymous().companies.register({ name: "Спам", email: rejectEmail, companyName: "ООО Спам", inn: YANDEX.inn, kpp: YANDEX.kpp });
    const toReject = (await as("head").companies.applications({})).find((a) => a.email === rejectEmail)!;
    expect((await trpcError(as("head").companies.rejectApplication({ id: toReject.id, reason: "" }))).code).toBe("BAD_REQUEST");
    await as("head").companies.rejectApplication({ id: toReject.id, reason: "Не оптовый покупатель" });
    const rejected = (await as("head").companies.applications({ status: "rejected" })).find((a) => a.id === toReject.id);
    expect(rejected?.reason).toBe("Не оптовый покупатель");
  });
});

describe("demo companies", () => {
  it("seeds valid requisites, holdings, and the demo buyer in two companies at different levels", async () => {
    const buyer = await makeUser(t.db, { role: "buyer", email: "buyer@demo.t3crm.local" });
    await makeUser(t.db, { role: "manager", email: "manager@demo.t3crm.local" });
    const before = (await t.db.select({ id: companies.id }).from(companies)).length;
    await seedDemoCompanies(t.db);
    const all = await t.db.select().from(companies);
    expect(all.length - before).toBe(8);
    for (const c of all.filter((row) => row.erpId === null && row.bank)) {
      const parsed = companyFieldsSchema.safeParse({ name: c.name, inn: c.inn, kpp: c.kpp ?? undefined, ogrn: c.ogrn ?? undefined, bik: c.bank?.bik, account: c.bank?.account, correspondentAccount: c.bank?.correspondentAccount });
      expect(parsed.success, `${c.name}: ${parsed.success ? "" : parsed.error.issues[0]?.message}`).toBe(true);
    }
    expect(all.find((c) => c.name.startsWith("ИП Кузнецов"))).toMatchObject({ kpp: null });
    const memberships = await t.db.select().from(companyMembers).where(eq(companyMembers.userId, buyer.id));
    expect(memberships.map((m) => m.accessLevel).sort()).toEqual([2, 3]);
    expect(memberships.find((m) => m.accessLevel === 3)?.isOwner).toBe(true);
    const pending = await t.db.select().from(registrationApplications).where(eq(registrationApplications.status, "pending"));
    expect(pending.map((a) => a.email)).toEqual(expect.arrayContaining(["p.orlov@severstroy.example", "belova.ip@example.com"]));
  });
});
