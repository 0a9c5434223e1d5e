import { getCurrentSession } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { handleStatisticsExport } from "@/server/http/statistics-export";

/** Staff with statistics.view only; see server/http/statistics-export.ts. */
export async function GET(request: Request) {
  return handleStatisticsExport(request, { db: await ensureDatabaseReady(), session: await getCurrentSession() });
}

export const dynamic = "force-dynamic";
