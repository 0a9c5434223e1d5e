import { createHmac } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderEvents, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { JobContext } from "@/server/jobs/worker";
import { open } from "../crypto/secret-box";

/** A slow endpoint holds a worker slot this long at most (the worker runs a batch in turn). */
const TIMEOUT_MS = 5_000;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the receiver recomputes it with the endpoint's secret. */
export function webhookSignature(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * The worker's delivery: POST the JSON with the signature; a 2xx delivers it, anything else (or
 * no answer in 10 s) is an error the outbox retries with backoff. Each outcome lands on the
 * delivery row and, for an order, on the order's log.
 */
export function webhookDeliveryHandler(deps: { encryptionKeys: Buffer[]; fetchImpl?: typeof fetch }) {
  return async (db: Db, job: { payload: Record<string, unknown>; attempts: number }, context: JobContext) => {
    const deliveryId = String(job.payload.deliveryId ?? "");
    const [row] = await db
      .select({ delivery: webhookDeliveries, url: webhookEndpoints.url, secretSealed: webhookEndpoints.secretSealed, isActive: webhookEndpoints.isActive })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, deliveryId));
    if (!row || row.delivery.status === "delivered") return;
    const body = JSON.stringify({ id: row.delivery.id, ...row.delivery.payload });
    const timestamp = Math.floor(context.now.getTime() / 1000);
    const signature = webhookSignature(open(row.secretSealed, deps.encryptionKeys), body, timestamp);
    const log = async (type: "note" | "error", message: string) => {
      if (row.delivery.orderId) await db.insert(orderEvents).values({ orderId: row.delivery.orderId, type, actorType: "system", actorName: "Webhooks", message, data: { deliveryId }, createdAt: context.now });
    };
    let status: number | null = null;
    let responseBody: string | null = null;
    let error: string | null = null;
    try {
      const response = await (deps.fetchImpl ?? fetch)(row.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-t3-event": row.delivery.event, "x-t3-delivery": row.delivery.id, "x-t3-signature": signature },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.status;
      responseBody = (await response.text().catch(() => "")).slice(0, 500);
      if (!response.ok) error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const delivered = error === null;
    await db
      .update(webhookDeliveries)
      .set({
        status: delivered ? "delivered" : context.nextRunIfFailed ? "pending" : "failed",
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        responseCode: status,
        responseBody,
        error,
        deliveredAt: delivered ? context.now : null,
      })
      .where(eq(webhookDeliveries.id, deliveryId));
    if (delivered) {
      await log("note", `Webhook ${row.delivery.event} delivered to ${row.url} (HTTP ${status})`);
      return;
    }
    await log("error", `Webhook ${row.delivery.event} to ${row.url} failed (attempt ${job.attempts}): ${error}${context.nextRunIfFailed ? `; next try at ${context.nextRunIfFailed.toISOString()}` : "; giving up"}`);
    throw new Error(`webhook ${row.delivery.event} to ${row.url}: ${error}`);
  };
}
