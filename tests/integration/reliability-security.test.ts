import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { proxy } from "@/proxy";
import { retryAfterOfLoginUrl, withLoginRetryAfter } from "@/server/auth/login-retry-after";
import { checkCsrf } from "@/server/http/csrf";
import { RateLimiter } from "@/server/http/rate-limiter";
import { contentSecurityPolicy, securityHeaders } from "@/server/http/security-headers";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { createTestShop, insertFxRate, orderBody, orderDeps, postOrder, type TestShop } from "../helpers/order-fixtures";

/** Security headers, CSRF on state-changing requests, and the rate limits of issue 13. */
let t: TestDatabase;
let shop: TestShop;
beforeAll(async () => {
  t = await createTestDatabase();
  shop = await createTestShop(t.db);
  await insertFxRate(t.db, "EUR", "1.1");
});
afterAll(async () => {
  await t.destroy();
});

const headersOf = (entries: Record<string, string>) => new Headers(entries);

describe("security headers", () => {
  it("production: CSP without eval, frame-ancestors 'none', X-Frame-Options DENY, HSTS, nosniff", () => {
    const headers = Object.fromEntries(securityHeaders(true).map((h) => [h.key.toLowerCase(), h.value]));
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });

  it("development: no HSTS (plain http://localhost must work), eval allowed for the dev overlay", () => {
    expect(securityHeaders(false).map((h) => h.key)).not.toContain("Strict-Transport-Security");
    expect(contentSecurityPolicy(false)).toContain("'unsafe-eval'");
  });

  it("next.config.ts sends them on every path", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const all = rules.find((r) => r.source === "/:path*");
    expect(all?.headers.map((h) => h.key)).toEqual(expect.arrayContaining(["Content-Security-Policy", "X-Frame-Options"]));
  });
});

describe("CSRF on state-changing requests", () => {
  const post = (pathname: string, headers: Record<string, string>) => checkCsrf({ method: "POST", pathname, headers: headersOf({ host: "crm.example", ...headers }) });

  it("refuses a cross-site tRPC mutation, next-auth post or server action", () => {
    for (const path of ["/api/trpc/users.create", "/api/auth/callback/credentials", "/orders"]) {
      expect(post(path, { "sec-fetch-site": "cross-site", origin: "https://evil.example" }).ok, path).toBe(false);
      expect(post(path, { origin: "https://evil.example" }).ok, path).toBe(false);
      expect(post(path, { "sec-fetch-site": "same-site" }).ok, path).toBe(false);
      expect(post(path, { origin: "null" }).ok, path).toBe(false);
    }
    expect(checkCsrf({ method: "DELETE", pathname: "/api/trpc/x", headers: headersOf({ host: "crm.example", origin: "http://other" }) }).ok).toBe(false);
  });

  it("lets same-origin browsers, non-browser clients and reads through", () => {
    expect(post("/api/trpc/users.create", { "sec-fetch-site": "same-origin", origin: "https://crm.example" }).ok).toBe(true);
    expect(post("/api/trpc/users.create", {}).ok).toBe(true);
    expect(checkCsrf({ method: "GET", pathname: "/api/trpc/users.list", headers: headersOf({ host: "crm.example", "sec-fetch-site": "cross-site" }) }).ok).toBe(true);
  });

  it("behind a trusted proxy compares with the forwarded host", () => {
    const headers = headersOf({ host: "10.0.0.5:3000", "x-forwarded-host": "crm.example", origin: "https://crm.example" });
    expect(checkCsrf({ method: "POST", pathname: "/api/trpc/x", headers }, { trustProxy: true }).ok).toBe(true);
    expect(checkCsrf({ method: "POST", pathname: "/api/trpc/x", headers }, { trustProxy: false }).ok).toBe(false);
  });

  it("exempts the machine endpoints, which shops and processors call from anywhere with keys or signatures", () => {
    for (const path of ["/api/orders", "/api/callbacks/alpha", "/api/shippers/abc/tracking"]) {
      expect(post(path, { "sec-fetch-site": "cross-site", origin: "https://shop.example" }).ok, path).toBe(true);
    }
    expect(post("/api/ordersx", { origin: "https://evil.example" }).ok).toBe(false);
  });

  it("proxy.ts answers 403 before the route runs, and passes a same-origin mutation on", async () => {
    const refused = proxy(new NextRequest("http://crm.example/api/trpc/users.create", { method: "POST", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/cross-site/);
    const passed = proxy(new NextRequest("http://crm.example/api/trpc/users.create", { method: "POST", headers: { origin: "http://crm.example", "sec-fetch-site": "same-origin" } }));
    expect(passed.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("rate limits with Retry-After", () => {
  it("/api/orders per shop: over the budget → 429 with Retry-After", async () => {
    const deps = orderDeps(t.db, { rateLimiter: new RateLimiter(0.001, 2) });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 3; i++) {
      const r = await postOrder(deps, orderBody({ auth: shop.auth }));
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get("retry-after");
    }
    expect(statuses).toEqual([201, 201, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it("/api/orders per IP: checked before the credentials, so a flood of bad keys is cut off too; other addresses go on", async () => {
    const deps = orderDeps(t.db, { ipRateLimiter: new RateLimiter(0.001, 3) });
    const from = (ip: string) => ({ headers: { "x-forwarded-for": ip } });
    const bad = orderBody({ auth: { api_id: shop.auth.api_id, api_key: "wrong" } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postOrder(deps, bad, from("198.51.100.7"))).status);
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await postOrder(deps, orderBody({ auth: shop.auth }), from("198.51.100.7"));
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatch(/address/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await postOrder(deps, orderBody({ auth: shop.auth }), from("198.51.100.8"))).status).toBe(201);
  });

  it("login: a throttled answer from next-auth carries Retry-After (JSON and redirect forms)", async () => {
    expect(retryAfterOfLoginUrl("http://x/login?error=throttled_ip%3A840")).toBe(840);
    expect(retryAfterOfLoginUrl("http://x/login?error=throttled_account:61")).toBe(61);
    expect(retryAfterOfLoginUrl("http://x/login?error=invalid%3A")).toBeNull();
    const json = await withLoginRetryAfter(Response.json({ url: "http://x/api/auth/error?error=throttled_account%3A300" }, { status: 401 }));
    expect(json.headers.get("retry-after")).toBe("300");
    expect(json.status).toBe(401);
    const redirect = await withLoginRetryAfter(new Response(null, { status: 302, headers: { location: "/login?error=throttled_ip%3A12" } }));
    expect(redirect.headers.get("retry-after")).toBe("12");
    const ok = await withLoginRetryAfter(Response.json({ url: "http://x/dashboard" }));
    expect(ok.headers.get("retry-after")).toBeNull();
  });
});
