import { getCurrentSession } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { handleStaffQuotePdf } from "@/server/http/service-files";

/** The quote PDF for staff with quotes.manage; see server/http/service-files.ts. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleStaffQuotePdf(id, { db: await ensureDatabaseReady(), session: await getCurrentSession() });
}

export const dynamic = "force-dynamic";
