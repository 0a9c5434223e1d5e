import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import {
  b2bOrderEvents, b2bOrders, companies, SUPPLIER_PART_STATUSES, supplierOrderPartLines, supplierOrderParts, supplierPartDocuments, warehouses,
} from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { badInput, DomainError, notFound } from "../errors";
import { notify } from "../notifications/notify";
import { fileStorage } from "../../storage/file-storage";
import { requireActiveSupplier } from "../suppliers/supplier-scope";
import { canMovePart, nextPartStatuses, PART_STATUS_WORDS, type SupplierPartStatus } from "./part-flow";

export const supplierPartFiltersSchema = z.object({
  status: z.enum(SUPPLIER_PART_STATUSES).optional(),
  search: z.string().trim().max(80).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type SupplierPartFilters = z.infer<typeof supplierPartFiltersSchema>;

const escapeLike = (s: string) => s.replace(/[%_\\]/g, "\\$&");

/** The supplier's own parts, newest first, with counts per status for the tabs. */
export async function listSupplierParts(db: Db, userId: string, filters: SupplierPartFilters) {
  const { supplierId } = await requireActiveSupplier(db, userId);
  const own = eq(supplierOrderParts.supplierId, supplierId);
  const conditions: SQL[] = [own];
  if (filters.search) {
    const like = `%${escapeLike(filters.search)}%`;
    conditions.push(or(ilike(supplierOrderParts.number, like), ilike(companies.name, like))!);
  }
  const searched = and(...conditions);
  const where = filters.status ? and(searched, eq(supplierOrderParts.status, filters.status)) : searched;
  const [rows, [total], counts] = await Promise.all([
    db
      .select({
        id: supplierOrderParts.id, number: supplierOrderParts.number, status: supplierOrderParts.status, companyName: companies.name,
        totalMinor: supplierOrderParts.totalMinor, commissionMinor: supplierOrderParts.commissionMinor, currency: supplierOrderParts.currency,
        createdAt: supplierOrderParts.createdAt, lines: sql<number>`(select count(*)::int from ${supplierOrderPartLines} where ${supplierOrderPartLines.partId} = ${supplierOrderParts.id})`,
      })
      .from(supplierOrderParts)
      .innerJoin(companies, eq(companies.id, supplierOrderParts.companyId))
      .where(where)
      .orderBy(desc(supplierOrderParts.createdAt), desc(supplierOrderParts.number))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ n: count() }).from(supplierOrderParts).innerJoin(companies, eq(companies.id, supplierOrderParts.companyId)).where(where),
    db
      .select({ status: supplierOrderParts.status, n: count() })
      .from(supplierOrderParts)
      .innerJoin(companies, eq(companies.id, supplierOrderParts.companyId))
      .where(searched)
      .groupBy(supplierOrderParts.status),
  ]);
  return { rows, total: total?.n ?? 0, counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<SupplierPartStatus, number>> };
}

/** One of the supplier's parts, else NOT_FOUND (another supplier's part does not exist for him). */
async function ownPart(db: Db, supplierId: string, partId: string, lock = false) {
  const query = db.select().from(supplierOrderParts).where(and(eq(supplierOrderParts.id, partId), eq(supplierOrderParts.supplierId, supplierId)));
  const [part] = lock ? await query.for("update") : await query;
  if (!part) throw notFound("Order");
  return part;
}

export async function partLinesAndDocuments(db: Db, partIds: string[]) {
  if (partIds.length === 0) return { lines: [], documents: [] };
  const ids = sql.join(partIds.map((id) => sql`${id}::uuid`), sql`, `);
  const lines = await db.select().from(supplierOrderPartLines).where(sql`${supplierOrderPartLines.partId} in (${ids})`).orderBy(asc(supplierOrderPartLines.sku));
  const documents = await db
    .select({ id: supplierPartDocuments.id, partId: supplierPartDocuments.partId, kind: supplierPartDocuments.kind, fileName: supplierPartDocuments.fileName, sizeBytes: supplierPartDocuments.sizeBytes, createdAt: supplierPartDocuments.createdAt })
    .from(supplierPartDocuments)
    .where(sql`${supplierPartDocuments.partId} in (${ids})`)
    .orderBy(asc(supplierPartDocuments.createdAt));
  return { lines: lines.map((l) => ({ ...l, quantity: Number(l.quantity) })), documents };
}

/** The part with its lines, documents, the buyer's company and where it goes. */
export async function supplierPartDetails(db: Db, userId: string, partId: string) {
  const { supplierId } = await requireActiveSupplier(db, userId);
  const part = await ownPart(db, supplierId, partId);
  const [order] = await db
    .select({
      number: b2bOrders.number, deliveryMethod: b2bOrders.deliveryMethod, consignee: b2bOrders.consignee, address: b2bOrders.address, shipmentDate: b2bOrders.shipmentDate,
      comment: b2bOrders.comment, warehouseName: warehouses.name, warehouseAddress: warehouses.address,
    })
    .from(b2bOrders)
    .leftJoin(warehouses, eq(warehouses.id, b2bOrders.warehouseId))
    .where(eq(b2bOrders.id, part.b2bOrderId));
  const [company] = await db.select({ name: companies.name, inn: companies.inn, kpp: companies.kpp, legalAddress: companies.legalAddress }).from(companies).where(eq(companies.id, part.companyId));
  const { lines, documents } = await partLinesAndDocuments(db, [part.id]);
  return { part, order: order!, company: company!, lines, documents, nextStatuses: nextPartStatuses(part.status) };
}

