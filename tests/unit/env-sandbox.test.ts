import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";

const dataDir = () => path.join(mkdtempSync(path.join(tmpdir(), "t3-env-sandbox-")), "data");
const DEPLOYMENT = { NODE_ENV: "production", DATABASE_URL: "postgres://crm@db:5432/crm", AUTH_SECRET: "x".repeat(32), APP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") } as const;

describe("the demo sandbox gateway settings", () => {
  it("is on for the embedded demo, on port 4010, calling back to NEXTAUTH_URL or the local port", () => {
    const env = parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir() });
    expect(env).toMatchObject({ sandboxGateway: true, sandboxGatewayPort: 4010, appBaseUrl: "http://127.0.0.1:3000" });
    expect(parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir(), NEXTAUTH_URL: "http://127.0.0.1:3202/" }).appBaseUrl).toBe("http://127.0.0.1:3202");
    expect(parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir(), PORT: "4000" }).appBaseUrl).toBe("http://127.0.0.1:4000");
    expect(parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir(), APP_BASE_URL: "https://crm.example", NEXTAUTH_URL: "http://x" }).appBaseUrl).toBe("https://crm.example");
  });

  it("is off without the demo data and with PostgreSQL, unless asked for", () => {
    expect(parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir(), SEED_DEMO: "false" }).sandboxGateway).toBe(false);
    expect(parseEnv({ ...DEPLOYMENT, SEED_DEMO: "true" }).sandboxGateway).toBe(false);
    expect(parseEnv({ ...DEPLOYMENT, SANDBOX_GATEWAY: "1" }).sandboxGateway).toBe(true);
    expect(parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir(), SANDBOX_GATEWAY: "false" }).sandboxGateway).toBe(false);
  });

  it("takes port 0 (any free port) and refuses a bad port or base URL by name", () => {
    expect(parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir(), SANDBOX_GATEWAY_PORT: "0" }).sandboxGatewayPort).toBe(0);
    expect(() => parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir(), SANDBOX_GATEWAY_PORT: "70000" })).toThrow(/SANDBOX_GATEWAY_PORT/);
    expect(() => parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir(), APP_BASE_URL: "nope" })).toThrow(/APP_BASE_URL/);
  });
});
