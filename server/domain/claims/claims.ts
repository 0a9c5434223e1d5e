import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf, type Db } from "@/db/client";
import { b2bOrderLines, b2bOrders, claimFiles, claimLines, claimMessages, claims, companies, users } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { CompanyActor } from "../companies/company-scope";
import { badInput, DomainError, notFound } from "../errors";
import { notify } from "../notifications/notify";
import { companyCondition, type ServiceViewer } from "../quotes/quote-scope";
import { CLAIM_FILE_MAX_BYTES, CLAIM_FILE_TYPES, CLAIM_FILES_MAX, claimQuantityProblem, mayMoveClaim, type ClaimStatus } from "./claim-rules";

const fileSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentType: z.enum(CLAIM_FILE_TYPES, { error: "Files: JPEG, PNG, WebP or PDF" }),
  base64: z.string().max(Math.ceil((CLAIM_FILE_MAX_BYTES * 4) / 3) + 4, "A file is larger than 5 MB").regex(/^[A-Za-z0-9+/=]*$/, "Not base64"),
});

export const createClaimSchema = z.object({
  orderId: z.uuid({ error: "Choose an order" }),
  kind: z.enum(["claim", "return"]),
  reason: z.string().trim().min(3, "Reason: at least 3 characters").max(300),
  description: z.string().trim().max(4000).optional(),
  lines: z.array(z.object({ orderLineId: z.uuid(), quantity: z.number().positive("Quantity must be positive") })).min(1, "Choose at least one line").max(500),
  files: z.array(fileSchema).max(CLAIM_FILES_MAX, `At most ${CLAIM_FILES_MAX} files`).default([]),
});

export const claimFiltersSchema = z.object({ status: z.enum(["new", "in_work", "under_review", "closed"]).optional() });
export const claimCommentSchema = z.object({ id: z.uuid(), body: z.string().trim().min(1, "Write a comment").max(4000) });
export const claimStatusSchema = z.object({ id: z.uuid(), status: z.enum(["in_work", "under_review", "closed"]), resolution: z.string().trim().max(4000).optional() });

async function visibleClaim(db: Db, viewer: ServiceViewer, claimId: string) {
  const [row] = await db.select().from(claims).where(and(eq(claims.id, claimId), companyCondition(viewer, claims.companyId)));
  if (!row) throw notFound("Claim");
  return row;
}

async function managerOf(db: Pick<Db, "select">, companyId: string): Promise<string | null> {
  const [row] = await db.select({ managerId: companies.managerId }).from(companies).where(eq(companies.id, companyId));
  return row?.managerId ?? null;
}

