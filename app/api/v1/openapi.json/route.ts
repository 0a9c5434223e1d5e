import { catalogOpenApi } from "@/server/domain/catalog-api/openapi";

/** Public: the catalog API's description (no data in it). */
export function GET(request: Request) {
  return Response.json(catalogOpenApi(new URL(request.url).origin), { headers: { "cache-control": "public, max-age=300" } });
}
