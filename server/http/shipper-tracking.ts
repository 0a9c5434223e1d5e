import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { shipments } from "../../db/schema";
import { DomainError } from "../domain/errors";
import { markDelivered } from "../domain/fulfilment/delivery";
import { findShipper, shipperSecret } from "../domain/fulfilment/shippers";
import { addTrackingNumber } from "../domain/fulfilment/tracking";
import { verifySignature } from "../integrations/payments/signature";

export const MAX_TRACKING_BODY_BYTES = 256 * 1024;

export interface ShipperTrackingDeps {
  db: Db;
  encryptionKey: Buffer;
  now?: () => Date;
}

const eventSchema = z
  .object({
    order_id: z.string().regex(/^ord_[A-Za-z0-9_-]{22}$/, "must be our order id (ord_…)"),
    type: z.enum(["shipped", "delivered"], "must be shipped or delivered"),
    tracking_number: z.string().trim().min(1).max(64).optional(),
    carrier: z.string().trim().max(100).optional(),
    shipment_id: z.number().int().positive().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.type === "shipped" && !e.tracking_number) ctx.addIssue({ code: "custom", path: ["tracking_number"], message: "is required for a shipped event" });
  });

const bodySchema = z.object({ events: z.array(eventSchema).min(1, "must hold at least one event").max(500, "holds at most 500 events") });

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

function fieldOf(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
}

/**
 * POST /api/shippers/<id or code>/tracking — a shipper pushes tracking numbers and deliveries
 * (docs/api/shippers.md). Authenticated by the HMAC signature with the shipper's secret over
 * the raw body; a shipper may only touch orders it has a shipment for. Bad input is a 4xx
 * naming the field; each event is applied on its own and answered in `results`.
 */
export async function handleShipperTracking(request: Request, shipperRef: string, deps: ShipperTrackingDeps): Promise<Response> {
  const now = deps.now?.() ?? new Date();
  if (!/^[A-Za-z0-9_-]{2,40}$/.test(shipperRef)) return answer(404, { ok: false, error: "Unknown shipper" });
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_TRACKING_BODY_BYTES) return answer(413, { ok: false, error: "Body too large" });
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_TRACKING_BODY_BYTES) return answer(413, { ok: false, error: "Body too large" });
  const rawBody = new TextDecoder().decode(bytes);

  const shipper = await findShipper(deps.db, shipperRef);
  const secret = shipper ? shipperSecret(shipper, [deps.encryptionKey]) : null;
  if (!shipper || !secret) return answer(404, { ok: false, error: "Unknown shipper" });
  const verdict = verifySignature({ secret, headers: request.headers, rawBody, now });
  if (!verdict.ok) return answer(401, { ok: false, error: `Signature: ${verdict.reason}` });

  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return answer(400, { ok: false, error: "Body is not valid JSON", field: null });
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = fieldOf(issue.path) || "body";
    return answer(422, { ok: false, error: `${field} ${issue.message}`, field });
  }

  const actor = { type: "shipper" as const, id: shipper.id, name: shipper.name };
  const results: Array<{ order_id: string; ok: boolean; status?: string | null; error?: string }> = [];
  for (const event of parsed.data.events) {
    try {
      const [own] = await deps.db
        .select({ id: shipments.id })
        .from(shipments)
        .where(and(eq(shipments.orderId, event.order_id), eq(shipments.shipperId, shipper.id)))
        .limit(1);
      if (!own) throw new DomainError("NOT_FOUND", "No shipment of this order with this shipper");
      if (event.type === "shipped") {
        const r = await addTrackingNumber(deps.db, actor, event.order_id, {
          trackingNumber: event.tracking_number!, carrier: event.carrier, shipmentId: event.shipment_id, shipperId: shipper.id, now,
        });
        results.push({ order_id: event.order_id, ok: true, status: r.status });
      } else {
        const r = await markDelivered(deps.db, actor, event.order_id, { shipperId: shipper.id, note: `Reported by ${shipper.name}`, now });
        results.push({ order_id: event.order_id, ok: true, status: r.to });
      }
    } catch (error) {
      if (!(error instanceof DomainError)) {
        console.error(`[shippers] ${shipper.code}: tracking event failed:`, error instanceof Error ? error.message : String(error));
        results.push({ order_id: event.order_id, ok: false, error: "Internal error; send this event again later" });
        continue;
      }
      results.push({ order_id: event.order_id, ok: false, error: error.message });
    }
  }
  return answer(200, { ok: results.every((r) => r.ok), results });
}
