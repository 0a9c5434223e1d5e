import { count, eq, sql } from "drizzle-orm";
import { rowsOf, type Db } from "../client";
import { b2bOrderLines, b2bOrders, claimLines, claimMessages, claims, companies, quoteLines, quotes, users } from "../schema";

const DEMO_BUYER_EMAIL = "buyer@demo.t3crm.local";

/**
 * Quotes and claims demo data (idempotent; only while there is no quote yet): for the demo buyer's
 * company, a quote waiting for the manager, a sent one to accept, and a claim in work on the
 * offline order, so the buyer's and the manager's pages have something true to show.
 */
export async function seedDemoQuotesClaims(db: Db): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(quotes);
  if ((existing?.n ?? 0) > 0) return;
  const [buyer] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_BUYER_EMAIL));
  const [order] = await db.select({ id: b2bOrders.id, companyId: b2bOrders.companyId }).from(b2bOrders).where(eq(b2bOrders.number, "ЗК-0001482"));
  if (!buyer || !order) return;
  const [company] = await db.select({ managerId: companies.managerId }).from(companies).where(eq(companies.id, order.companyId));
  const [line] = await db.select().from(b2bOrderLines).where(eq(b2bOrderLines.orderId, order.id)).limit(1);
  if (!line?.variantId) return;
  const day = 86_400_000;
  await db.transaction(async (tx) => {
    // Inside the transaction: PGlite has one connection, a query outside it would wait forever.
    const next = async (seq: string) => rowsOf<{ n: string }>(await tx.execute(sql.raw(`select nextval('${seq}')::text as n`)))[0]!.n;
    const quoteOf = async (status: "requested" | "sent", quantity: number, unitMinor: number, ageDays: number) => {
      const total = Math.round(quantity * unitMinor);
      const [quote] = await tx
        .insert(quotes)
        .values({
          number: `Q-${await next("quote_number_seq")}`, companyId: order.companyId, buyerId: buyer.id, managerId: company?.managerId ?? null, status, currency: "RUB", totalMinor: total,
          buyerComment: status === "requested" ? "Нужна цена на объём 50 шт." : "Просим скидку за объём",
          terms: status === "sent" ? "Предоплата 50 %, отгрузка со склада в Москве в течение 3 дней." : null,
          validUntil: status === "sent" ? new Date(Date.now() + 14 * day) : null, sentAt: status === "sent" ? new Date(Date.now() - day) : null,
          createdAt: new Date(Date.now() - ageDays * day), updatedAt: new Date(Date.now() - ageDays * day),
        })
        .returning({ id: quotes.id });
      await tx.insert(quoteLines).values({ quoteId: quote!.id, variantId: line.variantId!, sku: line.sku, name: line.name, unit: line.unit, quantity: String(quantity), unitMinor, lineTotalMinor: total });
    };
    await quoteOf("sent", 30, 41_500, 3);
    await quoteOf("requested", 50, line.unitMinor, 0);

    const [claim] = await tx
      .insert(claims)
      .values({
        number: `C-${await next("claim_number_seq")}`, kind: "claim", companyId: order.companyId, orderId: order.id, buyerId: buyer.id, reason: "Часть товара повреждена при доставке",
        description: "Две коробки пришли вскрытыми, у трёх штук треснул корпус.", status: "in_work", createdAt: new Date(Date.now() - 5 * day), updatedAt: new Date(Date.now() - 4 * day),
      })
      .returning({ id: claims.id });
    await tx.insert(claimLines).values({ claimId: claim!.id, orderLineId: line.id, quantity: "3" });
    await tx.insert(claimMessages).values([
      { claimId: claim!.id, authorId: company?.managerId ?? null, side: "staff", body: "→ in work", details: { fromStatus: "new", toStatus: "in_work" }, createdAt: new Date(Date.now() - 4 * day) },
      { claimId: claim!.id, authorId: company?.managerId ?? null, side: "staff", body: "Пришлите, пожалуйста, фото упаковки и накладную.", createdAt: new Date(Date.now() - 4 * day + 60_000) },
    ]);
  });
}
