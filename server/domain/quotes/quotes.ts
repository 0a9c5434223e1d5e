import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf, type Db } from "@/db/client";
import { companies, companyBalances, outbox, productVariants, quoteLines, quotes, users } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { getActiveCompany } from "../companies/active-company";
import { viewCart } from "../carts/cart-view";
import { loadOrderableUnits } from "../carts/cart-lines";
import { priceForBuyer } from "../pricing/price-for-buyer";
import { checkout, checkoutInputSchema, type CheckoutResult } from "../b2b-orders/checkout";
import { badInput, DomainError } from "../errors";
import { notify } from "../notifications/notify";
import { effectiveQuoteStatus, lineTotalMinor, quoteTotalMinor, type QuoteStatus } from "./quote-math";
import { assertQuoteVisible, companyCondition, type ServiceViewer } from "./quote-scope";
import type { CompanyActor } from "../companies/company-scope";

export const QUOTE_SENT_EMAIL_TOPIC = "email.quote_sent";

export const requestQuoteSchema = z.object({
  cartId: z.uuid().optional(),
  comment: z.string().trim().max(2000, "Comment: at most 2000 characters").optional(),
});

export const quoteLineInputSchema = z.object({
  variantId: z.uuid(),
  unit: z.string().trim().min(1).max(20),
  quantity: z.number({ error: "Quantity must be a number" }).positive("Quantity must be positive").max(1_000_000),
  unitMinor: z.number().int("Price in minor units").min(0, "Price cannot be negative").max(1e12),
});

export const updateQuoteSchema = z.object({
  id: z.uuid(),
  lines: z.array(quoteLineInputSchema).min(1, "A quote needs at least one line").max(500),
  terms: z.string().trim().max(4000, "Terms: at most 4000 characters").optional(),
  validUntil: z.iso.date({ error: "Valid until: YYYY-MM-DD" }),
});

export const quoteFiltersSchema = z.object({
  status: z.enum(["requested", "sent", "accepted", "declined", "expired"]).optional(),
});

export const acceptQuoteSchema = checkoutInputSchema.omit({ cartId: true }).extend({ id: z.uuid() });

