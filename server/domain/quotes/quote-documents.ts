import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { companies } from "@/db/schema";
import { getActiveCompany } from "../companies/active-company";
import { viewCart } from "../carts/cart-view";
import { badInput, DomainError } from "../errors";
import { getSetting } from "../settings/settings";
import { markUpLines } from "./quote-math";
import { renderQuotePdf } from "./quote-pdf";
import { quoteDetails } from "./quotes";
import type { ServiceViewer } from "./quote-scope";

export const customerPdfSchema = z.object({
  markupPercent: z.coerce.number({ error: "Markup: a number" }).min(0, "Markup: 0 % or more").max(1000, "Markup: at most 1000 %"),
  customerName: z.string().trim().min(1, "Name your customer").max(200),
});

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The quote as our company offers it (the PDF the manager's e-mail carries). */
export async function quotePdf(db: Db, viewer: ServiceViewer, quoteId: string, now = new Date()) {
  const quote = await quoteDetails(db, viewer, quoteId, now);
  const seller = await getSetting(db, "b2b.sellerRequisites");
  const content = await renderQuotePdf({
    number: quote.number, date: day(quote.sentAt ?? quote.createdAt), validUntil: quote.validUntil ? day(quote.validUntil) : null, sellerName: seller.name,
    customerName: quote.company.name, currency: quote.currency, lines: quote.lines, totalMinor: quote.totalMinor, terms: quote.terms,
  });
  return { content, fileName: `quote-${quote.number}.pdf` };
}

async function resellerName(db: Db, companyId: string) {
  const [company] = await db.select({ name: companies.name }).from(companies).where(eq(companies.id, companyId));
  return company?.name ?? "";
}

/** A reseller's own offer to its customer from a quote it received: its company as the seller, its markup on every price. */
export async function customerPdfFromQuote(db: Db, buyerUserId: string, quoteId: string, input: z.infer<typeof customerPdfSchema>, now = new Date()) {
  const quote = await quoteDetails(db, { kind: "buyer", userId: buyerUserId }, quoteId, now);
  if (quote.status === "requested") throw new DomainError("PRECONDITION_FAILED", "The manager has not priced this quote yet", { field: "status" });
  const marked = markUpLines(quote.lines, input.markupPercent);
  const content = await renderQuotePdf({
    number: quote.number, date: day(now), validUntil: quote.validUntil ? day(quote.validUntil) : null, sellerName: await resellerName(db, quote.companyId),
    customerName: input.customerName, currency: quote.currency, lines: marked.lines, totalMinor: marked.totalMinor, terms: null,
  });
  return { content, fileName: `offer-${quote.number}.pdf` };
}

/** The same from a cart at today's prices, without asking the manager. */
export async function customerPdfFromCart(db: Db, buyerUserId: string, cartId: string | undefined, input: z.infer<typeof customerPdfSchema>, now = new Date()) {
  const active = await getActiveCompany(db, buyerUserId);
  if (!active) throw new DomainError("PRECONDITION_FAILED", "You do not work for a company yet", { field: "company" });
  const cart = await viewCart(db, buyerUserId, cartId);
  if (cart.lines.length === 0) throw badInput("The cart is empty", "cart");
  const marked = markUpLines(
    cart.lines.map((l) => ({ sku: l.sku, name: l.name, unit: l.unit, quantity: l.quantity, unitMinor: l.unitMinor ?? 0 })),
    input.markupPercent,
  );
  const content = await renderQuotePdf({
    number: cart.name, date: day(now), validUntil: null, sellerName: await resellerName(db, active.companyId),
    customerName: input.customerName, currency: cart.currency, lines: marked.lines, totalMinor: marked.totalMinor, terms: null,
  });
  return { content, fileName: `offer-${day(now)}.pdf` };
}
