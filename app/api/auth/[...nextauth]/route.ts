import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/next-auth-options";
import { withLoginRetryAfter } from "@/server/auth/login-retry-after";
import { withBrowserSessionCookie } from "@/server/auth/session-cookie";
import { getEnv } from "@/server/env";

/** Public: the login form posts here; next-auth checks its CSRF token. */
type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: RouteContext): Promise<Response> {
  const handler = NextAuth(getAuthOptions()) as (req: Request, ctx: RouteContext) => Promise<Response>;
  return withLoginRetryAfter(await withBrowserSessionCookie(await handler(request, context), getEnv().authSecret));
}

export { handle as GET, handle as POST };
