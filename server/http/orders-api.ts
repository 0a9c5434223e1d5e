import type { Db } from "../../db/client";
import { createOrderFromShop } from "../domain/orders/create-order";
import { fieldProblems, orderRequestSchema, type FieldProblem } from "../domain/orders/intake-schema";
import { DomainError } from "../domain/errors";
import { authenticateShop } from "../domain/shops/shops";
import { clientIp } from "./client-ip";
import type { RateLimiter } from "./rate-limiter";
import { readJsonBody } from "./read-json";

export const MAX_ORDER_BODY_BYTES = 256 * 1024;

export interface OrdersApiDeps {
  db: Db;
  encryptionKey: Buffer;
  rateLimiter: RateLimiter;
  /** Per caller address, checked before anything else (also before the credentials). */
  ipRateLimiter?: RateLimiter;
  /** Take the first x-forwarded-for hop (behind a trusted proxy) instead of the last. */
  trustProxy?: boolean;
}

interface ApiAnswer {
  result: boolean;
  error: string;
  id?: string;
  duplicate?: boolean;
  errors?: FieldProblem[];
}

function answer(status: number, body: ApiAnswer, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

const fail = (status: number, error: string, extra: Partial<ApiAnswer> = {}, headers?: Record<string, string>) =>
  answer(status, { result: false, error, ...extra }, headers);

function credentialsOf(request: Request, body: Record<string, unknown>): { apiId: string; apiKey: string } | null {
  const header = request.headers.get("authorization");
  const bearer = header?.match(/^Bearer\s+([^:\s]+):(\S+)$/i);
  if (bearer?.[1] && bearer[2]) return { apiId: bearer[1], apiKey: bearer[2] };
  const auth = body.auth;
  if (auth && typeof auth === "object") {
    const { api_id: apiId, api_key: apiKey } = auth as Record<string, unknown>;
    if (typeof apiId === "string" && typeof apiKey === "string" && apiId && apiKey) return { apiId, apiKey };
  }
  return null;
}

const STATUS_BY_DOMAIN_CODE: Partial<Record<DomainError["code"], number>> = {
  BAD_INPUT: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PRECONDITION_FAILED: 409,
};

/**
 * POST /api/orders — public, authenticated by the shop's API id and key (body `auth` or
 * `Authorization: Bearer <api_id>:<api_key>`). Answers in the customer's format:
 * {"result": true, "error": "", "id": "<order id>"}; docs/api/orders.md lists every status.
 */
export async function handleCreateOrder(request: Request, deps: OrdersApiDeps): Promise<Response> {
  if (deps.ipRateLimiter) {
    const ipWait = deps.ipRateLimiter.take(`ip:${clientIp(request.headers, deps.trustProxy ?? false)}`);
    if (ipWait > 0) return fail(429, `Too many requests from this address; retry in ${ipWait} s`, {}, { "retry-after": String(ipWait) });
  }
  const body = await readJsonBody(request, MAX_ORDER_BODY_BYTES);
  if (!body.ok) return fail(body.status, body.error);
  if (!body.value || typeof body.value !== "object" || Array.isArray(body.value)) return fail(400, "Body must be a JSON object");
  const raw = body.value as Record<string, unknown>;

  const credentials = credentialsOf(request, raw);
  if (!credentials) return fail(401, "auth.api_id and auth.api_key are required (or an Authorization: Bearer <api_id>:<api_key> header)");
  const shop = await authenticateShop(deps.db, credentials.apiId, credentials.apiKey);
  if (!shop) return fail(401, "auth: unknown API id or wrong API key");

  const wait = deps.rateLimiter.take(shop.id);
  if (wait > 0) return fail(429, `Too many requests for this shop; retry in ${wait} s`, {}, { "retry-after": String(wait) });

  const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
  if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
    return fail(400, "Idempotency-Key must be 1–200 printable ASCII characters");
  }

  const parsed = orderRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = fieldProblems(parsed.error);
    return fail(422, problems[0]?.message ?? "Invalid order", { errors: problems });
  }

  try {
    const result = await createOrderFromShop(deps.db, shop, parsed.data, { encryptionKey: deps.encryptionKey, idempotencyKey });
    return answer(result.created ? 201 : 200, { result: true, error: "", id: result.orderId, ...(result.created ? {} : { duplicate: true }) });
  } catch (error) {
    if (error instanceof DomainError) {
      const status = STATUS_BY_DOMAIN_CODE[error.code] ?? 422;
      return fail(status, error.message, error.field ? { errors: [{ field: error.field, message: error.message }] } : {});
    }
    // Never log the request: it may hold a card number.
    console.error("[api/orders] order intake failed:", error instanceof Error ? error.message : String(error));
    return fail(500, "Internal error; the order was not stored. Retry later.");
  }
}
