import { ensureDatabaseReady } from "@/server/db";
import { getEnv } from "@/server/env";
import { handleShipperTracking } from "@/server/http/shipper-tracking";

/** Public route for shippers' tracking pushes, authenticated by their signature (server/http/shipper-tracking.ts). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return handleShipperTracking(request, id, { db: await ensureDatabaseReady(), encryptionKey: getEnv().encryptionKey });
}

export const dynamic = "force-dynamic";
