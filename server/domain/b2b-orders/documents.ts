import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { b2bOrderDocuments, b2bOrderLines, b2bOrders, b2bShipments, companies, ORDER_DOCUMENT_KINDS } from "@/db/schema";
import { badInput, notFound } from "../errors";
import { getSetting } from "../settings/settings";
import { VAT_PERCENT } from "./checkout";
import { renderInvoicePdf } from "./invoice-pdf";
import { visibleOrder, type B2bOrderViewer } from "./order-scope";
import { noticeDocumentAttached } from "../notifications/b2b-order-notices";

export type OrderDocumentKind = (typeof ORDER_DOCUMENT_KINDS)[number];
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Builds the invoice PDF of an order from its lines, the company's requisites and the seller's. */
export async function buildInvoicePdf(db: Db, orderId: string): Promise<{ number: string; pdf: Buffer }> {
  const [order] = await db.select().from(b2bOrders).where(eq(b2bOrders.id, orderId));
  if (!order) throw notFound("Order");
  const [company] = await db.select().from(companies).where(eq(companies.id, order.companyId));
  const lines = await db.select().from(b2bOrderLines).where(eq(b2bOrderLines.orderId, orderId)).orderBy(asc(b2bOrderLines.sort));
  const seller = await getSetting(db, "b2b.sellerRequisites");
  const number = order.number;
  const pdf = await renderInvoicePdf({
    number,
    date: order.createdAt.toISOString().slice(0, 10).split("-").reverse().join("."),
    seller,
    buyer: { name: company!.name, inn: company!.inn, kpp: company!.kpp, address: company!.legalAddress, bank: company!.bank },
    consignee: order.consignee ? `${order.consignee}${order.address ? `, ${order.address}` : ""}` : null,
    currency: order.currency,
    lines: lines.map((l) => ({ sku: l.sku, name: l.name, unit: l.unit, quantity: Number(l.quantity), unitMinor: l.unitMinor, lineTotalMinor: l.lineTotalMinor })),
    totalMinor: order.totalMinor,
    vatMinor: order.vatMinor,
    vatPercent: VAT_PERCENT,
  });
  return { number, pdf };
}

/** The order's invoice: generated and stored on first request, the stored one afterwards. */
export async function ensureInvoice(db: Db, viewer: B2bOrderViewer, orderId: string) {
  await visibleOrder(db, viewer, orderId);
  const [existing] = await db
    .select()
    .from(b2bOrderDocuments)
    .where(and(eq(b2bOrderDocuments.orderId, orderId), eq(b2bOrderDocuments.kind, "invoice")))
    .orderBy(asc(b2bOrderDocuments.createdAt))
    .limit(1);
  if (existing) return existing;
  const { number, pdf } = await buildInvoicePdf(db, orderId);
  const [row] = await db
    .insert(b2bOrderDocuments)
    .values({ orderId, kind: "invoice", number, fileName: `invoice-${number}.pdf`, contentType: "application/pdf", content: pdf, sizeBytes: pdf.length, source: "generated" })
    .returning();
  return row!;
}

/** A document the viewer may download (its order in the viewer's scope). */
export async function documentForDownload(db: Db, viewer: B2bOrderViewer, documentId: string) {
  const [doc] = await db.select().from(b2bOrderDocuments).where(eq(b2bOrderDocuments.id, documentId));
  if (!doc) throw notFound("Document");
  await visibleOrder(db, viewer, doc.orderId);
  return doc;
}

/** Staff attach a document (waybill, UPD …) to an order or one of its shipments. */
export async function attachDocument(
  db: Db,
  viewer: B2bOrderViewer & { kind: "staff" },
  input: { orderId: string; shipmentId?: string; kind: OrderDocumentKind; number?: string; fileName: string; contentType: string; content: Buffer },
) {
  await visibleOrder(db, viewer, input.orderId);
  if (input.content.length === 0) throw badInput("The file is empty", "file");
  if (input.content.length > MAX_DOCUMENT_BYTES) throw badInput("The file is larger than 5 MB", "file");
  if (input.shipmentId) {
    const [shipment] = await db.select({ id: b2bShipments.id }).from(b2bShipments).where(and(eq(b2bShipments.id, input.shipmentId), eq(b2bShipments.orderId, input.orderId)));
    if (!shipment) throw badInput("The shipment is not of this order", "shipmentId");
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(b2bOrderDocuments)
      .values({
        orderId: input.orderId, shipmentId: input.shipmentId ?? null, kind: input.kind, number: input.number ?? null, fileName: input.fileName,
        contentType: input.contentType, content: input.content, sizeBytes: input.content.length, source: "staff", uploadedBy: viewer.id,
      })
      .returning({ id: b2bOrderDocuments.id, fileName: b2bOrderDocuments.fileName, kind: b2bOrderDocuments.kind });
    await noticeDocumentAttached(tx, input.orderId, { kind: input.kind, number: input.number ?? null, fileName: input.fileName }, viewer.id);
    return row!;
  });
}
