import { and, asc, count, eq, gt, sql } from "drizzle-orm";
import { firstValidQuantity } from "../../server/domain/catalog/quantity";
import type { Db } from "../client";
import { b2bOrderLines, b2bOrders, cartLines, carts, companies, companyAddresses, companyBalances, products, productUnits, productVariants, stock, users } from "../schema";

const DEMO_BUYER_EMAIL = "buyer@demo.t3crm.local";

/** Balances per demo company (by name): one with overdue debt shows the order block. */
const BALANCES: Record<string, { limit: number | null; debt: number; overdue?: number; days?: number; bonuses?: number }> = {
  "ООО «СтройМаркет Центр»": { limit: 50_000_000_00, debt: 1_250_000_00, bonuses: 12_500_00 },
  "ООО «Ремонт и Дом»": { limit: 800_000_00, debt: 640_000_00, overdue: 85_000_00, days: 17 },
  "ООО «ТехноПром»": { limit: 2_000_000_00, debt: 300_000_00 },
  "ИП Кузнецов Андрей Викторович": { limit: null, debt: 0 },
};

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * B2B ordering demo data (idempotent; only when no balance exists yet): credit limits, debt and a
 * payment schedule for the demo companies, consignee addresses, and the demo buyer's cart with
 * three in-stock products, so the balance widget and the cart are not empty on first start.
 */
export async function seedDemoOrdering(db: Db): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(companyBalances);
  if ((existing?.n ?? 0) > 0) return;
  const rows = await db.select({ id: companies.id, name: companies.name, legalAddress: companies.legalAddress }).from(companies);
  if (rows.length === 0) return;
  for (const company of rows) {
    const b = BALANCES[company.name] ?? { limit: 1_000_000_00, debt: 0 };
    await db.insert(companyBalances).values({
      companyId: company.id,
      creditLimitMinor: b.limit,
      debtMinor: b.debt,
      overdueDebtMinor: b.overdue ?? 0,
      daysOverdue: b.days ?? 0,
      bonusesMinor: b.bonuses ?? 0,
      paymentSchedule: b.debt > 0 ? [{ dueDate: isoDay(14), amountMinor: Math.round(b.debt / 2) }, { dueDate: isoDay(44), amountMinor: b.debt - Math.round(b.debt / 2) }] : [],
    });
    await db.insert(companyAddresses).values([
      { companyId: company.id, consignee: company.name, address: company.legalAddress ?? "Москва", isDefault: true },
      { companyId: company.id, consignee: `${company.name}, склад`, address: "Москва, ул. Складочная, 1, стр. 4", contactName: "Кладовщик", phone: "+7 495 000-00-00" },
    ]);
  }
  const [buyer] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_BUYER_EMAIL));
  if (!buyer) return;
  const picks = await db
    .selectDistinctOn([products.id], { variantId: productVariants.id, unit: productUnits.unit, minQty: productUnits.minQty, multiple: productUnits.multiple })
    .from(productVariants)
    .innerJoin(products, and(eq(products.id, productVariants.productId), eq(products.status, "published")))
    .innerJoin(productUnits, and(eq(productUnits.productId, products.id), eq(productUnits.isDefault, true)))
    .innerJoin(stock, and(eq(stock.variantId, productVariants.id), gt(stock.quantity, sql`100`)))
    .where(eq(productVariants.isDefault, true))
    .orderBy(asc(products.id))
    .limit(3);
  const [cart] = await db.insert(carts).values({ userId: buyer.id, name: "Основная", isActive: true }).returning();
  await db.insert(carts).values({ userId: buyer.id, name: "Объект на Ленинском", status: "saved" });
  const center = rows.find((r) => r.name === "ООО «СтройМаркет Центр»");
  if (center && picks.length) {
    // An order placed in 1C, outside the portal: the history marks it offline.
    const qty = 20;
    const unitMinor = 45_000;
    const [offline] = await db
      .insert(b2bOrders)
      .values({
        number: "ЗК-0001482", companyId: center.id, status: "delivered", source: "offline", currency: "RUB", totalMinor: qty * unitMinor,
        vatMinor: Math.round((qty * unitMinor * 20) / 120), erpId: "demo-1c-0001482", createdAt: new Date(Date.now() - 20 * 86_400_000),
      })
      .returning({ id: b2bOrders.id });
    const [variant] = await db.select({ sku: productVariants.sku, name: productVariants.name }).from(productVariants).where(eq(productVariants.id, picks[0]!.variantId));
    await db.insert(b2bOrderLines).values({ orderId: offline!.id, variantId: picks[0]!.variantId, sku: variant!.sku, name: variant!.name, unit: picks[0]!.unit, quantity: String(qty), unitMinor, lineTotalMinor: qty * unitMinor });
  }
  if (picks.length) {
    await db.insert(cartLines).values(
      picks.map((p) => ({ cartId: cart!.id, variantId: p.variantId, unit: p.unit, quantity: String(firstValidQuantity({ minQty: Number(p.minQty), multiple: Number(p.multiple) })) })),
    );
  }
}
