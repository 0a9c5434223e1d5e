import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { supplierOrderParts, supplierPartDocuments, suppliers } from "../../../db/schema";
import { visibleOrder, type B2bOrderViewer } from "../b2b-orders/order-scope";
import { notFound } from "../errors";
import { fileStorage } from "../../storage/file-storage";
import { requireActiveSupplier } from "../suppliers/supplier-scope";
import { partLinesAndDocuments } from "./supplier-parts";

/** The supplier parts of an order the viewer (its buyer, or staff in scope) may see; the commission only for staff. */
export async function partsOfOrder(db: Db, viewer: B2bOrderViewer, orderId: string) {
  await visibleOrder(db, viewer, orderId);
  const parts = await db
    .select({
      id: supplierOrderParts.id, number: supplierOrderParts.number, status: supplierOrderParts.status, supplierName: suppliers.name, currency: supplierOrderParts.currency,
      totalMinor: supplierOrderParts.totalMinor, commissionMinor: supplierOrderParts.commissionMinor, rejectReason: supplierOrderParts.rejectReason,
      carrier: supplierOrderParts.carrier, trackingNumber: supplierOrderParts.trackingNumber, shippedAt: supplierOrderParts.shippedAt, deliveredAt: supplierOrderParts.deliveredAt,
    })
    .from(supplierOrderParts)
    .innerJoin(suppliers, eq(suppliers.id, supplierOrderParts.supplierId))
    .where(eq(supplierOrderParts.b2bOrderId, orderId))
    .orderBy(asc(supplierOrderParts.number));
  const { lines, documents } = await partLinesAndDocuments(db, parts.map((p) => p.id));
  return parts.map((p) => ({
    ...p,
    commissionMinor: viewer.kind === "staff" ? p.commissionMinor : null,
    lines: lines.filter((l) => l.partId === p.id).map((l) => ({ id: l.id, orderLineId: l.orderLineId, sku: l.sku, name: l.name })),
    documents: documents.filter((d) => d.partId === p.id),
  }));
}

export type PartDocumentViewer = B2bOrderViewer | { kind: "supplier"; userId: string };

/** A shipment document with its bytes, if the viewer may see its part: the supplier itself, the order's buyer, staff in scope. */
export async function partDocumentForDownload(db: Db, viewer: PartDocumentViewer, documentId: string) {
  const [doc] = await db
    .select({ doc: supplierPartDocuments, supplierId: supplierOrderParts.supplierId, orderId: supplierOrderParts.b2bOrderId })
    .from(supplierPartDocuments)
    .innerJoin(supplierOrderParts, eq(supplierOrderParts.id, supplierPartDocuments.partId))
    .where(and(eq(supplierPartDocuments.id, documentId)));
  if (!doc) throw notFound("Document");
  if (viewer.kind === "supplier") {
    const { supplierId } = await requireActiveSupplier(db, viewer.userId);
    if (supplierId !== doc.supplierId) throw notFound("Document");
  } else {
    await visibleOrder(db, viewer, doc.orderId);
  }
  const content = await fileStorage().get(doc.doc.storageKey);
  if (!content) throw notFound("Document file");
  return { ...doc.doc, content };
}