/** A buyer (or a staff user logged in as him) asks for a quote on a cart: lines and today's prices are copied, the company's manager is told. */
export async function requestQuote(db: Db, requester: { userId: string; staffId?: string | null }, input: z.infer<typeof requestQuoteSchema>, now = new Date()) {
  const active = await getActiveCompany(db, requester.userId);
  if (!active) throw new DomainError("PRECONDITION_FAILED", "You do not work for a company yet", { field: "company" });
  const cart = await viewCart(db, requester.userId, input.cartId);
  if (cart.lines.length === 0) throw badInput("The cart is empty", "cart");
  const [company] = await db.select({ id: companies.id, name: companies.name, managerId: companies.managerId }).from(companies).where(eq(companies.id, active.companyId));
  if (!company) throw badInput("Unknown company", "company");
  const [balance] = await db.select({ currency: companyBalances.currency }).from(companyBalances).where(eq(companyBalances.companyId, company.id));
  const currency = balance?.currency ?? cart.currency;
  const lines = cart.lines.map((l, sort) => ({ variantId: l.variantId, sku: l.sku, name: l.name, unit: l.unit, quantity: l.quantity, unitMinor: l.unitMinor ?? 0, sort }));

  return db.transaction(async (tx) => {
    const [seq] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('quote_number_seq')::text as n`));
    const number = `Q-${seq!.n}`;
    const [quote] = await tx
      .insert(quotes)
      .values({
        number, companyId: company.id, buyerId: requester.userId, managerId: company.managerId, createdByStaffId: requester.staffId ?? null, cartId: cart.id,
        status: "requested", buyerComment: input.comment || null, currency, totalMinor: quoteTotalMinor(lines), createdAt: now, updatedAt: now,
      })
      .returning();
    await tx.insert(quoteLines).values(lines.map((l) => ({ ...l, quoteId: quote!.id, quantity: String(l.quantity), lineTotalMinor: lineTotalMinor(l.unitMinor, l.quantity) })));
    if (company.managerId && company.managerId !== requester.staffId) {
      await notify(tx, {
        event: "quote.requested", userIds: [company.managerId],
        title: { en: `Quote ${number} requested by ${company.name}`, ru: `Запрошено КП ${number}: ${company.name}` },
        link: `/quotes/${quote!.id}`,
      });
    }
    if (requester.staffId) await recordAudit(tx, { actorId: requester.staffId, action: "quote.create_as_client", targetType: "quote", targetId: quote!.id, details: { companyId: company.id, onBehalfOf: requester.userId } });
    return { id: quote!.id, number };
  });
}

export interface QuoteListRow {
  id: string;
  number: string;
  companyId: string;
  companyName: string;
  buyerName: string | null;
  managerName: string | null;
  status: QuoteStatus;
  currency: string;
  totalMinor: number;
  validUntil: Date | null;
  createdAt: Date;
}

/** Quotes the viewer may see, newest first; "expired" is decided by the clock. */
export async function listQuotes(db: Db, viewer: ServiceViewer, filters: z.infer<typeof quoteFiltersSchema> = {}, now = new Date()): Promise<QuoteListRow[]> {
  const buyer = sql`buyer`;
  const rows = await db
    .select({
      id: quotes.id, number: quotes.number, companyId: quotes.companyId, companyName: companies.name, buyerName: sql<string | null>`(select name from users ${buyer} where ${buyer}.id = ${quotes.buyerId})`,
      managerName: users.name, status: quotes.status, currency: quotes.currency, totalMinor: quotes.totalMinor, validUntil: quotes.validUntil, createdAt: quotes.createdAt,
    })
    .from(quotes)
    .innerJoin(companies, eq(companies.id, quotes.companyId))
    .leftJoin(users, eq(users.id, quotes.managerId))
    .where(companyCondition(viewer, quotes.companyId))
    .orderBy(desc(quotes.createdAt))
    .limit(500);
  const withStatus = rows.map((r) => ({ ...r, status: effectiveQuoteStatus(r, now) }));
  return filters.status ? withStatus.filter((r) => r.status === filters.status) : withStatus;
}

/** One quote with its lines, for a viewer who may see it. */
export async function quoteDetails(db: Db, viewer: ServiceViewer, quoteId: string, now = new Date()) {
  const quote = await assertQuoteVisible(db, viewer, quoteId);
  const [company] = await db.select({ id: companies.id, name: companies.name, inn: companies.inn }).from(companies).where(eq(companies.id, quote.companyId));
  const people = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [quote.buyerId, quote.managerId, quote.createdByStaffId].filter((id): id is string => Boolean(id))));
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? null;
  const lines = await db.select().from(quoteLines).where(eq(quoteLines.quoteId, quoteId)).orderBy(asc(quoteLines.sort));
  return {
    ...quote,
    status: effectiveQuoteStatus(quote, now),
    company: company!,
    buyerName: nameOf(quote.buyerId),
    managerName: nameOf(quote.managerId),
    createdByStaffName: nameOf(quote.createdByStaffId),
    lines: lines.map((l) => ({ ...l, quantity: Number(l.quantity) })),
  };
}

function assertEditable(status: QuoteStatus) {
  if (status !== "requested" && status !== "sent") throw new DomainError("CONFLICT", "This quote can no longer be changed", { field: "status" });
}

/** The manager's edit: prices, quantities, lines added or removed, terms and expiry. A sent quote goes back to the buyer only when sent again. */
export async function updateQuote(db: Db, actor: CompanyActor, input: z.infer<typeof updateQuoteSchema>, now = new Date()) {
  const quote = await assertQuoteVisible(db, { kind: "staff", actor }, input.id);
  assertEditable(effectiveQuoteStatus(quote, now));
  const validUntil = new Date(`${input.validUntil}T23:59:59Z`);
  if (validUntil <= now) throw badInput("Valid until: a date in the future", "validUntil");
  const units = await loadOrderableUnits(db, input.lines.map((l) => l.variantId));
  const lines = input.lines.map((l, sort) => {
    const variant = units.get(`${l.variantId}|${l.unit}`);
    if (!variant) throw badInput("Unknown product or unit", `lines.${sort}.variantId`);
    return { quoteId: quote.id, variantId: l.variantId, sku: variant.sku, name: variant.name, unit: l.unit, quantity: String(l.quantity), unitMinor: l.unitMinor, lineTotalMinor: lineTotalMinor(l.unitMinor, l.quantity), sort };
  });
  await db.transaction(async (tx) => {
    await tx.delete(quoteLines).where(eq(quoteLines.quoteId, quote.id));
    await tx.insert(quoteLines).values(lines);
    await tx
      .update(quotes)
      .set({ terms: input.terms || null, validUntil, totalMinor: lines.reduce((s, l) => s + l.lineTotalMinor, 0), managerId: quote.managerId ?? actor.id, updatedAt: now })
      .where(eq(quotes.id, quote.id));
    await recordAudit(tx, { actorId: actor.id, action: "quote.update", targetType: "quote", targetId: quote.id, details: { lines: lines.length, validUntil: input.validUntil }, ip: actor.ip });
  });
}

/** Sends the quote to the buyer: in-app notification and an e-mail with the PDF (through the outbox). */
export async function sendQuote(db: Db, actor: CompanyActor, quoteId: string, now = new Date()) {
  const quote = await assertQuoteVisible(db, { kind: "staff", actor }, quoteId);
  assertEditable(effectiveQuoteStatus(quote, now));
  if (!quote.validUntil || quote.validUntil <= now) throw badInput("Set a validity date in the future first", "validUntil");
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from quote_lines where quote_id = ${quoteId}`)) as [{ n: number }];
  if (!n) throw badInput("A quote needs at least one line", "lines");
  await db.transaction(async (tx) => {
    await tx.update(quotes).set({ status: "sent", sentAt: now, managerId: quote.managerId ?? actor.id, updatedAt: now }).where(eq(quotes.id, quoteId));
    if (quote.buyerId) {
      // A quote the manager built himself (logged in as the client) is seed 002's "specification recommended by the manager".
      const recommended = Boolean(quote.createdByStaffId);
      await notify(tx, {
        event: recommended ? "specification.recommended" : "quote.sent", userIds: [quote.buyerId],
        title: recommended
          ? { en: `Your manager recommends quote ${quote.number}`, ru: `Менеджер рекомендует спецификацию ${quote.number}` }
          : { en: `Quote ${quote.number} is ready`, ru: `КП ${quote.number} готово` },
        body: { en: `Valid until ${quote.validUntil!.toISOString().slice(0, 10)}`, ru: `Действительно до ${quote.validUntil!.toISOString().slice(0, 10)}` },
        link: `/b2b/quotes/${quoteId}`,
      });
      await tx.insert(outbox).values({ topic: QUOTE_SENT_EMAIL_TOPIC, payload: { quoteId } });
    }
    await recordAudit(tx, { actorId: actor.id, action: "quote.send", targetType: "quote", targetId: quoteId, ip: actor.ip });
  });
}

