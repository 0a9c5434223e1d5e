import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, companies, companyBalances, companyMembers, notifications, outbox } from "@/db/schema";
import { PAYMENT_OVERDUE_TOPIC } from "@/server/domain/notifications/payment-overdue";
import { nextDailyAt, nextMonthlyAt, recurringHandler, scheduleRecurringJobs } from "@/server/jobs/recurring";
import { RECURRING_JOBS, SUPPLIER_STATEMENTS_TOPIC } from "@/server/jobs/recurring-jobs";
import { runDueJobs } from "@/server/jobs/worker";
import { makeUser } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let companyId: string;
let buyerId: string;
let managerId: string;
const handlers = Object.fromEntries(RECURRING_JOBS.map((job) => [job.topic, recurringHandler(job)]));
const DAY = 86_400_000;

const pendingOf = (topic: string) => t.db.select().from(outbox).where(and(eq(outbox.topic, topic), eq(outbox.status, "pending")));
const overdueBell = (userId: string) => t.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.event, "payment.overdue")));

beforeAll(async () => {
  t = await createTestDatabase();
  managerId = (await makeUser(t.db, { role: "manager" })).id;
  buyerId = (await makeUser(t.db, { role: "buyer" })).id;
  const [company] = await t.db.insert(companies).values({ name: "ООО «Должник»", inn: "7707083893", kpp: "770701001", managerId }).returning();
  companyId = company!.id;
  await t.db.insert(companyMembers).values({ userId: buyerId, companyId, accessLevel: 3, isDefault: true });
  await t.db.insert(companyBalances).values({ companyId, currency: "RUB", debtMinor: 500_000, overdueDebtMinor: 120_050, daysOverdue: 12 });
});
afterAll(async () => {
  await t?.destroy();
});

describe("calendar", () => {
  it("daily and monthly times are the next ones strictly after now, in UTC", () => {
    const daily = nextDailyAt(6);
    expect(daily(new Date("2026-12-03T05:59:00Z")).toISOString()).toBe("2026-12-03T06:00:00.000Z");
    expect(daily(new Date("2026-12-03T06:00:00Z")).toISOString()).toBe("2026-12-04T06:00:00.000Z");
    expect(daily(new Date("2026-12-31T23:00:00Z")).toISOString()).toBe("2027-01-01T06:00:00.000Z");
    const monthly = nextMonthlyAt(1, 2);
    expect(monthly(new Date("2026-12-03T10:00:00Z")).toISOString()).toBe("2027-01-01T02:00:00.000Z");
    expect(monthly(new Date("2027-01-01T01:00:00Z")).toISOString()).toBe("2027-01-01T02:00:00.000Z");
  });
});

describe("recurring jobs in the outbox", () => {
  it("are scheduled once at worker start, however often the workers start", async () => {
    const now = new Date("2026-12-03T10:00:00Z");
    await scheduleRecurringJobs(t.db, RECURRING_JOBS, now);
    await scheduleRecurringJobs(t.db, RECURRING_JOBS, now);
    const overdue = await pendingOf(PAYMENT_OVERDUE_TOPIC);
    expect(overdue.map((j) => j.runAt.toISOString())).toEqual(["2026-12-04T06:00:00.000Z"]);
    expect((await pendingOf(SUPPLIER_STATEMENTS_TOPIC)).map((j) => j.runAt.toISOString())).toEqual(["2027-01-01T02:00:00.000Z"]);
  });

  it("remind an overdue company's users and manager once a week while it stays overdue, and at once after it paid and fell overdue again", async () => {
    let now = new Date("2026-12-04T06:00:00Z");
    await runDueJobs(t.db, handlers, { now });
    expect((await overdueBell(buyerId)).map((n) => n.title.ru)).toEqual(["ООО «Должник»: просрочена оплата, 1 200.50 RUB"]);
    expect(await overdueBell(managerId)).toHaveLength(1);
    const [successor] = await pendingOf(PAYMENT_OVERDUE_TOPIC);
    expect(successor!.runAt.toISOString()).toBe("2026-12-05T06:00:00.000Z");
    expect(successor!.payload).toEqual({ state: { reminded: { [companyId]: now.toISOString() } } });

    // The next days: still overdue, already told this week.
    for (let day = 1; day < 7; day++) {
      now = new Date(Date.parse("2026-12-04T06:00:00Z") + day * DAY);
      await runDueJobs(t.db, handlers, { now });
    }
    expect(await overdueBell(buyerId)).toHaveLength(1);
    // A week later: told again.
    now = new Date(Date.parse("2026-12-04T06:00:00Z") + 7 * DAY);
    await runDueJobs(t.db, handlers, { now });
    expect(await overdueBell(buyerId)).toHaveLength(2);

    // Paid: forgotten. Overdue again the next day: told at once.
    await t.db.update(companyBalances).set({ overdueDebtMinor: 0 }).where(eq(companyBalances.companyId, companyId));
    now = new Date(now.getTime() + DAY);
    await runDueJobs(t.db, handlers, { now });
    expect((await pendingOf(PAYMENT_OVERDUE_TOPIC))[0]!.payload).toEqual({ state: { reminded: {} } });
    await t.db.update(companyBalances).set({ overdueDebtMinor: 10_000 }).where(eq(companyBalances.companyId, companyId));
    now = new Date(now.getTime() + DAY);
    await runDueJobs(t.db, handlers, { now });
    expect(await overdueBell(buyerId)).toHaveLength(3);
    expect(await pendingOf(PAYMENT_OVERDUE_TOPIC)).toHaveLength(1);
  });

  it("build last month's supplier statements on the 1st and wait for the next month", async () => {
    const now = new Date("2027-01-01T02:00:00Z");
    await runDueJobs(t.db, handlers, { now });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "supplier_statement.generate"));
    expect(audit?.details).toMatchObject({ period: "2026-12" });
    const [next] = await pendingOf(SUPPLIER_STATEMENTS_TOPIC);
    expect(next!.runAt.toISOString()).toBe("2027-02-01T02:00:00.000Z");
  });
});
