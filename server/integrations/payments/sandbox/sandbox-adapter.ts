import { z } from "zod";
import type { DeclineCode } from "../../../domain/payments/decline-codes";
import type { AdapterConfig, CallbackEvent, CallbackEventType, ChargeResult, ProcessorAdapter, RefundResult } from "../adapter";
import { verifySignature } from "../signature";

/** The sandbox's ISO 8583-style response codes in the shared taxonomy. Unknown codes count as hard declines: never spray an unknown refusal across processors. */
const CODE_MAP: Record<string, DeclineCode> = {
  "05": "do_not_honor",
  "91": "issuer_unavailable",
  "14": "invalid_card",
  "51": "insufficient_funds",
  "54": "expired_card",
  N7: "cvv_required",
  "43": "stolen_card",
  "41": "lost_card",
  "59": "suspected_fraud",
  "96": "processor_error",
  R1: "card_declined",
  R2: "invalid_amount",
};

export function sandboxDeclineCode(raw: string | undefined): DeclineCode {
  return (raw && CODE_MAP[raw]) || "card_declined";
}

const paymentSchema = z.object({
  id: z.string(),
  status: z.enum(["approved", "pending", "declined", "refunded", "chargeback"]),
  response_code: z.string(),
  message: z.string(),
  arn: z.string().nullable().optional(),
  payment_url: z.string().nullable().optional(),
});

const eventSchema = z.object({
  id: z.string().min(1),
  type: z.string(),
  data: z.object({
    id: z.string(),
    status: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    reference: z.string(),
    response_code: z.string(),
    message: z.string(),
    arn: z.string().nullable().optional(),
  }),
});

const EVENT_TYPES: Record<string, CallbackEventType> = {
  "payment.approved": "payment.approved",
  "payment.declined": "payment.declined",
  "payment.pending": "payment.pending",
  "payment.refunded": "payment.refunded",
  "payment.chargeback": "payment.chargeback",
};

function toChargeResult(body: z.infer<typeof paymentSchema>): ChargeResult {
  if (body.status === "approved" || body.status === "refunded" || body.status === "chargeback") {
    return { outcome: "approved", paymentId: body.id, reference: body.arn ?? undefined, rawCode: body.response_code, message: body.message };
  }
  if (body.status === "pending") return { outcome: "pending", paymentId: body.id, paymentUrl: body.payment_url ?? undefined, rawCode: body.response_code, message: body.message };
  return { outcome: "declined", code: sandboxDeclineCode(body.response_code), rawCode: body.response_code, message: body.message, paymentId: body.id };
}

/**
 * The adapter for the bundled sandbox gateway (sandbox-gateway.ts). Settings: `baseUrl`,
 * `callbackUrl`; credentials: `apiKey`, `webhookSecret`.
 */
export function sandboxAdapter(config: AdapterConfig): ProcessorAdapter {
  const baseUrl = (config.settings.baseUrl ?? "").replace(/\/+$/, "");
  const apiKey = config.credentials.apiKey ?? "";
  const timeoutMs = config.timeoutMs ?? 15_000;

  async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; json: unknown } | { failure: DeclineCode; message: string }> {
    if (!baseUrl || !apiKey) return { failure: "configuration_error", message: "The sandbox processor needs settings.baseUrl and credentials.apiKey" };
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        return { failure: "bad_response", message: `HTTP ${response.status}: the answer is not JSON` };
      }
      if (response.status === 401) return { failure: "configuration_error", message: "The sandbox refused the API key (HTTP 401)" };
      if (response.status >= 500) return { failure: "processor_error", message: `HTTP ${response.status}: ${String((json as { error?: unknown } | null)?.error ?? "server error")}` };
      return { status: response.status, json };
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      return { failure: timedOut ? "timeout" : "network_error", message: timedOut ? `No answer within ${timeoutMs} ms` : `Network error: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  async function paymentCall(method: "GET" | "POST", path: string, body?: unknown): Promise<ChargeResult> {
    const result = await call(method, path, body);
    if ("failure" in result) return { outcome: "declined", code: result.failure, message: result.message };
    const parsed = paymentSchema.safeParse(result.json);
    if (!parsed.success) {
      const error = String((result.json as { error?: unknown } | null)?.error ?? "unexpected answer");
      return { outcome: "declined", code: result.status === 400 ? "invalid_amount" : "bad_response", message: `HTTP ${result.status}: ${error}` };
    }
    return toChargeResult(parsed.data);
  }

  return {
    adapter: "sandbox",
    supportsRefund: true,
    charge(request) {
      return paymentCall("POST", "/v1/payments", {
        amount: request.amountMinor,
        currency: request.currency,
        method: request.method,
        reference: request.orderId,
        initiator: request.initiator,
        card: request.card
          ? { number: request.card.pan, exp_month: request.card.expiryMonth, exp_year: request.card.expiryYear, holder: request.card.holder, cvc: request.card.cvv }
          : undefined,
        customer: { email: request.customer.email, name: `${request.customer.firstName} ${request.customer.lastName}`, country: request.customer.country },
        notify_url: request.callbackUrl ?? config.settings.callbackUrl,
      });
    },
    async refund(request): Promise<RefundResult> {
      const result = await call("POST", `/v1/payments/${encodeURIComponent(request.paymentId)}/refunds`, { amount: request.amountMinor });
      if ("failure" in result) return { ok: false, code: result.failure, message: result.message };
      const body = result.json as { id?: unknown; status?: unknown; error?: unknown; response_code?: unknown } | null;
      if (result.status === 200 && typeof body?.id === "string" && body.status === "refunded") return { ok: true, refundId: body.id };
      const raw = typeof body?.response_code === "string" ? body.response_code : undefined;
      return { ok: false, code: sandboxDeclineCode(raw), rawCode: raw, message: `HTTP ${result.status}: ${String(body?.error ?? "refund refused")}` };
    },
    status(paymentId) {
      return paymentCall("GET", `/v1/payments/${encodeURIComponent(paymentId)}`);
    },
    verifyCallback({ headers, rawBody, now }) {
      const secret = config.credentials.webhookSecret;
      if (!secret) return { ok: false, status: 401, reason: "no webhook secret is configured for this processor" };
      const signature = verifySignature({ secret, headers, rawBody, now });
      if (!signature.ok) return { ok: false, status: 401, reason: signature.reason };
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        return { ok: false, status: 400, reason: "body is not JSON" };
      }
      const parsed = eventSchema.safeParse(json);
      if (!parsed.success) return { ok: false, status: 400, reason: `unexpected event: ${parsed.error.issues[0]?.message ?? "invalid"}` };
      const { id, type, data } = parsed.data;
      const mapped = EVENT_TYPES[type];
      if (!mapped) return { ok: false, status: 400, reason: `unknown event type ${type}` };
      const event: CallbackEvent = {
        eventId: id,
        type: mapped,
        paymentId: data.id,
        reference: data.arn ?? undefined,
        orderRef: data.reference,
        amountMinor: data.amount,
        currency: data.currency,
        rawCode: data.response_code,
        code: mapped === "payment.declined" ? sandboxDeclineCode(data.response_code) : undefined,
        message: data.message,
        payload: json as Record<string, unknown>,
      };
      return { ok: true, event };
    },
  };
}
