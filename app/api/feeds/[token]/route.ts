import { ensureDatabaseReady } from "@/server/db";
import { handleFeedDownload } from "@/server/http/feeds";

/** Holders of the feed's token (marketplaces); see server/http/feeds.ts. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return handleFeedDownload(token, { db: await ensureDatabaseReady() });
}

export const dynamic = "force-dynamic";
