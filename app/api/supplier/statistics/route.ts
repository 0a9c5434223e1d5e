import { getCurrentSession } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { handleStatisticsCsv } from "@/server/http/supplier-files";

/** The supplier's own statistics as CSV; see server/http/supplier-files.ts. */
export async function GET(request: Request) {
  return handleStatisticsCsv(request, { db: await ensureDatabaseReady(), session: await getCurrentSession() });
}

export const dynamic = "force-dynamic";
