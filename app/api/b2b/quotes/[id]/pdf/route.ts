import { getCurrentSession } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { handleBuyerQuotePdf } from "@/server/http/service-files";

/** A buyer's quote PDF, or his own offer to his customer with ?markup=&customer=; see server/http/service-files.ts. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleBuyerQuotePdf(request, id, { db: await ensureDatabaseReady(), session: await getCurrentSession() });
}

export const dynamic = "force-dynamic";
