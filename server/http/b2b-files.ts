import { z } from "zod";
import type { Db } from "../../db/client";
import { can } from "../auth/permissions";
import type { ActiveSession } from "../domain/auth/sessions";
import { cartXlsx, quickOrderTemplate } from "../domain/carts/cart-xlsx";
import { viewCart } from "../domain/carts/cart-view";
import { documentForDownload, ensureInvoice } from "../domain/b2b-orders/documents";
import type { B2bOrderViewer } from "../domain/b2b-orders/order-scope";
import { DomainError } from "../domain/errors";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const json = (status: number, error: string) => Response.json({ error }, { status });
const STATUS: Record<string, number> = { BAD_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, PRECONDITION_FAILED: 412, CONFLICT: 409 };

function file(content: Buffer, contentType: string, fileName: string): Response {
  return new Response(new Uint8Array(content), {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.\-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
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

/** Buyers only (buyer.cabinet). */
function buyerOf(session: ActiveSession | null): Response | string {
  if (!session) return json(401, "Sign in first");
  if (session.user.kind !== "buyer" || !can(session.user.role, "buyer.cabinet")) return json(403, "Buyers only");
  return session.user.id;
}

/** A buyer (orders of his companies) or staff with b2bOrders.view (their companies' orders). */
function viewerOf(session: ActiveSession | null): Response | B2bOrderViewer {
  if (!session) return json(401, "Sign in first");
  if (session.user.kind === "buyer" && can(session.user.role, "buyer.cabinet")) return { kind: "buyer", userId: session.user.id };
  if (session.user.kind === "staff" && can(session.user.role, "b2bOrders.view")) return { kind: "staff", id: session.user.id, role: session.user.role };
  return json(403, "Your role may not download B2B documents");
}

/** GET /api/b2b/cart-export?cartId=…: a cart (the active one by default) as XLSX. Buyers only, their own carts. */
export async function handleCartExport(request: Request, deps: { db: Db; session: ActiveSession | null }) {
  const userId = buyerOf(deps.session);
  if (userId instanceof Response) return userId;
  const parsed = z.object({ cartId: z.uuid({ error: "cartId: not a valid id" }).optional() }).safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return json(400, parsed.error.issues[0]?.message ?? "cartId: invalid");
  return guarded(async () => {
    const cart = await viewCart(deps.db, userId, parsed.data.cartId);
    return file(await cartXlsx(cart), XLSX, `cart-${cart.name}.xlsx`);
  });
}

/** GET /api/b2b/quick-order-template: the XLSX template (SKU, quantity). Buyers only. */
export async function handleQuickOrderTemplate(deps: { session: ActiveSession | null }) {
  const userId = buyerOf(deps.session);
  if (userId instanceof Response) return userId;
  return file(await quickOrderTemplate(), XLSX, "quick-order-template.xlsx");
}

const idSchema = z.uuid({ error: "id: not a valid id" });

/** GET /api/b2b/orders/[id]/invoice: the order's invoice PDF (generated on first request). */
export async function handleInvoice(orderId: string, deps: { db: Db; session: ActiveSession | null }) {
  const viewer = viewerOf(deps.session);
  if (viewer instanceof Response) return viewer;
  if (!idSchema.safeParse(orderId).success) return json(400, "id: not a valid id");
  return guarded(async () => {
    const doc = await ensureInvoice(deps.db, viewer, orderId);
    return file(doc.content, doc.contentType, doc.fileName);
  });
}

/** GET /api/b2b/documents/[id]: a document of an order the caller may see. */
export async function handleDocument(documentId: string, deps: { db: Db; session: ActiveSession | null }) {
  const viewer = viewerOf(deps.session);
  if (viewer instanceof Response) return viewer;
  if (!idSchema.safeParse(documentId).success) return json(400, "id: not a valid id");
  return guarded(async () => {
    const doc = await documentForDownload(deps.db, viewer, documentId);
    return file(doc.content, doc.contentType, doc.fileName);
  });
}
