import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { ledgerEntries, processors } from "../../../db/schema";
import { adapterFactory, MANUAL_ADAPTER } from "../../integrations/payments/registry";
import type { Processor } from "./processors";

export interface PaymentToRoute {
  paymentMethod: string;
  currency: string;
  /** The billing country. */
  country: string;
  totalUsdMinor: number;
}

export interface ProcessorVolume {
  dayUsdMinor: number;
  monthUsdMinor: number;
}

export type RoutingVerdict = { ok: true } | { ok: false; reason: string };

/** Why a processor cannot take this payment, or ok. Pure: the caller supplies the volumes. */
export function eligibility(processor: Processor, payment: PaymentToRoute, volume: ProcessorVolume): RoutingVerdict {
  if (!processor.isEnabled) return { ok: false, reason: "switched off" };
  if (processor.autoDisabledAt) return { ok: false, reason: `switched off automatically (${processor.autoDisabledReason ?? "failures"})` };
  if (processor.adapter === MANUAL_ADAPTER) return { ok: false, reason: "takes payments outside the CRM (manual)" };
  if (!adapterFactory(processor.adapter)) return { ok: false, reason: `unknown adapter ${processor.adapter}` };
  if (!processor.methods.includes(payment.paymentMethod)) return { ok: false, reason: `does not take ${payment.paymentMethod}` };
  if (processor.currencies.length > 0 && !processor.currencies.includes(payment.currency)) return { ok: false, reason: `does not take ${payment.currency}` };
  if (processor.countries.length > 0 && !processor.countries.includes(payment.country)) return { ok: false, reason: `does not serve ${payment.country}` };
  if (processor.minAmountUsdMinor !== null && payment.totalUsdMinor < processor.minAmountUsdMinor) return { ok: false, reason: "below its minimum amount" };
  if (processor.maxAmountUsdMinor !== null && payment.totalUsdMinor > processor.maxAmountUsdMinor) return { ok: false, reason: "above its maximum amount" };
  if (processor.dailyCapUsdMinor !== null && volume.dayUsdMinor + payment.totalUsdMinor > processor.dailyCapUsdMinor) return { ok: false, reason: "daily volume cap reached" };
  if (processor.monthlyCapUsdMinor !== null && volume.monthUsdMinor + payment.totalUsdMinor > processor.monthlyCapUsdMinor) return { ok: false, reason: "monthly volume cap reached" };
  return { ok: true };
}

/** Approved volume of a processor today and this month (UTC), from the ledger's sale entries. */
export async function processorVolume(db: Db, processorId: string, now: Date): Promise<ProcessorVolume> {
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [row] = await db
    .select({
      day: sql<string | null>`sum(${ledgerEntries.usdMinor}) filter (where ${ledgerEntries.createdAt} >= ${dayStart.toISOString()}::timestamptz)`,
      month: sql<string | null>`sum(${ledgerEntries.usdMinor})`,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.processorId, processorId), eq(ledgerEntries.kind, "sale"), gte(ledgerEntries.createdAt, monthStart)));
  return { dayUsdMinor: Number(row?.day ?? 0), monthUsdMinor: Number(row?.month ?? 0) };
}

export interface RoutePlan {
  eligible: Processor[];
  skipped: Array<{ processor: string; reason: string }>;
}

/** The processors to try, in order (priority, then name), and why the others were left out. */
export async function planRoute(db: Db, payment: PaymentToRoute, now: Date): Promise<RoutePlan> {
  const rows = await db.select().from(processors).orderBy(processors.priority, processors.name);
  const plan: RoutePlan = { eligible: [], skipped: [] };
  for (const row of rows) {
    const needsVolume = row.dailyCapUsdMinor !== null || row.monthlyCapUsdMinor !== null;
    const volume = needsVolume ? await processorVolume(db, row.id, now) : { dayUsdMinor: 0, monthUsdMinor: 0 };
    const verdict = eligibility(row, payment, volume);
    if (verdict.ok) plan.eligible.push(row);
    else plan.skipped.push({ processor: row.name, reason: verdict.reason });
  }
  return plan;
}
