import { ensureDatabaseReady } from "@/server/db";
import { getEnv } from "@/server/env";
import { handleProcessorCallback } from "@/server/http/callbacks";

/** Public route for payment processors' callbacks, authenticated by their signature (server/http/callbacks.ts). */
export async function POST(request: Request, context: { params: Promise<{ processor: string }> }) {
  const { processor } = await context.params;
  return handleProcessorCallback(request, processor, { db: await ensureDatabaseReady(), encryptionKey: getEnv().encryptionKey });
}

export const dynamic = "force-dynamic";
