import { pingDatabase } from "@/db/client";
import { ensureDatabaseReady, getDatabaseHandle } from "@/server/db";

/** Public, for load balancers and uptime checks: 200 when the app can reach its database, else 503. */
export async function GET() {
  const started = performance.now();
  try {
    const db = await ensureDatabaseReady();
    await pingDatabase(db);
    return Response.json({
      status: "ok",
      app: { version: process.env.npm_package_version ?? "0.1.0", uptimeSeconds: Math.round(process.uptime()) },
      database: { status: "ok", driver: getDatabaseHandle().driver, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
    });
  } catch (error) {
    return Response.json(
      { status: "error", database: { status: "error", message: error instanceof Error ? error.message : String(error) } },
      { status: 503 },
    );
  }
}

export const dynamic = "force-dynamic";
