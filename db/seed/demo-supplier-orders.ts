import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { rowsOf, type Db } from "../client";
import {
  b2bOrderLines, b2bOrders, categories, commissionRules, companyMembers, companies, prices, productUnits, productVariants, products, supplierOrderParts,
  supplierStatements, suppliers, users,
} from "../schema";
import { createSupplierParts } from "../../server/domain/supplier-orders/create-parts";
import { generateStatements } from "../../server/domain/supplier-orders/statements";

const DEMO_BUYER_EMAIL = "buyer@demo.t3crm.local";
const DAY = 86_400_000;

/** Statuses of the demo parts and how many days ago each order was placed; the delivered ones land in the last two months' statements. */
const PLAN: Array<{ status: "new" | "confirmed" | "rejected" | "shipped" | "delivered"; daysAgo: number; deliveredMonthsAgo?: 1 | 2 }> = [
  { status: "new", daysAgo: 0 },
  { status: "new", daysAgo: 1 },
  { status: "confirmed", daysAgo: 3 },
  { status: "shipped", daysAgo: 6 },
  { status: "rejected", daysAgo: 9 },
  { status: "delivered", daysAgo: 40, deliveredMonthsAgo: 1 },
  { status: "delivered", daysAgo: 45, deliveredMonthsAgo: 1 },
  { status: "delivered", daysAgo: 70, deliveredMonthsAgo: 2 },
  { status: "delivered", daysAgo: 75, deliveredMonthsAgo: 2 },
];

function midMonth(monthsAgo: number, now: Date, day: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, day, 11));
}

/**
 * Marketplace orders demo data (idempotent; only when no supplier part exists yet): commission
 * rules (10 % by default, 12 % for the demo supplier's dimmers), a few orders of the demo buyer
 * mixing the operator's own products with the demo supplier's, their supplier parts in every
 * status over the last months, and the statements of the two previous months (the older one paid).
 */
