import { getCurrentSession } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { handleCartExport } from "@/server/http/b2b-files";

/** Buyers only, their own carts; see server/http/b2b-files.ts. */
export async function GET(request: Request) {
  return handleCartExport(request, { db: await ensureDatabaseReady(), session: await getCurrentSession() });
}

export const dynamic = "force-dynamic";
