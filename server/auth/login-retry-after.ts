/**
 * A throttled login comes back from next-auth as a redirect (or JSON `{url}`) whose `error`
 * parameter is `throttled_account:<s>` or `throttled_ip:<s>` (server/auth/next-auth-options.ts).
 * This adds the standard `Retry-After: <s>` header to that response, so HTTP clients and
 * proxies see the wait without parsing the URL.
 */
const THROTTLED = /[?&]error=throttled_(?:account|ip)(?::|%3A)(\d+)/i;

export function retryAfterOfLoginUrl(url: string | null | undefined): number | null {
  const match = url ? THROTTLED.exec(url) : null;
  return match?.[1] ? Number(match[1]) : null;
}

export async function withLoginRetryAfter(response: Response): Promise<Response> {
  let url = response.headers.get("location");
  if (!url && (response.headers.get("content-type") ?? "").includes("application/json")) {
    const body = (await response.clone().json().catch(() => null)) as { url?: unknown } | null;
    url = typeof body?.url === "string" ? body.url : null;
  }
  const seconds = retryAfterOfLoginUrl(url);
  if (seconds === null) return response;
  const headers = new Headers(response.headers);
  headers.set("retry-after", String(seconds));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
