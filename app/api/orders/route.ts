import { ensureDatabaseReady } from "@/server/db";
import { getEnv } from "@/server/env";
import { handleCreateOrder } from "@/server/http/orders-api";
import { RateLimiter } from "@/server/http/rate-limiter";

/** Public route, authenticated by the shop's API credentials (see server/http/orders-api.ts). */
const limiter = new RateLimiter(Number(process.env.SHOP_API_RATE_PER_SECOND ?? 200), Number(process.env.SHOP_API_RATE_BURST ?? 400));
/** Per caller address, before the credentials are checked: one address cannot flood the API, with or without a valid key. */
const ipLimiter = new RateLimiter(Number(process.env.SHOP_API_IP_RATE_PER_SECOND ?? 300), Number(process.env.SHOP_API_IP_RATE_BURST ?? 600));

export async function POST(request: Request) {
  return handleCreateOrder(request, { db: await ensureDatabaseReady(), encryptionKey: getEnv().encryptionKey, rateLimiter: limiter, ipRateLimiter: ipLimiter, trustProxy: getEnv().trustProxy });
}

export const dynamic = "force-dynamic";
