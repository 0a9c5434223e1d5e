import { and, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { companies, companyBalances, companyMembers } from "../../../db/schema";
import { formatMinor } from "../money/money";
import { notify } from "./notify";

export const PAYMENT_OVERDUE_TOPIC = "payments.overdue_reminders";

/** How often one overdue company is reminded while its debt stays overdue. */
export const OVERDUE_REMINDER_DAYS = 7;

/** When each company was last reminded (ISO time by company id): carried from one daily run to the next. */
export type OverdueMemory = Record<string, string>;

/**
 * Seed 002's "payment overdue": every active company with overdue debt tells its users (client
 * audience: push and the bell by default) and its manager (staff), once a week while it stays
 * overdue. A company that paid drops out of the memory, so a new overdue is told at once. Writes
 * in the caller's transaction; returns the new memory and how many companies were reminded.
 */
export async function remindOverduePayments(db: Db, memory: OverdueMemory, now = new Date()): Promise<{ memory: OverdueMemory; reminded: number }> {
  const overdue = await db
    .select({
      companyId: companies.id, name: companies.name, managerId: companies.managerId,
      overdueMinor: companyBalances.overdueDebtMinor, currency: companyBalances.currency, days: companyBalances.daysOverdue,
    })
    .from(companyBalances)
    .innerJoin(companies, eq(companies.id, companyBalances.companyId))
    .where(and(gt(companyBalances.overdueDebtMinor, 0), eq(companies.status, "active")));
  const next: OverdueMemory = {};
  const due = overdue.filter((c) => {
    const last = memory[c.companyId];
    if (last && now.getTime() - new Date(last).getTime() < OVERDUE_REMINDER_DAYS * 86_400_000) {
      next[c.companyId] = last;
      return false;
    }
    return true;
  });
  if (due.length === 0) return { memory: next, reminded: 0 };
  const members = await db
    .select({ companyId: companyMembers.companyId, userId: companyMembers.userId })
    .from(companyMembers)
    .where(inArray(companyMembers.companyId, due.map((c) => c.companyId)));
  for (const company of due) {
    const amount = formatMinor(company.overdueMinor, company.currency);
    const clients = members.filter((m) => m.companyId === company.companyId).map((m) => m.userId);
    if (clients.length) {
      await notify(db, {
        event: "payment.overdue", userIds: clients,
        title: { en: `${company.name}: payment overdue, ${amount}`, ru: `${company.name}: просрочена оплата, ${amount}` },
        body: { en: `${company.days} days overdue. New orders wait until it is paid.`, ru: `Просрочка ${company.days} дн. Новые заказы — после оплаты.` },
        link: "/b2b/balance",
      });
    }
    if (company.managerId) {
      await notify(db, {
        event: "payment.overdue", userIds: [company.managerId],
        title: { en: `${company.name} is overdue: ${amount}`, ru: `${company.name}: просрочена оплата ${amount}` },
        body: { en: `${company.days} days overdue`, ru: `Просрочка ${company.days} дн.` },
        link: `/companies/${company.companyId}`,
      });
    }
    next[company.companyId] = now.toISOString();
  }
  return { memory: next, reminded: due.length };
}
