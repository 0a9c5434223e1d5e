import { z } from "zod";
import type { Db } from "../../db/client";
import { can, type Permission } from "../auth/permissions";
import type { ActiveSession } from "../domain/auth/sessions";
import { claimFileForDownload } from "../domain/claims/claims";
import { DomainError } from "../domain/errors";
import { customerPdfFromCart, customerPdfFromQuote, customerPdfSchema, quotePdf } from "../domain/quotes/quote-documents";
import type { ServiceViewer } from "../domain/quotes/quote-scope";

const PDF = "application/pdf";
const json = (status: number, error: string) => Response.json({ error }, { status });
const STATUS: Record<string, number> = { BAD_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, PRECONDITION_FAILED: 412, CONFLICT: 409 };
const idSchema = z.uuid({ error: "id: not a valid id" });

function file(content: Buffer, contentType: string, fileName: string, inline = false): Response {
  return new Response(new Uint8Array(content), {
    headers: {
      "content-type": contentType,
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="${fileName.replace(/[^\w.\-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

async function guarded(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) return json(STATUS[error.code] ?? 400, error.message);
    throw error;
  }
}

/** A buyer (his companies) or a staff user holding `staffPermission` (the companies in his scope). */
function viewerOf(session: ActiveSession | null, staffPermission: Permission | null): Response | ServiceViewer {
  if (!session) return json(401, "Sign in first");
  const { user } = session;
  if (user.kind === "buyer" && can(user.role, "buyer.cabinet")) return { kind: "buyer", userId: user.id };
  if (staffPermission && user.kind === "staff" && can(user.role, staffPermission)) return { kind: "staff", actor: { id: user.id, role: user.role } };
  return json(403, "Your role may not download this");
}

const customerQuery = customerPdfSchema.partial().extend({ cartId: z.uuid({ error: "cartId: not a valid id" }).optional() });

function customerParams(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return customerQuery.safeParse({ markupPercent: params.markup, customerName: params.customer, cartId: params.cartId || undefined });
}

/**
 * GET /api/b2b/quotes/[id]/pdf: the quote as PDF. A buyer may add ?markup=<percent>&customer=<name>
 * for his own offer to his customer (his company as the seller, his markup on every price).
 */
export async function handleBuyerQuotePdf(request: Request, quoteId: string, deps: { db: Db; session: ActiveSession | null }) {
  const viewer = viewerOf(deps.session, null);
  if (viewer instanceof Response) return viewer;
  if (viewer.kind !== "buyer") return json(403, "Buyers only");
  if (!idSchema.safeParse(quoteId).success) return json(400, "id: not a valid id");
  const parsed = customerParams(request);
  if (!parsed.success) return json(400, parsed.error.issues[0]?.message ?? "Invalid query");
  return guarded(async () => {
    const { markupPercent, customerName } = parsed.data;
    if (markupPercent !== undefined || customerName) {
      const full = customerPdfSchema.safeParse({ markupPercent, customerName });
      if (!full.success) return json(400, full.error.issues[0]?.message ?? "Invalid query");
      const pdf = await customerPdfFromQuote(deps.db, viewer.userId, quoteId, full.data);
      return file(pdf.content, PDF, pdf.fileName);
    }
    const pdf = await quotePdf(deps.db, viewer, quoteId);
    return file(pdf.content, PDF, pdf.fileName);
  });
}

/** GET /api/b2b/cart-offer-pdf?markup=&customer=&cartId=: a reseller's offer from a cart at today's prices with its markup. */
export async function handleCartOfferPdf(request: Request, deps: { db: Db; session: ActiveSession | null }) {
  const viewer = viewerOf(deps.session, null);
  if (viewer instanceof Response) return viewer;
  if (viewer.kind !== "buyer") return json(403, "Buyers only");
  const parsed = customerParams(request);
  if (!parsed.success) return json(400, parsed.error.issues[0]?.message ?? "Invalid query");
  const full = customerPdfSchema.safeParse({ markupPercent: parsed.data.markupPercent, customerName: parsed.data.customerName });
  if (!full.success) return json(400, full.error.issues[0]?.message ?? "Invalid query");
  return guarded(async () => {
    const pdf = await customerPdfFromCart(deps.db, viewer.userId, parsed.data.cartId, full.data);
    return file(pdf.content, PDF, pdf.fileName);
  });
}

/** GET /api/quotes/[id]/pdf: the quote PDF for staff with quotes.manage, within their companies. */
export async function handleStaffQuotePdf(quoteId: string, deps: { db: Db; session: ActiveSession | null }) {
  const viewer = viewerOf(deps.session, "quotes.manage");
  if (viewer instanceof Response) return viewer;
  if (viewer.kind !== "staff") return json(403, "Staff only");
  if (!idSchema.safeParse(quoteId).success) return json(400, "id: not a valid id");
  return guarded(async () => {
    const pdf = await quotePdf(deps.db, viewer, quoteId);
    return file(pdf.content, PDF, pdf.fileName);
  });
}

/** GET /api/claims/files/[id]: a claim's photo or document, for its buyer or staff with claims.manage. */
export async function handleClaimFile(fileId: string, deps: { db: Db; session: ActiveSession | null }) {
  const viewer = viewerOf(deps.session, "claims.manage");
  if (viewer instanceof Response) return viewer;
  if (!idSchema.safeParse(fileId).success) return json(400, "id: not a valid id");
  return guarded(async () => {
    const found = await claimFileForDownload(deps.db, viewer, fileId);
    return file(found.content, found.contentType, found.fileName, found.contentType.startsWith("image/"));
  });
}
