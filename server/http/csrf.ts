/**
 * CSRF defence for cookie-authenticated state changes (tRPC mutations, next-auth, server actions).
 * A browser always tells where a state-changing request comes from: `Sec-Fetch-Site` (all current
 * browsers) and `Origin` (every cross-origin POST). A request that says it comes from another
 * site is refused before any handler runs. A request with neither header is not a browser's
 * (curl, a server), so it carries no victim's cookie by accident and is let through.
 *
 * Machine endpoints authenticate with an API key or a signature, never with a cookie, and are
 * called from other origins by design: they are exempt.
 */
export const CSRF_EXEMPT_PREFIXES = ["/api/orders", "/api/callbacks/", "/api/shippers/", "/api/bench/", "/api/1c/"] as const;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type CsrfVerdict = { ok: true } | { ok: false; reason: string };

export interface CsrfRequest {
  method: string;
  pathname: string;
  headers: Headers;
  /** The host of the URL as the server parsed it, used when no Host header came. */
  urlHost?: string;
}

function isExempt(pathname: string): boolean {
  return CSRF_EXEMPT_PREFIXES.some((prefix) => (prefix.endsWith("/") ? pathname.startsWith(prefix) : pathname === prefix || pathname.startsWith(`${prefix}/`)));
}

/** The host the browser addressed: behind a trusted proxy the forwarded one, else Host. */
function requestHost(request: CsrfRequest, trustProxy: boolean): string | null {
  const forwarded = trustProxy ? request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return (forwarded || request.headers.get("host") || request.urlHost)?.toLowerCase() ?? null;
}

export function checkCsrf(request: CsrfRequest, options: { trustProxy?: boolean } = {}): CsrfVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  if (isExempt(request.pathname)) return { ok: true };

  const fetchSite = request.headers.get("sec-fetch-site")?.toLowerCase();
  // "same-site" is a sibling subdomain: not this app, so refused too. "none" is a user-typed navigation.
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    return { ok: false, reason: `cross-site request (Sec-Fetch-Site: ${fetchSite})` };
  }
  const origin = request.headers.get("origin");
  if (origin) {
    if (origin === "null") return { ok: false, reason: "opaque Origin" };
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      return { ok: false, reason: "malformed Origin" };
    }
    const host = requestHost(request, options.trustProxy ?? false);
    if (!host || originHost !== host) return { ok: false, reason: `Origin ${origin} is not this site` };
  }
  return { ok: true };
}
