import { getCurrentSession } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { handleCartOfferPdf } from "@/server/http/service-files";

/** A reseller's offer PDF from a cart with its markup; see server/http/service-files.ts. */
export async function GET(request: Request) {
  return handleCartOfferPdf(request, { db: await ensureDatabaseReady(), session: await getCurrentSession() });
}

export const dynamic = "force-dynamic";