export const MAX_PART_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const PART_DOCUMENT_KINDS = ["waybill", "upd", "invoice", "other"] as const;

/** Attaches a shipment document (waybill, UPD…) to the supplier's own confirmed or shipped part. */
export async function uploadPartDocument(
  db: Db,
  userId: string,
  input: { partId: string; kind: (typeof PART_DOCUMENT_KINDS)[number]; fileName: string; contentType: string; content: Buffer },
) {
  const { supplierId } = await requireActiveSupplier(db, userId);
  const part = await ownPart(db, supplierId, input.partId);
  if (!["confirmed", "shipped", "delivered"].includes(part.status)) throw new DomainError("PRECONDITION_FAILED", "Confirm the order before attaching shipment documents", { field: "status" });
  if (input.content.length === 0) throw badInput("The file is empty", "file");
  if (input.content.length > MAX_PART_DOCUMENT_BYTES) throw badInput("The file is larger than 5 MB", "file");
  const storageKey = await fileStorage().put("supplier-documents", input.fileName, input.content);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(supplierPartDocuments)
      .values({ partId: part.id, kind: input.kind, fileName: input.fileName, contentType: input.contentType, storageKey, sizeBytes: input.content.length, uploadedBy: userId })
      .returning({ id: supplierPartDocuments.id, fileName: supplierPartDocuments.fileName, kind: supplierPartDocuments.kind });
    await recordAudit(tx, { actorId: userId, action: "supplier_part.document", targetType: "supplier_order_part", targetId: part.id, details: { kind: input.kind, fileName: input.fileName } });
    return row!;
  });
}

export const partTransitionSchema = z.discriminatedUnion("to", [
  z.object({ partId: z.uuid(), to: z.literal("confirmed") }),
  z.object({ partId: z.uuid(), to: z.literal("rejected"), reason: z.string().trim().min(3, "Give the reason (at least 3 characters)").max(1000) }),
  z.object({ partId: z.uuid(), to: z.literal("shipped"), trackingNumber: z.string().trim().min(3, "Tracking number is required").max(80), carrier: z.string().trim().max(80).optional() }),
  z.object({ partId: z.uuid(), to: z.literal("delivered") }),
]);
export type PartTransition = z.infer<typeof partTransitionSchema>;

/**
 * Moves the supplier's own part along its flow (row locked). Writes the order's timeline event,
 * the audit entry and the buyer's notification in the same transaction as the change.
 */
export async function moveSupplierPart(db: Db, userId: string, input: PartTransition, now = new Date()) {
  const { supplierId, name: supplierName } = await requireActiveSupplier(db, userId);
  return db.transaction(async (tx) => {
    const part = await ownPart(tx, supplierId, input.partId, true);
    if (!canMovePart(part.status, input.to)) throw new DomainError("PRECONDITION_FAILED", `An order in status "${part.status}" cannot become "${input.to}"`, { field: "status" });
    const changes: Partial<typeof supplierOrderParts.$inferInsert> = { status: input.to, updatedAt: now };
    if (input.to === "confirmed") changes.confirmedAt = now;
    if (input.to === "rejected") Object.assign(changes, { rejectedAt: now, rejectReason: input.reason });
    if (input.to === "shipped") {
      const [docs] = await tx.select({ n: count() }).from(supplierPartDocuments).where(eq(supplierPartDocuments.partId, part.id));
      if ((docs?.n ?? 0) === 0) throw badInput("Attach a shipment document (waybill or UPD) first", "file");
      Object.assign(changes, { shippedAt: now, trackingNumber: input.trackingNumber, carrier: input.carrier || null });
    }
    if (input.to === "delivered") changes.deliveredAt = now;
    await tx.update(supplierOrderParts).set(changes).where(eq(supplierOrderParts.id, part.id));
    const details = { part: part.number, supplier: supplierName, ...(input.to === "rejected" ? { reason: input.reason } : {}), ...(input.to === "shipped" ? { trackingNumber: input.trackingNumber } : {}) };
    await tx.insert(b2bOrderEvents).values({ orderId: part.b2bOrderId, actorId: userId, kind: "supplier_part.status", fromStatus: part.status, toStatus: input.to, details });
    await recordAudit(tx, { actorId: userId, action: `supplier_part.${input.to}`, targetType: "supplier_order_part", targetId: part.id, details });
    const [order] = await tx.select({ buyerId: b2bOrders.buyerId }).from(b2bOrders).where(eq(b2bOrders.id, part.b2bOrderId));
    const words = PART_STATUS_WORDS[input.to];
    await notify(tx, {
      event: "supplier_order.status",
      userIds: order?.buyerId ? [order.buyerId] : [],
      title: { en: `${part.number}: ${words.en}`, ru: `${part.number}: ${words.ru}` },
      body:
        input.to === "rejected"
          ? { en: `${supplierName} rejected its part: ${input.reason}`, ru: `${supplierName} отклонил свою часть: ${input.reason}` }
          : input.to === "shipped"
            ? { en: `${supplierName} shipped it, tracking ${input.trackingNumber}`, ru: `${supplierName} отгрузил, трек-номер ${input.trackingNumber}` }
            : { en: `${supplierName}: ${words.en}`, ru: `${supplierName}: ${words.ru}` },
      link: `/b2b/orders/${part.b2bOrderId}`,
    });
    return { id: part.id, status: input.to };
  });
}
