import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./server/http/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and WASM packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "pdfkit"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
  // Type checking is its own CI step (npm run typecheck); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // CSP, frame-ancestors/X-Frame-Options, HSTS in production (server/http/security-headers.ts).
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default withNextIntl(nextConfig);
