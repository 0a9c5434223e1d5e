import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { b2bOrders, companies, companyBalances, contracts, type PaymentScheduleEntry } from "@/db/schema";
import { DomainError } from "../errors";
import { loadPricingParties } from "../pricing/load-pricing-context";
import { chooseBaseType } from "../pricing/resolve-prices";
import { formatMinor } from "../money/money";

/** Online orders that are placed but not yet in the ERP's debt: they count against the credit limit. */
export const OPEN_ORDER_STATUSES = ["new", "confirmed", "assembling"] as const;

export interface CompanyBalance {
  companyId: string;
  companyName: string;
  currency: string;
  priceType: string | null;
  creditLimitMinor: number | null;
  debtMinor: number;
  overdueDebtMinor: number;
  daysOverdue: number;
  bonusesMinor: number;
  /** Open online orders not yet in the debt. */
  openOrdersMinor: number;
  /** Credit limit − debt − open orders (null without a credit line). */
  availableMinor: number | null;
  paymentSchedule: PaymentScheduleEntry[];
}

async function defaultContractLimit(db: Db, companyId: string): Promise<number | null> {
  const [row] = await db
    .select({ limit: contracts.creditLimitMinor })
    .from(contracts)
    .where(eq(contracts.companyId, companyId))
    .orderBy(desc(contracts.isDefault), desc(contracts.createdAt))
    .limit(1);
  return row?.limit ?? null;
}

/** The open online orders' total of a company (in its balance currency). */
export async function openOrdersTotal(db: Db, companyId: string, currency: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${b2bOrders.totalMinor}), 0)` })
    .from(b2bOrders)
    .where(and(eq(b2bOrders.companyId, companyId), eq(b2bOrders.source, "online"), eq(b2bOrders.currency, currency), inArray(b2bOrders.status, [...OPEN_ORDER_STATUSES])));
  return Number(row?.total ?? 0);
}

/** The balance widget and page: price type, credit limit, debt, overdue and its days, schedule, bonuses. */
export async function companyBalance(db: Db, companyId: string): Promise<CompanyBalance> {
  const [company] = await db.select({ name: companies.name }).from(companies).where(eq(companies.id, companyId));
  const [balance] = await db.select().from(companyBalances).where(eq(companyBalances.companyId, companyId));
  const currency = balance?.currency ?? "RUB";
  const creditLimitMinor = balance?.creditLimitMinor ?? (await defaultContractLimit(db, companyId));
  const openOrdersMinor = await openOrdersTotal(db, companyId, currency);
  const parties = await loadPricingParties(db, companyId, { personal: true });
  const types = new Map(parties.priceTypes.filter((t) => t.isActive).map((t) => [t.id, t]));
  const chosen = chooseBaseType(parties, types);
  const debtMinor = balance?.debtMinor ?? 0;
  return {
    companyId,
    companyName: company?.name ?? "",
    currency,
    priceType: chosen?.type.name ?? null,
    creditLimitMinor,
    debtMinor,
    overdueDebtMinor: balance?.overdueDebtMinor ?? 0,
    daysOverdue: balance?.daysOverdue ?? 0,
    bonusesMinor: balance?.bonusesMinor ?? 0,
    openOrdersMinor,
    availableMinor: creditLimitMinor === null ? null : creditLimitMinor - debtMinor - openOrdersMinor,
    paymentSchedule: [...(balance?.paymentSchedule ?? [])].sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
  };
}

/**
 * Refuses an order of a company with overdue debt, or one that would take it over its credit
 * limit, saying why and by how much. `details` carries the figures for the UI's own wording.
 */
export function assertCreditAllows(input: {
  currency: string;
  creditLimitMinor: number | null;
  debtMinor: number;
  overdueDebtMinor: number;
  daysOverdue: number;
  openOrdersMinor: number;
  orderTotalMinor: number;
}): void {
  if (input.overdueDebtMinor > 0) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `Orders are blocked: overdue debt of ${formatMinor(input.overdueDebtMinor, input.currency)}, ${input.daysOverdue} days overdue. Pay the overdue amount to order again.`,
      { field: "credit" },
    );
  }
  if (input.creditLimitMinor === null) return;
  const exposure = input.debtMinor + input.openOrdersMinor + input.orderTotalMinor;
  if (exposure > input.creditLimitMinor) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `Credit limit exceeded by ${formatMinor(exposure - input.creditLimitMinor, input.currency)}: limit ${formatMinor(input.creditLimitMinor, input.currency)}, debt ${formatMinor(input.debtMinor, input.currency)}, open orders ${formatMinor(input.openOrdersMinor, input.currency)}, this order ${formatMinor(input.orderTotalMinor, input.currency)}.`,
      { field: "credit" },
    );
  }
}
