import path from "node:path";
import { ensureDatabaseReady } from "@/server/db";
import { getEnv } from "@/server/env";
import { handleExchange } from "@/server/http/exchange-1c";

/**
 * The 1C "exchange with site" endpoint (CommerceML 2). Public: authenticated by the exchange
 * login (checkauth, HTTP Basic) and then the session cookie; see server/http/exchange-1c.ts.
 */
async function exchange(request: Request) {
  return handleExchange(request, { db: await ensureDatabaseReady(), dir: path.join(getEnv().dataDir, "exchange") });
}

export const GET = exchange;
export const POST = exchange;
export const dynamic = "force-dynamic";
export const runtime = "nodejs";
