import { getCurrentSession } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { handlePartDocument } from "@/server/http/supplier-files";

/** The part's supplier, the order's buyer or staff with b2bOrders.view; see server/http/supplier-files.ts. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handlePartDocument(id, { db: await ensureDatabaseReady(), session: await getCurrentSession() });
}

export const dynamic = "force-dynamic";
