import type { Db } from "../../db/client";
import { receiveProcessorCallback } from "../domain/payments/callbacks";

export const MAX_CALLBACK_BODY_BYTES = 64 * 1024;

export interface CallbacksDeps {
  db: Db;
  encryptionKey: Buffer;
}

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/**
 * POST /api/callbacks/<processor> — a processor's asynchronous answer. The raw body is read as
 * text (the signature covers the exact bytes) and handed to the domain; see docs/api/callbacks.md.
 */
export async function handleProcessorCallback(request: Request, processorCode: string, deps: CallbacksDeps): Promise<Response> {
  if (!/^[a-z0-9][a-z0-9_-]{1,39}$/.test(processorCode)) return answer(404, { received: false, error: "Unknown processor" });
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_CALLBACK_BODY_BYTES) return answer(413, { received: false, error: "Body too large" });
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_CALLBACK_BODY_BYTES) return answer(413, { received: false, error: "Body too large" });
  const rawBody = new TextDecoder().decode(bytes);
  try {
    const result = await receiveProcessorCallback(deps.db, { encryptionKey: deps.encryptionKey }, processorCode, { headers: request.headers, rawBody });
    return answer(result.status, result.body);
  } catch (error) {
    // Our failure: 500 makes the processor retry; the event was not recorded, so the retry is processed.
    console.error(`[callbacks] ${processorCode}: processing failed:`, error instanceof Error ? error.message : String(error));
    return answer(500, { received: false, error: "Internal error; retry later" });
  }
}