export async function seedDemoSupplierOrders(db: Db, now = new Date()): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(supplierOrderParts);
  if ((existing?.n ?? 0) > 0) return;
  const [supplier] = await db.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.status, "approved")).orderBy(asc(suppliers.createdAt)).limit(1);
  const [buyer] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_BUYER_EMAIL));
  if (!supplier || !buyer) return;
  const [membership] = await db
    .select({ companyId: companyMembers.companyId, legalAddress: companies.legalAddress, name: companies.name })
    .from(companyMembers)
    .innerJoin(companies, eq(companies.id, companyMembers.companyId))
    .where(eq(companyMembers.userId, buyer.id))
    .orderBy(desc(companyMembers.isDefault))
    .limit(1);
  if (!membership) return;
  const pick = (own: boolean) =>
    db
      .selectDistinctOn([products.id], { variantId: productVariants.id, sku: productVariants.sku, name: productVariants.name, unit: productUnits.unit, amountMinor: prices.amountMinor })
      .from(productVariants)
      .innerJoin(products, and(eq(products.id, productVariants.productId), eq(products.status, "published"), own ? isNull(products.supplierId) : eq(products.supplierId, supplier.id)))
      .innerJoin(productUnits, and(eq(productUnits.productId, products.id), eq(productUnits.isDefault, true)))
      .innerJoin(prices, and(eq(prices.variantId, productVariants.id), eq(prices.currency, "RUB")))
      .where(eq(productVariants.isDefault, true))
      .orderBy(asc(products.id), asc(prices.amountMinor))
      .limit(8);
  const [supplierGoods, ownGoods] = await Promise.all([pick(false), pick(true)]);
  if (supplierGoods.length === 0) return;

  await db.insert(commissionRules).values({ percentBp: 1000 }).onConflictDoNothing();
  const [dimmers] = await db.select({ id: categories.id }).from(categories).where(eq(categories.name, "Диммеры")).limit(1);
  if (dimmers) await db.insert(commissionRules).values({ categoryId: dimmers.id, percentBp: 1200 }).onConflictDoNothing();

  for (const [i, plan] of PLAN.entries()) {
    const placedAt = plan.deliveredMonthsAgo ? midMonth(plan.deliveredMonthsAgo, now, 4 + i) : new Date(now.getTime() - plan.daysAgo * DAY - (i + 1) * 3_600_000);
    const goods = [supplierGoods[i % supplierGoods.length]!, supplierGoods[(i + 3) % supplierGoods.length]!].filter((g, k, all) => all.findIndex((x) => x.variantId === g.variantId) === k);
    const own = ownGoods[i % Math.max(1, ownGoods.length)];
    const lines = [...goods, ...(own ? [own] : [])].map((g, sort) => {
      const quantity = 2 + ((i + sort) % 5) * 2;
      return { ...g, quantity, lineTotalMinor: g.amountMinor * quantity, sort };
    });
    const totalMinor = lines.reduce((s, l) => s + l.lineTotalMinor, 0);
    await db.transaction(async (tx) => {
      const [seq] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('b2b_order_number_seq')::text as n`));
      const number = `B2B-${seq!.n}`;
      const orderStatus = plan.status === "delivered" ? "delivered" : plan.status === "new" ? "new" : plan.status === "shipped" ? "shipped" : "confirmed";
      const [order] = await tx
        .insert(b2bOrders)
        .values({
          number, companyId: membership.companyId, buyerId: buyer.id, status: orderStatus, deliveryMethod: "delivery", consignee: membership.name,
          address: membership.legalAddress ?? "Москва", currency: "RUB", totalMinor, vatMinor: Math.round((totalMinor * 20) / 120), createdAt: placedAt, updatedAt: placedAt,
        })
        .returning({ id: b2bOrders.id });
      const inserted = await tx
        .insert(b2bOrderLines)
        .values(lines.map((l) => ({ orderId: order!.id, variantId: l.variantId, sku: l.sku, name: l.name, unit: l.unit, quantity: String(l.quantity), unitMinor: l.amountMinor, lineTotalMinor: l.lineTotalMinor, sort: l.sort })))
        .returning({ id: b2bOrderLines.id });
      const parts = await createSupplierParts(
        tx,
        { id: order!.id, number, companyId: membership.companyId, currency: "RUB" },
        lines.map((l, k) => ({ orderLineId: inserted[k]!.id, variantId: l.variantId, sku: l.sku, name: l.name, unit: l.unit, quantity: l.quantity, unitMinor: l.amountMinor, lineTotalMinor: l.lineTotalMinor })),
        placedAt,
      );
      for (const part of parts) {
        const at = (days: number) => (plan.deliveredMonthsAgo ? new Date(placedAt.getTime() + days * DAY) : new Date(placedAt.getTime() + days * 3_600_000));
        const stage = ["new", "confirmed", "shipped", "delivered"].indexOf(plan.status);
        await tx
          .update(supplierOrderParts)
          .set({
            status: plan.status,
            confirmedAt: stage >= 1 ? at(1) : null,
            shippedAt: stage >= 2 ? at(2) : null,
            deliveredAt: stage >= 3 ? at(5) : null,
            trackingNumber: stage >= 2 ? `CDEK-10${4417 + i}` : null,
            carrier: stage >= 2 ? "СДЭК" : null,
            rejectedAt: plan.status === "rejected" ? at(2) : null,
            rejectReason: plan.status === "rejected" ? "Нет на складе поставщика, поставка через 3 недели" : null,
            updatedAt: at(5),
          })
          .where(eq(supplierOrderParts.id, part.id));
      }
    });
  }
  for (const monthsAgo of [2, 1]) {
    const period = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1)).toISOString().slice(0, 7);
    await generateStatements(db, null, period, supplier.id, now);
  }
  const [older] = await db.select({ id: supplierStatements.id, periodStart: supplierStatements.periodStart }).from(supplierStatements).orderBy(asc(supplierStatements.periodStart)).limit(1);
  if (older) {
    const paidAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10)).toISOString().slice(0, 10);
    await db.update(supplierStatements).set({ payoutStatus: "paid", paidAt, paymentReference: "п/п 1187" }).where(eq(supplierStatements.id, older.id));
  }
}
