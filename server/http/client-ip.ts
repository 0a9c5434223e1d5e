/**
 * The caller's address for throttling and audit. Next's server appends the socket address to
 * x-forwarded-for, so without a trusted proxy in front the last entry is the real peer; behind a
 * trusted proxy (AUTH_TRUST_PROXY=true) the first entry is the original client.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>, trustProxy: boolean): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const hops = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = trustProxy ? hops[0] : hops[hops.length - 1];
  return ip || "unknown";
}
