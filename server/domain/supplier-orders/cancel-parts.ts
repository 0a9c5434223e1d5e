import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { supplierOrderParts } from "../../../db/schema";
import { DomainError } from "../errors";
import { notify } from "../notifications/notify";
import { supplierMemberIds } from "../suppliers/supplier-scope";

const CANCEL_REASON = { en: "The buyer's order was cancelled", ru: "Заказ покупателя отменён" };

/**
 * Inside the cancellation of a B2B order: a part a supplier has already shipped (or delivered)
 * makes the order impossible to cancel; open parts (new, confirmed) are rejected with the reason
 * and their supplier is told. Rows are locked so a supplier's move cannot slip in between.
 */
export async function cancelSupplierParts(tx: Db, orderId: string, now = new Date()): Promise<number> {
  const parts = await tx
    .select({ id: supplierOrderParts.id, number: supplierOrderParts.number, status: supplierOrderParts.status, supplierId: supplierOrderParts.supplierId })
    .from(supplierOrderParts)
    .where(eq(supplierOrderParts.b2bOrderId, orderId))
    .for("update");
  const gone = parts.filter((p) => p.status === "shipped" || p.status === "delivered");
  if (gone.length) {
    throw new DomainError("PRECONDITION_FAILED", `A supplier has already shipped its part (${gone.map((p) => p.number).join(", ")}): the order cannot be cancelled; file a return instead`, { field: "status" });
  }
  const open = parts.filter((p) => p.status === "new" || p.status === "confirmed");
  if (open.length === 0) return 0;
  await tx
    .update(supplierOrderParts)
    .set({ status: "rejected", rejectReason: CANCEL_REASON.ru, rejectedAt: now, updatedAt: now })
    .where(and(inArray(supplierOrderParts.id, open.map((p) => p.id)), inArray(supplierOrderParts.status, ["new", "confirmed"])));
  for (const part of open) {
    await notify(tx, {
      event: "supplier_order.status",
      userIds: await supplierMemberIds(tx, part.supplierId),
      title: { en: `Order ${part.number} cancelled by the buyer`, ru: `Заказ ${part.number} отменён покупателем` },
      body: { en: "Do not ship it.", ru: "Не отгружайте его." },
      link: `/supplier/orders/${part.id}`,
    });
  }
  return open.length;
}
