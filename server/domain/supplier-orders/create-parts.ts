import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { categories, productVariants, products, supplierOrderPartLines, supplierOrderParts } from "../../../db/schema";
import { notify } from "../notifications/notify";
import { loadCommissionRules } from "./commission";
import { splitBySupplier } from "./split";
import { supplierMemberIds } from "../suppliers/supplier-scope";

export interface PlacedOrderForSplit {
  id: string;
  number: string;
  companyId: string;
  currency: string;
}

export interface PlacedLine {
  orderLineId: string;
  variantId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitMinor: number;
  lineTotalMinor: number;
}

/**
 * Checkout's marketplace step, inside its transaction: one part per supplier whose products the
 * order holds, with commission snapshots, and a notification to the supplier's people. A failure
 * here rolls the whole checkout back, so an order never exists without its parts.
 */
export async function createSupplierParts(tx: Db, order: PlacedOrderForSplit, lines: readonly PlacedLine[], now = new Date()) {
  if (lines.length === 0) return [];
  const owners = await tx
    .select({ variantId: productVariants.id, productId: products.id, supplierId: products.supplierId, categoryPath: categories.path })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .leftJoin(categories, eq(categories.id, products.mainCategoryId))
    .where(inArray(productVariants.id, [...new Set(lines.map((l) => l.variantId))]));
  const ownerOf = new Map(owners.map((o) => [o.variantId, o]));
  if (!owners.some((o) => o.supplierId)) return [];
  const planned = splitBySupplier(
    lines.map((l) => {
      const owner = ownerOf.get(l.variantId);
      return { ...l, productId: owner?.productId ?? null, supplierId: owner?.supplierId ?? null, categoryPath: owner?.categoryPath ?? null };
    }),
    await loadCommissionRules(tx),
  );
  const created: Array<{ id: string; number: string; supplierId: string }> = [];
  for (const [index, part] of planned.entries()) {
    const number = `${order.number}/S${index + 1}`;
    const [row] = await tx
      .insert(supplierOrderParts)
      .values({
        number, b2bOrderId: order.id, supplierId: part.supplierId, companyId: order.companyId, status: "new", currency: order.currency,
        totalMinor: part.totalMinor, commissionMinor: part.commissionMinor, createdAt: now, updatedAt: now,
      })
      .returning({ id: supplierOrderParts.id });
    await tx.insert(supplierOrderPartLines).values(
      part.lines.map((l) => ({
        partId: row!.id, orderLineId: l.orderLineId, productId: l.productId, sku: l.sku, name: l.name, unit: l.unit, quantity: String(l.quantity),
        unitMinor: l.unitMinor, lineTotalMinor: l.lineTotalMinor, commissionBp: l.commissionBp, commissionRuleId: l.commissionRuleId, commissionMinor: l.commissionMinor,
      })),
    );
    const memberIds = await supplierMemberIds(tx, part.supplierId);
    await notify(tx, {
      event: "supplier_order.new",
      userIds: memberIds,
      title: { en: `New order ${number}`, ru: `Новый заказ ${number}` },
      body: { en: `${part.lines.length} line(s) to confirm`, ru: `Позиций к подтверждению: ${part.lines.length}` },
      link: `/supplier/orders/${row!.id}`,
    });
    created.push({ id: row!.id, number, supplierId: part.supplierId });
  }
  return created;
}
