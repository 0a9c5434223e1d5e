import { ensureDatabaseReady } from "@/server/db";
import { handleCatalogApi } from "@/server/http/catalog-api";

/** Holders of a buyer's personal API key; see server/http/catalog-api.ts. */
export async function GET(request: Request) {
  return handleCatalogApi(request, { kind: "sections" }, { db: await ensureDatabaseReady() });
}

export const dynamic = "force-dynamic";