/** A buyer files a claim or a return on one of his company's orders: lines ≤ ordered, photos or documents attached, the manager told. */
export async function createClaim(db: Db, filer: { userId: string; staffId?: string | null }, input: z.infer<typeof createClaimSchema>, now = new Date()) {
  const [order] = await db
    .select({ id: b2bOrders.id, number: b2bOrders.number, companyId: b2bOrders.companyId })
    .from(b2bOrders)
    .where(and(eq(b2bOrders.id, input.orderId), companyCondition({ kind: "buyer", userId: filer.userId }, b2bOrders.companyId)));
  if (!order) throw badInput("Unknown order", "orderId");
  const orderLines = await db.select({ id: b2bOrderLines.id, quantity: b2bOrderLines.quantity }).from(b2bOrderLines).where(eq(b2bOrderLines.orderId, order.id));
  const ordered = new Map(orderLines.map((l) => [l.id, Number(l.quantity)]));
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    const max = ordered.get(line.orderLineId);
    if (max === undefined || seen.has(line.orderLineId)) throw badInput("Not a line of this order", `lines.${i}.orderLineId`);
    seen.add(line.orderLineId);
    const problem = claimQuantityProblem(line.quantity, max);
    if (problem) throw badInput(problem, `lines.${i}.quantity`);
  });
  const files = input.files.map((f, i) => {
    const content = Buffer.from(f.base64, "base64");
    if (content.length === 0) throw badInput("An empty file", `files.${i}`);
    if (content.length > CLAIM_FILE_MAX_BYTES) throw badInput("A file is larger than 5 MB", `files.${i}`);
    return { fileName: f.fileName, contentType: f.contentType, sizeBytes: content.length, content };
  });
  const managerId = await managerOf(db, order.companyId);

  return db.transaction(async (tx) => {
    const [seq] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('claim_number_seq')::text as n`));
    const number = `C-${seq!.n}`;
    const [claim] = await tx
      .insert(claims)
      .values({
        number, kind: input.kind, companyId: order.companyId, orderId: order.id, buyerId: filer.userId, createdByStaffId: filer.staffId ?? null,
        reason: input.reason, description: input.description || null, status: "new", createdAt: now, updatedAt: now,
      })
      .returning({ id: claims.id });
    await tx.insert(claimLines).values(input.lines.map((l) => ({ claimId: claim!.id, orderLineId: l.orderLineId, quantity: String(l.quantity) })));
    if (files.length) await tx.insert(claimFiles).values(files.map((f) => ({ ...f, claimId: claim!.id, uploadedBy: filer.staffId ?? filer.userId })));
    if (managerId && managerId !== filer.staffId) {
      const what = input.kind === "return" ? { en: "Return request", ru: "Заявка на возврат" } : { en: "Claim", ru: "Рекламация" };
      await notify(tx, { event: "claim.created", userIds: [managerId], title: { en: `${what.en} ${number} on order ${order.number}`, ru: `${what.ru} ${number} по заказу ${order.number}` }, link: `/claims/${claim!.id}` });
    }
    await recordAudit(tx, { actorId: filer.staffId ?? filer.userId, action: "claim.create", targetType: "claim", targetId: claim!.id, details: { orderId: order.id, kind: input.kind, onBehalfOf: filer.staffId ? filer.userId : undefined } });
    return { id: claim!.id, number };
  });
}

export async function listClaims(db: Db, viewer: ServiceViewer, filters: z.infer<typeof claimFiltersSchema> = {}) {
  const conditions = [companyCondition(viewer, claims.companyId)];
  if (filters.status) conditions.push(eq(claims.status, filters.status));
  return db
    .select({
      id: claims.id, number: claims.number, kind: claims.kind, status: claims.status, reason: claims.reason, companyId: claims.companyId, companyName: companies.name,
      orderId: claims.orderId, orderNumber: b2bOrders.number, buyerName: users.name, createdAt: claims.createdAt, updatedAt: claims.updatedAt,
    })
    .from(claims)
    .innerJoin(companies, eq(companies.id, claims.companyId))
    .innerJoin(b2bOrders, eq(b2bOrders.id, claims.orderId))
    .leftJoin(users, eq(users.id, claims.buyerId))
    .where(and(...conditions))
    .orderBy(desc(claims.createdAt))
    .limit(500);
}

export async function claimDetails(db: Db, viewer: ServiceViewer, claimId: string) {
  const claim = await visibleClaim(db, viewer, claimId);
  const [[company], [order], lines, messages, files] = await Promise.all([
    db.select({ id: companies.id, name: companies.name }).from(companies).where(eq(companies.id, claim.companyId)),
    db.select({ id: b2bOrders.id, number: b2bOrders.number, currency: b2bOrders.currency }).from(b2bOrders).where(eq(b2bOrders.id, claim.orderId)),
    db
      .select({ id: claimLines.id, quantity: claimLines.quantity, sku: b2bOrderLines.sku, name: b2bOrderLines.name, unit: b2bOrderLines.unit, ordered: b2bOrderLines.quantity, unitMinor: b2bOrderLines.unitMinor })
      .from(claimLines)
      .innerJoin(b2bOrderLines, eq(b2bOrderLines.id, claimLines.orderLineId))
      .where(eq(claimLines.claimId, claimId))
      .orderBy(asc(b2bOrderLines.sort)),
    db
      .select({ id: claimMessages.id, side: claimMessages.side, body: claimMessages.body, details: claimMessages.details, authorName: users.name, createdAt: claimMessages.createdAt })
      .from(claimMessages)
      .leftJoin(users, eq(users.id, claimMessages.authorId))
      .where(eq(claimMessages.claimId, claimId))
      .orderBy(asc(claimMessages.createdAt)),
    db.select({ id: claimFiles.id, fileName: claimFiles.fileName, contentType: claimFiles.contentType, sizeBytes: claimFiles.sizeBytes }).from(claimFiles).where(eq(claimFiles.claimId, claimId)),
  ]);
  const [buyer] = claim.buyerId ? await db.select({ name: users.name }).from(users).where(eq(users.id, claim.buyerId)) : [];
  return {
    ...claim, company: company!, order: order!, buyerName: buyer?.name ?? null,
    lines: lines.map((l) => ({ ...l, quantity: Number(l.quantity), ordered: Number(l.ordered) })),
    messages, files,
  };
}

/** A comment in the claim's thread; the other side is notified. */
export async function commentOnClaim(db: Db, author: { viewer: ServiceViewer; userId: string; staffId?: string | null }, input: z.infer<typeof claimCommentSchema>, now = new Date()) {
  const claim = await visibleClaim(db, author.viewer, input.id);
  if (claim.status === "closed") throw new DomainError("CONFLICT", "The claim is closed", { field: "status" });
  const side = author.viewer.kind === "staff" ? "staff" : "buyer";
  const recipients = side === "staff" ? [claim.buyerId] : [await managerOf(db, claim.companyId)];
  await db.transaction(async (tx) => {
    await tx.insert(claimMessages).values({ claimId: claim.id, authorId: author.staffId ?? author.userId, side, body: input.body, createdAt: now, details: author.staffId ? { onBehalfOf: author.userId } : {} });
    await tx.update(claims).set({ updatedAt: now }).where(eq(claims.id, claim.id));
    await notify(tx, {
      event: "claim.comment", userIds: recipients.filter((id): id is string => Boolean(id) && id !== author.staffId),
      title: { en: `New comment on claim ${claim.number}`, ru: `Новый комментарий по рекламации ${claim.number}` },
      body: { en: input.body.slice(0, 200), ru: input.body.slice(0, 200) },
      link: side === "staff" ? `/b2b/claims/${claim.id}` : `/claims/${claim.id}`,
    });
  });
}

const STATUS_WORDS: Record<ClaimStatus, { en: string; ru: string }> = {
  new: { en: "new", ru: "новая" },
  in_work: { en: "in work", ru: "в работе" },
  under_review: { en: "under review", ru: "на рассмотрении" },
  closed: { en: "closed", ru: "закрыта" },
};

/** The manager moves the claim along its statuses; closing needs a resolution. The buyer is notified, the change audited and shown in the thread. */
export async function changeClaimStatus(db: Db, actor: CompanyActor, input: z.infer<typeof claimStatusSchema>, now = new Date()) {
  const claim = await visibleClaim(db, { kind: "staff", actor }, input.id);
  if (!mayMoveClaim(claim.status, input.status)) throw new DomainError("CONFLICT", `A claim that is ${STATUS_WORDS[claim.status].en} cannot become ${STATUS_WORDS[input.status].en}`, { field: "status" });
  if (input.status === "closed" && !input.resolution) throw badInput("Write the resolution", "resolution");
  await db.transaction(async (tx) => {
    const moved = await tx
      .update(claims)
      .set({ status: input.status, resolution: input.status === "closed" ? input.resolution! : claim.resolution, closedAt: input.status === "closed" ? now : null, updatedAt: now })
      .where(and(eq(claims.id, claim.id), eq(claims.status, claim.status)))
      .returning({ id: claims.id });
    if (moved.length !== 1) throw new DomainError("CONFLICT", "The claim changed meanwhile; reload it", { field: "status" });
    const words = STATUS_WORDS[input.status];
    await tx.insert(claimMessages).values({
      claimId: claim.id, authorId: actor.id, side: "staff", createdAt: now,
      body: input.status === "closed" ? input.resolution! : `→ ${words.en}`, details: { fromStatus: claim.status, toStatus: input.status },
    });
    if (claim.buyerId) {
      await notify(tx, {
        event: "claim.status", userIds: [claim.buyerId],
        title: { en: `Claim ${claim.number} is ${words.en}`, ru: `Рекламация ${claim.number}: ${words.ru}` },
        body: input.status === "closed" ? { en: input.resolution!, ru: input.resolution! } : undefined,
        link: `/b2b/claims/${claim.id}`,
      });
    }
    await recordAudit(tx, { actorId: actor.id, action: "claim.status", targetType: "claim", targetId: claim.id, details: { from: claim.status, to: input.status }, ip: actor.ip });
  });
}

/** An attached file, for a viewer who may see its claim. */
export async function claimFileForDownload(db: Db, viewer: ServiceViewer, fileId: string) {
  const [file] = await db
    .select({ claimId: claimFiles.claimId, fileName: claimFiles.fileName, contentType: claimFiles.contentType, content: claimFiles.content })
    .from(claimFiles)
    .where(eq(claimFiles.id, fileId));
  if (!file) throw notFound("File");
  await visibleClaim(db, viewer, file.claimId);
  return file;
}

/** The buyer's orders to claim against (his companies', newest first) with their lines. */
export async function claimableOrders(db: Db, buyerUserId: string) {
  const orders = await db
    .select({ id: b2bOrders.id, number: b2bOrders.number, createdAt: b2bOrders.createdAt, currency: b2bOrders.currency })
    .from(b2bOrders)
    .where(companyCondition({ kind: "buyer", userId: buyerUserId }, b2bOrders.companyId))
    .orderBy(desc(b2bOrders.createdAt))
    .limit(100);
  const lines = orders.length
    ? await db
        .select({ id: b2bOrderLines.id, orderId: b2bOrderLines.orderId, sku: b2bOrderLines.sku, name: b2bOrderLines.name, unit: b2bOrderLines.unit, quantity: b2bOrderLines.quantity })
        .from(b2bOrderLines)
        .where(inArray(b2bOrderLines.orderId, orders.map((o) => o.id)))
        .orderBy(asc(b2bOrderLines.sort))
    : [];
  return orders.map((o) => ({ ...o, lines: lines.filter((l) => l.orderId === o.id).map((l) => ({ ...l, quantity: Number(l.quantity) })) }));
}
