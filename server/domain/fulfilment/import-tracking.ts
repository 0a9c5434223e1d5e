import { eq, or } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orders } from "../../../db/schema";
import { DomainError } from "../errors";
import type { OrderActor } from "../orders/order-actor";
import { addTrackingNumber } from "./tracking";
import { readTrackingFile } from "./tracking-file";

export type ImportRowResult = { line: number; order: string; ok: true; orderId: string; trackingNumber: string; status: string | null } | { line: number; order: string; ok: false; error: string };

async function resolveOrderId(db: Db, reference: string): Promise<string | null> {
  if (/^ord_[A-Za-z0-9_-]{22}$/.test(reference)) return reference;
  const number = /^#?\d{1,15}$/.test(reference) ? Number(reference.replace("#", "")) : null;
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(number !== null ? or(eq(orders.number, number), eq(orders.shopOrderId, reference)) : eq(orders.shopOrderId, reference))
    .limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

/**
 * Bulk tracking numbers from the shipper's CSV/XLSX: each row on its own (one bad row does not
 * stop the others), each through addTrackingNumber, so every order gets its status, event and e-mail.
 */
export async function importTrackingFile(db: Db, actor: OrderActor, file: { filename: string; content: Buffer }): Promise<{ results: ImportRowResult[]; applied: number; failed: number }> {
  const rows = await readTrackingFile(file.filename, file.content);
  const results: ImportRowResult[] = [];
  for (const row of rows) {
    try {
      const orderId = row.order ? await resolveOrderId(db, row.order) : null;
      if (!orderId) throw new DomainError("NOT_FOUND", `No single order matches "${row.order}"`);
      const r = await addTrackingNumber(db, actor, orderId, { trackingNumber: row.trackingNumber, carrier: row.carrier });
      results.push({ line: row.line, order: row.order, ok: true, orderId, trackingNumber: r.trackingNumber, status: r.status });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ line: row.line, order: row.order, ok: false, error: error.message });
    }
  }
  return { results, applied: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}