/**
 * The buyer accepts a sent, unexpired quote: one transaction places the B2B order at the quote's
 * prices (the checkout's credit and stock rules apply) and marks the quote accepted — the
 * conditional update re-checks status and expiry under the transaction, so a quote is ordered once.
 */
export async function acceptQuote(db: Db, buyer: { userId: string; staffId?: string | null }, input: z.infer<typeof acceptQuoteSchema>, now = new Date()): Promise<CheckoutResult> {
  const quote = await assertQuoteVisible(db, { kind: "buyer", userId: buyer.userId }, input.id);
  const status = effectiveQuoteStatus(quote, now);
  if (status === "expired") throw new DomainError("PRECONDITION_FAILED", "This quote has expired", { field: "validUntil" });
  if (status !== "sent") throw new DomainError("CONFLICT", "Only a sent quote can be accepted", { field: "status" });
  const active = await getActiveCompany(db, buyer.userId);
  if (active?.companyId !== quote.companyId) throw new DomainError("PRECONDITION_FAILED", "Switch to the quote's company first", { field: "company" });
  const lines = await db.select().from(quoteLines).where(eq(quoteLines.quoteId, quote.id)).orderBy(asc(quoteLines.sort));
  const { id: _id, ...checkoutInput } = input;
  return checkout(db, buyer.userId, checkoutInput, now, {
    actorId: buyer.staffId ?? buyer.userId,
    prePriced: { lines: lines.map((l) => ({ variantId: l.variantId, unit: l.unit, quantity: Number(l.quantity), unitMinor: l.unitMinor })), source: { quoteId: quote.id, quoteNumber: quote.number } },
    inTransaction: async (tx, result) => {
      const accepted = await tx
        .update(quotes)
        .set({ status: "accepted", decidedAt: now, orderId: result.orders[0]?.id ?? null, updatedAt: now })
        .where(and(eq(quotes.id, quote.id), eq(quotes.status, "sent"), gt(quotes.validUntil, now)))
        .returning({ id: quotes.id });
      if (accepted.length !== 1) throw new DomainError("CONFLICT", "The quote changed meanwhile; reload it", { field: "status" });
      if (quote.managerId) {
        await notify(tx, {
          event: "quote.accepted", userIds: [quote.managerId],
          title: { en: `Quote ${quote.number} accepted: order ${result.orders.map((o) => o.number).join(", ")}`, ru: `КП ${quote.number} принято: заказ ${result.orders.map((o) => o.number).join(", ")}` },
          link: `/quotes/${quote.id}`,
        });
      }
    },
  });
}

