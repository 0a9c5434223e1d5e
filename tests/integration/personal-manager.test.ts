import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies, companyMembers, mailMessages, outbox } from "@/db/schema";
import { MANAGER_QUESTION_TOPIC, QUESTIONS_PER_HOUR } from "@/server/domain/companies/personal-manager";
import { managerQuestionHandler } from "@/server/domain/email/send-manager-question";
import { smtpTransport } from "@/server/integrations/mail/transport";
import { runDueJobs, type JobHandlers } from "@/server/jobs/worker";
import { trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { LocalSmtp } from "../helpers/local-smtp";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
const smtp = new LocalSmtp();
let handlers: JobHandlers;
let buyer: Awaited<ReturnType<typeof makeUser>>;
let orphan: Awaited<ReturnType<typeof makeUser>>;
let manager: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  t = await createTestDatabase();
  await smtp.start();
  handlers = { [MANAGER_QUESTION_TOPIC]: managerQuestionHandler({ transport: smtpTransport(`smtp://127.0.0.1:${smtp.port}`), from: "T3 CRM <no-reply@test.local>" }) };
  manager = await makeUser(t.db, { role: "manager", name: "Ирина Соколова", phone: "74951234567", locale: "ru" });
  buyer = await makeUser(t.db, { role: "buyer", name: "Пётр Иванов", phone: "79991234567" });
  orphan = await makeUser(t.db, { role: "buyer" });
  const [served, unserved] = await t.db
    .insert(companies)
    .values([
      { name: "ООО Вектор", inn: "7707083893", kpp: "770701001", managerId: manager.id },
      { name: "ООО Без менеджера", inn: "7802000001", kpp: "780201001" },
    ])
    .returning();
  await t.db.insert(companyMembers).values([
    { userId: buyer.id, companyId: served!.id, accessLevel: 2, isDefault: true },
    { userId: orphan.id, companyId: unserved!.id, accessLevel: 2, isDefault: true },
  ]);
});
afterAll(async () => {
  await smtp.stop();
  await t.destroy();
});

describe("personal manager", () => {
  it("shows the buyer their company's manager with contacts", async () => {
    const api = callerFor(t.db, await sessionFor(t.db, buyer.id));
    expect(await api.buyerAccount.manager()).toMatchObject({ companyName: "ООО Вектор", name: "Ирина Соколова", email: manager.email, phone: "74951234567" });
    expect(await callerFor(t.db, await sessionFor(t.db, orphan.id)).buyerAccount.manager()).toBeNull();
  });

  it("e-mails a question to the manager through the outbox, in the manager's language, reply going to the buyer", async () => {
    const api = callerFor(t.db, await sessionFor(t.db, buyer.id));
    expect(await api.buyerAccount.askManager({ topic: "Отсрочка", question: "Можно ли получить отсрочку платежа 30 дней?" })).toEqual({ queued: true, managerName: "Ирина Соколова" });
    const [job] = await t.db.select().from(outbox).where(eq(outbox.topic, MANAGER_QUESTION_TOPIC));
    expect(job?.status).toBe("pending");
    expect(await runDueJobs(t.db, handlers)).toBe(1);
    expect(await runDueJobs(t.db, handlers)).toBe(0);
    const mail = smtp.received.at(-1)!;
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe(manager.email);
    expect(mail.replyTo?.text).toBe(buyer.email);
    expect(mail.subject).toBe("Вопрос от ООО Вектор: Отсрочка");
    expect(mail.text).toContain("Можно ли получить отсрочку платежа 30 дней?");
    expect(mail.text).toContain("ИНН 7707083893");
    expect(mail.text).toContain("+79991234567");
    const [logged] = await t.db.select().from(mailMessages).where(eq(mailMessages.kind, "manager_question"));
    expect(logged).toMatchObject({ status: "sent", toAddress: manager.email });
  });

  it("a reconciliation-act request is stored and e-mailed to the manager; without a manager it is only stored", async () => {
    const api = callerFor(t.db, await sessionFor(t.db, buyer.id));
    const before = smtp.received.length;
    expect(await api.ordering.requestReconciliation({ from: "2026-01-01", to: "2026-03-31" })).toMatchObject({ periodFrom: "2026-01-01", periodTo: "2026-03-31", notified: true });
    await runDueJobs(t.db, handlers);
    const mail = smtp.received.at(-1)!;
    expect(smtp.received.length).toBe(before + 1);
    expect(mail.subject).toBe("Запрос акта сверки от ООО Вектор");
    expect(mail.text).toContain("2026-01-01 – 2026-03-31");
    expect(mail.replyTo?.text).toBe(buyer.email);
    const [logged] = await t.db.select().from(mailMessages).where(eq(mailMessages.kind, "reconciliation_request"));
    expect(logged?.status).toBe("sent");
    const orphanApi = callerFor(t.db, await sessionFor(t.db, orphan.id));
    expect(await orphanApi.ordering.requestReconciliation({ from: "2026-01-01", to: "2026-01-31" })).toMatchObject({ notified: false });
    expect((await trpcError(api.ordering.requestReconciliation({ from: "2026-03-01", to: "2026-01-01" }))).message).toMatch(/from/);
    await t.db.delete(outbox).where(eq(outbox.topic, MANAGER_QUESTION_TOPIC));
  });

  it("refuses a question without a manager, an empty question and a flood", async () => {
    const orphanApi = callerFor(t.db, await sessionFor(t.db, orphan.id));
    expect((await trpcError(orphanApi.buyerAccount.askManager({ question: "Есть кто-нибудь?" }))).message).toMatch(/no personal manager/);
    const api = callerFor(t.db, await sessionFor(t.db, buyer.id));
    expect((await trpcError(api.buyerAccount.askManager({ question: " ? " }))).message).toMatch(/question/);
    const error = await (async () => {
      for (let i = 0; i < QUESTIONS_PER_HOUR + 1; i += 1) await api.buyerAccount.askManager({ question: `Вопрос номер ${i}` });
      return null;
    })().catch((e: unknown) => e);
    expect(String(error)).toMatch(/questions an hour/);
    const queued = await t.db.select().from(outbox).where(eq(outbox.topic, MANAGER_QUESTION_TOPIC));
    expect(queued).toHaveLength(QUESTIONS_PER_HOUR);
  });

  it("is for buyers only", async () => {
    for (const role of ["admin", "manager", "supplier", "call_center"] as const) {
      const api = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role })).id));
      expect((await trpcError(api.buyerAccount.askManager({ question: "Hello manager" }))).code, role).toBe("FORBIDDEN");
      expect((await trpcError(api.buyerAccount.manager())).code, role).toBe("FORBIDDEN");
    }
    expect((await trpcError(callerFor(t.db, null).buyerAccount.manager())).code).toBe("UNAUTHORIZED");
  });
});
