import { NextResponse, type NextRequest } from "next/server";
import { checkCsrf } from "./server/http/csrf";

/**
 * Runs before every route (Next 16's proxy, formerly middleware): refuses cross-site
 * state-changing requests (server/http/csrf.ts). Security headers are static and live in
 * next.config.ts.
 */
export function proxy(request: NextRequest) {
  const trustProxy = process.env.AUTH_TRUST_PROXY === "true" || process.env.AUTH_TRUST_PROXY === "1";
  const verdict = checkCsrf({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers, urlHost: request.nextUrl.host }, { trustProxy });
  if (!verdict.ok) {
    return NextResponse.json({ error: `Forbidden: ${verdict.reason}` }, { status: 403, headers: { "cache-control": "no-store" } });
  }
  return NextResponse.next();
}

export const config = {
  // Static files never change state; everything else passes the check.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