export async function declineQuote(db: Db, buyer: { userId: string }, quoteId: string, now = new Date()) {
  const quote = await assertQuoteVisible(db, { kind: "buyer", userId: buyer.userId }, quoteId);
  if (effectiveQuoteStatus(quote, now) !== "sent") throw new DomainError("CONFLICT", "Only a sent quote can be declined", { field: "status" });
  await db.transaction(async (tx) => {
    await tx.update(quotes).set({ status: "declined", decidedAt: now, updatedAt: now }).where(eq(quotes.id, quoteId));
    if (quote.managerId) {
      await notify(tx, { event: "quote.declined", userIds: [quote.managerId], title: { en: `Quote ${quote.number} declined`, ru: `КП ${quote.number} отклонено` }, link: `/quotes/${quote.id}` });
    }
  });
}

export const variantSearchSchema = z.object({ quoteId: z.uuid(), query: z.string().trim().min(2, "Type at least 2 characters").max(100) });

/** Products a manager can add to a quote (SKU or name), with the quote buyer's price today as the starting price. */
export async function searchQuoteVariants(db: Db, actor: CompanyActor, input: z.infer<typeof variantSearchSchema>) {
  const quote = await assertQuoteVisible(db, { kind: "staff", actor }, input.quoteId);
  const pattern = `%${input.query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const found = await db
    .select({ id: productVariants.id, sku: productVariants.sku, name: productVariants.name })
    .from(productVariants)
    .where(sql`(${productVariants.sku} ilike ${pattern} or ${productVariants.name} ilike ${pattern})`)
    .orderBy(asc(productVariants.sku))
    .limit(10);
  const units = await loadOrderableUnits(db, found.map((v) => v.id));
  const choices = found.flatMap((v) => {
    const unit = units.get(`${v.id}|`);
    return unit && unit.status === "published" ? [{ variantId: v.id, sku: v.sku, name: v.name, unit: unit.unit }] : [];
  });
  const priced = await priceForBuyer(db, quote.buyerId, choices.map((c) => ({ variantId: c.variantId, quantity: 1, unit: c.unit })), quote.currency);
  return choices.map((c, i) => ({ ...c, unitMinor: priced.lines[i]?.available ? priced.lines[i]!.unitMinor : 0 }));
}
