import { getCurrentSession } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { handleQuickOrderTemplate } from "@/server/http/b2b-files";

/** Buyers only; see server/http/b2b-files.ts. */
export async function GET() {
  await ensureDatabaseReady();
  return handleQuickOrderTemplate({ session: await getCurrentSession() });
}

export const dynamic = "force-dynamic";
