import { z } from "zod";
import type { Db } from "../../db/client";
import { can } from "../auth/permissions";
import type { ActiveSession } from "../domain/auth/sessions";
import { DomainError } from "../domain/errors";
import { partDocumentForDownload, type PartDocumentViewer } from "../domain/supplier-orders/order-parts";
import { statementDetails, type StatementViewer } from "../domain/supplier-orders/statements";
import { statementXlsx } from "../domain/supplier-orders/statement-xlsx";
import { statisticsCsv, statisticsInputSchema, supplierStatistics } from "../domain/supplier-orders/statistics";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const json = (status: number, error: string) => Response.json({ error }, { status });
const STATUS: Record<string, number> = { BAD_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, PRECONDITION_FAILED: 412, CONFLICT: 409 };
const idSchema = z.uuid({ error: "id: not a valid id" });
type Deps = { db: Db; session: ActiveSession | null };

function file(content: Buffer | string, contentType: string, fileName: string): Response {
  return new Response(typeof content === "string" ? content : new Uint8Array(content), {
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

const isSupplier = (s: ActiveSession) => s.user.kind === "supplier" && can(s.user.role, "supplier.cabinet");

/** GET /api/supplier/documents/[id]: a shipment document — to its supplier, the order's buyer, or staff with b2bOrders.view. */
export async function handlePartDocument(documentId: string, { db, session }: Deps) {
  if (!session) return json(401, "Sign in first");
  let viewer: PartDocumentViewer;
  if (isSupplier(session)) viewer = { kind: "supplier", userId: session.user.id };
  else if (session.user.kind === "buyer" && can(session.user.role, "buyer.cabinet")) viewer = { kind: "buyer", userId: session.user.id };
  else if (session.user.kind === "staff" && can(session.user.role, "b2bOrders.view")) viewer = { kind: "staff", id: session.user.id, role: session.user.role };
  else return json(403, "Your role may not download order documents");
  if (!idSchema.safeParse(documentId).success) return json(400, "id: not a valid id");
  return guarded(async () => {
    const doc = await partDocumentForDownload(db, viewer, documentId);
    return file(doc.content, doc.contentType, doc.fileName);
  });
}

/** GET /api/supplier/statements/[id]/xlsx: a statement as XLSX — to its supplier or finance staff. */
export async function handleStatementXlsx(statementId: string, { db, session }: Deps) {
  if (!session) return json(401, "Sign in first");
  let viewer: StatementViewer;
  if (isSupplier(session)) viewer = { kind: "supplier", userId: session.user.id };
  else if (session.user.kind === "staff" && can(session.user.role, "suppliers.finance")) viewer = { kind: "staff" };
  else return json(403, "Your role may not download statements");
  if (!idSchema.safeParse(statementId).success) return json(400, "id: not a valid id");
  return guarded(async () => {
    const details = await statementDetails(db, viewer, statementId);
    return file(await statementXlsx(details), XLSX, `statement-${details.statement.periodStart.slice(0, 7)}.xlsx`);
  });
}

/** GET /api/supplier/statistics?from&to&granularity: the supplier's own statistics as CSV. */
export async function handleStatisticsCsv(request: Request, { db, session }: Deps) {
  if (!session) return json(401, "Sign in first");
  if (!isSupplier(session)) return json(403, "Suppliers only");
  const parsed = statisticsInputSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return json(400, parsed.error.issues[0]?.message ?? "Bad period");
  return guarded(async () => {
    const stats = await supplierStatistics(db, session.user.id, parsed.data);
    return file(statisticsCsv(stats), "text/csv; charset=utf-8", `statistics-${parsed.data.from}-${parsed.data.to}.csv`);
  });
}
