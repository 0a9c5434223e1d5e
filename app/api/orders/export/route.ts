import { getCurrentSession } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { handleOrdersExport } from "@/server/http/orders-export";

/** Staff with orders.export only; see server/http/orders-export.ts. */
export async function GET(request: Request) {
  return handleOrdersExport(request, { db: await ensureDatabaseReady(), session: await getCurrentSession() });
}

export const dynamic = "force-dynamic";
