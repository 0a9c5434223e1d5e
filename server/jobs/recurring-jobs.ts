import { PAYMENT_OVERDUE_TOPIC, remindOverduePayments, type OverdueMemory } from "../domain/notifications/payment-overdue";
import { generateStatements, previousMonth } from "../domain/supplier-orders/statements";
import { nextDailyAt, nextMonthlyAt, type RecurringJob } from "./recurring";

export const SUPPLIER_STATEMENTS_TOPIC = "suppliers.monthly_statements";

/** The calendar's jobs: times in UTC (06:00 UTC is 09:00 in Moscow, the start of the customers' working day). */
export const RECURRING_JOBS: readonly RecurringJob[] = [
  {
    topic: PAYMENT_OVERDUE_TOPIC,
    nextRunAt: nextDailyAt(6),
    async run(tx, state, now) {
      const { memory } = await remindOverduePayments(tx, (state.reminded ?? {}) as OverdueMemory, now);
      return { reminded: memory };
    },
  },
  {
    // Last month's statements on the 1st; finance staff can still rebuild any month by hand.
    topic: SUPPLIER_STATEMENTS_TOPIC,
    nextRunAt: nextMonthlyAt(1, 2),
    async run(tx, _state, now) {
      const statements = await generateStatements(tx, null, previousMonth(now), undefined, now);
      return { lastPeriod: previousMonth(now), statements: statements.length };
    },
  },
];
