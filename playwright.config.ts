import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
/** The demo shop's key in the e2e server, so specs can submit orders through the real API. */
export const E2E_SHOP_KEY = "sk_demo_e2e_0123456789abcdef";

/**
 * Runs against the production build (`next build` first: npm run test:e2e does it) on a fresh
 * embedded database seeded with the demo logins. Debian's chromium, since browsers cannot be
 * downloaded here.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 2 : 0, // specs are retry-safe: per-run names, relative counts
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `rm -rf .data/e2e && next start -p ${PORT} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { DATA_DIR: ".data/e2e", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: baseURL, DEMO_SHOP_API_ID: "shop_demo01", DEMO_SHOP_API_KEY: E2E_SHOP_KEY },
  },
});
