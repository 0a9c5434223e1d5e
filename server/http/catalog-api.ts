import { z } from "zod";
import type { Db } from "../../db/client";
import { authenticateApiKey, type ApiKeyRefusal } from "../domain/catalog-api/api-keys";
import { apiProduct, apiProducts, apiProperties, apiSections } from "../domain/catalog-api/catalog-api";
import { DomainError } from "../domain/errors";

const REFUSALS: Record<ApiKeyRefusal, string> = {
  missing: "Send your API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'",
  unknown: "This API key is not valid",
  revoked: "This API key was reset; use the new key from your cabinet",
  expired: "This API key has expired; issue a new one in your cabinet (B2B → API)",
  inactive: "This account may not use the catalog API",
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

function presentedKey(request: Request): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  return bearer ?? request.headers.get("x-api-key")?.trim() ?? null;
}

export type CatalogApiResource = { kind: "sections" } | { kind: "properties" } | { kind: "products" } | { kind: "product"; sku: string };

/**
 * GET /api/v1/catalog/{sections|properties|products|products/<sku>}: the catalog with the key
 * owner's personal prices and stock. Who may call: holders of a live personal API key of an
 * active buyer (no cookie session is accepted: integrations call it, not browsers).
 */
export async function handleCatalogApi(request: Request, resource: CatalogApiResource, deps: { db: Db; now?: Date }): Promise<Response> {
  const auth = await authenticateApiKey(deps.db, presentedKey(request), deps.now);
  if ("refused" in auth) return json(401, { error: REFUSALS[auth.refused] }, { "www-authenticate": 'Bearer realm="catalog"' });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  try {
    switch (resource.kind) {
      case "sections":
        return json(200, await apiSections(deps.db));
      case "properties":
        return json(200, await apiProperties(deps.db));
      case "products":
        return json(200, await apiProducts(deps.db, auth.userId, params));
      case "product": {
        const currency = z.enum(["RUB", "USD", "EUR"], { error: "currency: RUB, USD or EUR" }).optional().parse(params.currency);
        const product = await apiProduct(deps.db, auth.userId, resource.sku, currency);
        return product ? json(200, { product }) : json(404, { error: `sku: no published product ${resource.sku}` });
      }
    }
  } catch (error) {
    if (error instanceof z.ZodError) return json(400, { error: error.issues[0]?.message ?? "invalid query" });
    if (error instanceof DomainError && error.code === "BAD_INPUT") return json(400, { error: error.message });
    throw error;
  }
}
