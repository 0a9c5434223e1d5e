import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailMessages, registrationApplications, users } from "@/db/schema";
import { completeOrganisationInn } from "@/server/domain/companies/requisites";
import { notificationEmailHandler } from "@/server/domain/notifications/channel-jobs";
import type { MailTransport } from "@/server/integrations/mail/transport";
import { runDueJobs } from "@/server/jobs/worker";
import { createCaller } from "@/server/trpc/root";
import { trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let staff: ReturnType<typeof callerFor>;
const transport: MailTransport = { name: "mailbox", send: async () => ({ providerId: "test" }) };
const deliver = () => runDueJobs(t.db, { "notification.email": notificationEmailHandler({ transport, from: "t3@test.local", baseUrl: "http://app.test" }) });

let seq = 0;
function application(overrides: Record<string, unknown> = {}) {
  seq += 1;
  const stamp = `${Date.now().toString(36)}-${seq}`;
  return {
    name: `Applicant ${seq}`,
    email: `applicant-${stamp}@test.local`,
    companyName: `ООО Заявка ${seq}`,
    inn: completeOrganisationInn(`78${String(1000000 + seq * 7121).slice(0, 7)}`),
    kpp: "780101001",
    ...overrides,
  };
}
let ip = 0;
/** The public form, from a new address each time: the per-address rate limit is not under test here. */
function anonymous() {
  ip += 1;
  return createCaller({ db: t.db, session: null, ip: `10.88.0.${ip}`, encryptionKey: TEST_ENCRYPTION_KEY });
}
async function applicationOf(email: string) {
  const rows = await t.db.select().from(registrationApplications).where(eq(registrationApplications.email, email));
  return rows;
}

beforeAll(async () => {
  t = await createTestDatabase();
  staff = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role: "admin" })).id));
});
afterAll(async () => {
  await t.destroy();
});

describe("buyer registration applications in the applicant's language", () => {
  it("an English application gets an English approval e-mail and an English account", async () => {
    const input = application();
    await anonymous().companies.register({ ...input, locale: "en" });
    const [app] = await applicationOf(input.email);
    expect(app).toMatchObject({ status: "pending", locale: "en" });
    const approved = await staff.companies.approveApplication({ id: app!.id });
    const [user] = await t.db.select({ locale: users.locale }).from(users).where(eq(users.id, approved.userId));
    expect(user?.locale).toBe("en");
    await deliver();
    const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, input.email));
    expect(mail).toMatchObject({ locale: "en", subject: "Your application is approved" });
  });

  it("an English rejection is in English; a form without a language stays Russian", async () => {
    const english = application();
    const russian = application();
    await anonymous().companies.register({ ...english, locale: "en" });
    await anonymous().companies.register(russian);
    const [en] = await applicationOf(english.email);
    const [ru] = await applicationOf(russian.email);
    expect(ru?.locale).toBe("ru");
    await staff.companies.rejectApplication({ id: en!.id, reason: "Not a wholesale buyer" });
    await staff.companies.rejectApplication({ id: ru!.id, reason: "Не оптовый покупатель" });
    await deliver();
    const [enMail] = await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, english.email));
    const [ruMail] = await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, russian.email));
    expect(enMail).toMatchObject({ locale: "en", subject: "Your application is declined" });
    expect(enMail?.text).toContain("Not a wholesale buyer");
    expect(ruMail).toMatchObject({ locale: "ru", subject: "Ваша заявка отклонена" });
  });

  it("refuses a language it does not know, naming the field", async () => {
    const error = await trpcError(anonymous().companies.register({ ...application(), locale: "de" as "en" }));
    expect(error.code).toBe("BAD_REQUEST");
    // The zod issue names the path: the form shows it beside the field.
    expect(JSON.stringify(error.cause)).toContain("locale");
  });
});

describe("buyer applicants applying again", () => {
  it("a pending application is updated, not duplicated; after a rejection the same e-mail and INN apply again", async () => {
    const input = application();
    await anonymous().companies.register(input);
    await anonymous().companies.register({ ...input, message: "Second thoughts", locale: "en" });
    const pending = await applicationOf(input.email);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ status: "pending", message: "Second thoughts", locale: "en" });

    await staff.companies.rejectApplication({ id: pending[0]!.id, reason: "Send the KPP" });
    await anonymous().companies.register({ ...input, message: "With KPP now" });
    const rows = await applicationOf(input.email);
    expect(rows.map((r) => r.status).sort()).toEqual(["pending", "rejected"]);
    const fresh = rows.find((r) => r.status === "pending")!;
    expect(fresh).toMatchObject({ inn: input.inn, message: "With KPP now" });
    // The rejection made no account, so approving the new application creates one for that e-mail.
    const approved = await staff.companies.approveApplication({ id: fresh.id });
    expect(approved.password).toEqual(expect.any(String));
    const [user] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, approved.userId));
    expect(user?.email).toBe(input.email);
  });
});
