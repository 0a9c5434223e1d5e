import { expect, test } from "@playwright/test";

/** The production server's security headers and its CSRF check in proxy.ts (issue 13). */
test("pages carry CSP with frame-ancestors, X-Frame-Options, nosniff and HSTS", async ({ request }) => {
  const response = await request.get("/login");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"]).toContain("max-age=");
});

test("a cross-site tRPC mutation is refused before it runs; the same call from the app's origin reaches tRPC", async ({ request, baseURL }) => {
  const body = { json: { locale: "en" } };
  const crossSite = await request.post("/api/trpc/account.setLocale", { data: body, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toMatchObject({ error: expect.stringContaining("cross-site") });
  const sameOrigin = await request.post("/api/trpc/account.setLocale", { data: body, headers: { origin: baseURL!, "sec-fetch-site": "same-origin" } });
  expect(sameOrigin.status()).toBe(401); // tRPC's own answer: not signed in
});

test("the shop API is exempt: a shop's server posts from anywhere and gets the API's own answer", async ({ request }) => {
  const response = await request.post("/api/orders", { data: {}, headers: { origin: "https://shop.example", "sec-fetch-site": "cross-site" } });
  expect(response.status()).toBe(401);
});
