import { baselineIntake } from "@/server/bench/baseline-intake";

/**
 * Exists only for `npm run bench:intake` (BENCH_BASELINE_SHOP_ID set by the bench script);
 * everywhere else it answers 404, so it is no open door.
 */
export async function POST(request: Request) {
  const shopId = process.env.BENCH_BASELINE_SHOP_ID;
  if (!shopId || !process.env.DATABASE_URL) return new Response("Not found", { status: 404 });
  const result = await baselineIntake(await request.json().catch(() => null), shopId);
  return Response.json({ result: result.status < 300, error: result.error ?? "", id: result.id }, { status: result.status });
}

export const dynamic = "force-dynamic";
