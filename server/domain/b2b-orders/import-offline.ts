import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { B2B_ORDER_STATUSES, b2bOrderEvents, b2bOrderLines, b2bOrders, companies, productVariants } from "@/db/schema";
import { badInput } from "../errors";
import { VAT_PERCENT } from "./checkout";

/** An order placed outside the portal, as the ERP (1C) sends it. */
export const offlineOrderSchema = z.object({
  erpId: z.string().trim().min(1).max(100),
  number: z.string().trim().min(1).max(40),
  companyErpId: z.string().trim().min(1).max(100),
  status: z.enum(B2B_ORDER_STATUSES),
  currency: z.string().length(3).default("RUB"),
  createdAt: z.iso.datetime(),
  lines: z
    .array(z.object({ sku: z.string().trim().min(1).max(100), name: z.string().trim().min(1).max(500), unit: z.string().max(20).default("pcs"), quantity: z.number().positive(), unitMinor: z.number().int().nonnegative() }))
    .min(1),
});
export type OfflineOrder = z.infer<typeof offlineOrderSchema>;

/**
 * Imports (or updates, by erp id) an offline order into the history: source "offline", no
 * reservation and no credit check (the ERP already decided); lines keep the ERP's prices.
 */
export async function importOfflineOrder(db: Db, input: OfflineOrder) {
  const data = offlineOrderSchema.parse(input);
  const [company] = await db.select({ id: companies.id }).from(companies).where(eq(companies.erpId, data.companyErpId));
  if (!company) throw badInput(`Unknown company erp id ${data.companyErpId}`, "companyErpId");
  const variants = await db
    .select({ id: productVariants.id, sku: productVariants.sku })
    .from(productVariants)
    .where(inArray(productVariants.sku, data.lines.map((l) => l.sku)));
  const bySku = new Map(variants.map((v) => [v.sku, v.id]));
  const totalMinor = data.lines.reduce((sum, l) => sum + Math.round(l.unitMinor * l.quantity), 0);
  return db.transaction(async (tx) => {
    const values = {
      number: data.number, companyId: company.id, status: data.status, source: "offline" as const, currency: data.currency.toUpperCase(),
      totalMinor, vatMinor: Math.round((totalMinor * VAT_PERCENT) / (100 + VAT_PERCENT)), erpId: data.erpId, createdAt: new Date(data.createdAt), updatedAt: new Date(),
    };
    const [order] = await tx
      .insert(b2bOrders)
      .values(values)
      .onConflictDoUpdate({ target: b2bOrders.erpId, set: { status: values.status, totalMinor, vatMinor: values.vatMinor, updatedAt: values.updatedAt } })
      .returning({ id: b2bOrders.id });
    await tx.delete(b2bOrderLines).where(eq(b2bOrderLines.orderId, order!.id));
    await tx.insert(b2bOrderLines).values(
      data.lines.map((l, sort) => ({
        orderId: order!.id, variantId: bySku.get(l.sku) ?? null, sku: l.sku, name: l.name, unit: l.unit, quantity: String(l.quantity),
        unitMinor: l.unitMinor, lineTotalMinor: Math.round(l.unitMinor * l.quantity), sort,
      })),
    );
    await tx.insert(b2bOrderEvents).values({ orderId: order!.id, kind: "imported", toStatus: data.status, details: { erpId: data.erpId } });
    return { id: order!.id, number: data.number };
  });
}
