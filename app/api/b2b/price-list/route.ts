import { getCurrentSession } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { handlePriceListDownload } from "@/server/http/price-list";

/** Buyers only (buyer.cabinet); see server/http/price-list.ts. */
export async function GET(request: Request) {
  return handlePriceListDownload(request, { db: await ensureDatabaseReady(), session: await getCurrentSession() });
}

export const dynamic = "force-dynamic";
