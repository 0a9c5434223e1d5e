import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { b2bOrderEvents } from "@/db/schema";
import { checkLowStockOfVariants } from "../supplier-products/low-stock";

export const RESERVATION_EXPIRE_TOPIC = "b2b.reservation_expire";

export type ReleaseReason = "expired" | "cancelled" | "shipped";

interface ReservationRow {
  id: string;
  order_id: string;
  variant_id: string;
  warehouse_id: string;
  quantity: string;
}

/**
 * Releases open reservations (of one order, or every expired one) in the caller's transaction:
 * each reservation row is locked (SKIP LOCKED for the sweep, so two workers never release one
 * twice), the stock's `reserved` goes down by its quantity — and for "shipped" the stock's
 * `quantity` too, since the goods left. Returns how many were released.
 */
export async function releaseReservations(tx: Db, target: { orderId: string } | { expiredBefore: Date }, reason: ReleaseReason, actorId: string | null = null): Promise<number> {
  const where =
    "orderId" in target
      ? sql`order_id = ${target.orderId} and released_at is null`
      : sql`released_at is null and expires_at <= ${target.expiredBefore.toISOString()}::timestamptz`;
  const locked = await tx.execute(
    sql`select id, order_id, variant_id, warehouse_id, quantity::text as quantity from stock_reservations where ${where} order by variant_id, warehouse_id for update skip locked`,
  );
  const rows = rowsOf<ReservationRow>(locked);
  for (const r of rows) {
    await tx.execute(
      reason === "shipped"
        ? sql`update stock set reserved = greatest(reserved - ${r.quantity}::numeric, 0), quantity = greatest(quantity - ${r.quantity}::numeric, 0), updated_at = now() where variant_id = ${r.variant_id} and warehouse_id = ${r.warehouse_id}`
        : sql`update stock set reserved = greatest(reserved - ${r.quantity}::numeric, 0), updated_at = now() where variant_id = ${r.variant_id} and warehouse_id = ${r.warehouse_id}`,
    );
  }
  // Free stock rose (release) or the goods left (shipped): a supplier's low-stock alert follows.
  await checkLowStockOfVariants(tx, rows.map((r) => r.variant_id));
  if (rows.length > 0) {
    await tx.execute(sql`update stock_reservations set released_at = now(), release_reason = ${reason} where id in (${sql.join(
      rows.map((r) => sql`${r.id}::uuid`),
      sql`, `,
    )})`);
    const orderIds = [...new Set(rows.map((r) => r.order_id))];
    await tx.insert(b2bOrderEvents).values(orderIds.map((orderId) => ({ orderId, actorId, kind: "reservation.released", details: { reason } })));
  }
  return rows.length;
}

/** The expiry job: releases every reservation whose time is up, in one transaction. */
export async function releaseExpiredReservations(db: Db, now = new Date()): Promise<number> {
  return db.transaction((tx) => releaseReservations(tx, { expiredBefore: now }, "expired"));
}
