import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { ledgerEntries, orders, processors } from "../../../db/schema";
import { feeMinor, toUsdMinor } from "../money/money";

type OrderForLedger = Pick<typeof orders.$inferSelect, "id" | "currency" | "totalMinor" | "usdPerUnit" | "processorId">;

function entry(order: OrderForLedger, kind: (typeof ledgerEntries.$inferInsert)["kind"], amountMinor: number, actorId: string | null, now: Date) {
  return {
    orderId: order.id,
    kind,
    amountMinor,
    currency: order.currency,
    usdMinor: toUsdMinor(amountMinor, order.currency, order.usdPerUnit),
    processorId: order.processorId,
    createdBy: actorId,
    createdAt: now,
  };
}

/**
 * A paid order adds its total and subtracts the fee of the processor that took the payment. The
 * unique (order, kind) index makes a repeated approval count nothing twice.
 */
export async function recordSale(db: Db, order: OrderForLedger, actorId: string | null, now: Date): Promise<void> {
  const rows = [entry(order, "sale", order.totalMinor, actorId, now)];
  if (order.processorId) {
    const [processor] = await db
      .select({ bp: processors.feeBasisPoints, fixed: processors.feeFixedMinor })
      .from(processors)
      .where(eq(processors.id, order.processorId))
      .limit(1);
    const fee = processor ? feeMinor(order.totalMinor, processor.bp, processor.fixed) : 0;
    if (fee > 0) rows.push(entry(order, "processor_fee", -fee, actorId, now));
  }
  await db.insert(ledgerEntries).values(rows).onConflictDoNothing();
}

export async function recordReversal(db: Db, order: OrderForLedger, kind: "refund" | "chargeback", actorId: string | null, now: Date): Promise<void> {
  await db.insert(ledgerEntries).values(entry(order, kind, -order.totalMinor, actorId, now)).onConflictDoNothing();
}

/** The balance in US cents: the sum of the ledger, optionally up to a moment. */
export async function balanceUsdMinor(db: Db, until?: Date): Promise<number> {
  const [row] = await db
    .select({ sum: sql<string | null>`sum(${ledgerEntries.usdMinor})` })
    .from(ledgerEntries)
    .where(until ? sql`${ledgerEntries.createdAt} <= ${until.toISOString()}::timestamptz` : undefined);
  return Number(row?.sum ?? 0);
}

export async function ledgerForOrder(db: Db, orderId: string) {
  return db.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, orderId)).orderBy(ledgerEntries.id);
}
