import { getCurrentSession } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { handleFeedFile } from "@/server/http/feeds";

/** Staff with feeds.manage; see server/http/feeds.ts. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleFeedFile(id, { db: await ensureDatabaseReady(), session: await getCurrentSession() });
}

export const dynamic = "force-dynamic";
