import { getCurrentSession } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { handleClaimFile } from "@/server/http/service-files";

/** A claim's attachment for its buyer or staff with claims.manage; see server/http/service-files.ts. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleClaimFile(id, { db: await ensureDatabaseReady(), session: await getCurrentSession() });
}

export const dynamic = "force-dynamic";
