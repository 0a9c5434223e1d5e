import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";

const AUTH_SECRET = "a".repeat(40);
const APP_ENCRYPTION_KEY = Buffer.alloc(32, 3).toString("base64");
const DATABASE_URL = "postgres://crm:pw@db.internal:5432/crm";

const tempDirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "t3-env-"));
  tempDirs.push(dir);
  return path.join(dir, "data");
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function parseError(source: NodeJS.ProcessEnv): string {
  try {
    parseEnv(source);
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv with a real PostgreSQL (a deployment)", () => {
  it("stops a production start without AUTH_SECRET, naming it", () => {
    const message = parseError({ NODE_ENV: "production", DATABASE_URL, APP_ENCRYPTION_KEY });
    expect(message).toContain("AUTH_SECRET");
    expect(message).not.toContain("APP_ENCRYPTION_KEY");
  });

  it("names every missing secret", () => {
    const message = parseError({ NODE_ENV: "production", DATABASE_URL });
    expect(message).toContain("AUTH_SECRET");
    expect(message).toContain("APP_ENCRYPTION_KEY");
  });

  it("requires the secrets in development too, when a database URL is given", () => {
    expect(parseError({ NODE_ENV: "development", DATABASE_URL, AUTH_SECRET })).toContain("APP_ENCRYPTION_KEY");
  });

  it("uses the given secrets and does not seed demo users", () => {
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL, AUTH_SECRET, APP_ENCRYPTION_KEY });
    expect(env.embedded).toBe(false);
    expect(env.databaseUrl).toBe(DATABASE_URL);
    expect(env.authSecret).toBe(AUTH_SECRET);
    expect(env.encryptionKey.equals(Buffer.alloc(32, 3))).toBe(true);
    expect(env.seedDemo).toBe(false);
    expect(env.trustProxy).toBe(false);
    expect(env.nodeEnv).toBe("production");
  });

  it("reads boolean flags", () => {
    const on = parseEnv({ NODE_ENV: "production", DATABASE_URL, AUTH_SECRET, APP_ENCRYPTION_KEY, SEED_DEMO: "1", AUTH_TRUST_PROXY: "true" });
    expect(on.seedDemo).toBe(true);
    expect(on.trustProxy).toBe(true);
    expect(parseError({ NODE_ENV: "production", DATABASE_URL, AUTH_SECRET, APP_ENCRYPTION_KEY, SEED_DEMO: "yes" })).toContain("SEED_DEMO");
  });
});

describe("parseEnv validation", () => {
  it.each([
    ["too short", Buffer.alloc(16, 1).toString("base64")],
    ["too long", Buffer.alloc(48, 1).toString("base64")],
    ["not base64 at all", "this is not a key"],
  ])("names APP_ENCRYPTION_KEY when it is %s", (_why, key) => {
    const message = parseError({ NODE_ENV: "production", DATABASE_URL, AUTH_SECRET, APP_ENCRYPTION_KEY: key });
    expect(message).toContain("APP_ENCRYPTION_KEY");
    expect(message).toMatch(/32 bytes/);
  });

  it("names a too-short AUTH_SECRET", () => {
    expect(parseError({ NODE_ENV: "production", DATABASE_URL, AUTH_SECRET: "short", APP_ENCRYPTION_KEY })).toContain("AUTH_SECRET");
  });

  it("names a DATABASE_URL that is not a URL", () => {
    expect(parseError({ NODE_ENV: "production", DATABASE_URL: "localhost", AUTH_SECRET, APP_ENCRYPTION_KEY })).toContain("DATABASE_URL");
  });

  it("names an unknown NODE_ENV", () => {
    // Deliberately outside the NODE_ENV type, as a mistyped deployment would be.
    const source: Record<string, string> = { NODE_ENV: "staging" };
    expect(parseError(source as NodeJS.ProcessEnv)).toContain("NODE_ENV");
  });
});

describe("parseEnv with the embedded database", () => {
  it("in tests generates secrets without touching the disk and seeds the demo", () => {
    const dataDir = tempDataDir();
    const env = parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir });
    expect(env.embedded).toBe(true);
    expect(env.databaseUrl).toBeUndefined();
    expect(env.seedDemo).toBe(true);
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(env.encryptionKey).toHaveLength(32);
    expect(existsSync(dataDir)).toBe(false);
    // Fresh every time: nothing was kept.
    expect(parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir }).authSecret).not.toBe(env.authSecret);
  });

  it("SEED_DEMO=false switches the demo off", () => {
    expect(parseEnv({ NODE_ENV: "test", DATA_DIR: tempDataDir(), SEED_DEMO: "false" }).seedDemo).toBe(false);
  });

  it("keeps given secrets as they are", () => {
    const env = parseEnv({ NODE_ENV: "test", DATA_DIR: tempDataDir(), AUTH_SECRET, APP_ENCRYPTION_KEY });
    expect(env.authSecret).toBe(AUTH_SECRET);
    expect(env.encryptionKey.equals(Buffer.alloc(32, 3))).toBe(true);
  });

  it("outside tests generates secrets once and keeps them beside the data, readable by the owner only", () => {
    const dataDir = tempDataDir();
    const first = parseEnv({ NODE_ENV: "development", DATA_DIR: dataDir });
    const file = path.join(dataDir, "secrets.json");
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
    const stored = JSON.parse(readFileSync(file, "utf8")) as { authSecret: string; encryptionKey: string };
    expect(stored.authSecret).toBe(first.authSecret);
    expect(first.dataDir).toBe(path.resolve(dataDir));

    const second = parseEnv({ NODE_ENV: "development", DATA_DIR: dataDir });
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
    expect(second.seedDemo).toBe(true);
  });
});

describe("browser push keys (VAPID)", () => {
  it("are off for a deployment that configures none, and on with both keys", () => {
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL, AUTH_SECRET, APP_ENCRYPTION_KEY }).vapid).toBeNull();
    const publicKey = "B".padEnd(87, "x");
    const privateKey = "k".repeat(43);
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL, AUTH_SECRET, APP_ENCRYPTION_KEY, VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, MAIL_FROM: "Shop <crm@shop.example>" });
    expect(env.vapid).toEqual({ publicKey, privateKey, subject: "mailto:crm@shop.example" });
  });

  it("go together, and a malformed one is named", () => {
    expect(parseError({ NODE_ENV: "production", DATABASE_URL, AUTH_SECRET, APP_ENCRYPTION_KEY, VAPID_PUBLIC_KEY: "B".padEnd(87, "x") })).toContain("VAPID_PRIVATE_KEY");
    expect(parseError({ NODE_ENV: "production", DATABASE_URL, AUTH_SECRET, APP_ENCRYPTION_KEY, VAPID_PUBLIC_KEY: "short", VAPID_PRIVATE_KEY: "k".repeat(43) })).toContain("VAPID_PUBLIC_KEY");
    expect(parseError({ NODE_ENV: "production", DATABASE_URL, AUTH_SECRET, APP_ENCRYPTION_KEY, VAPID_SUBJECT: "admin@shop" })).toContain("VAPID_SUBJECT");
  });

  it("are generated once for the embedded demo, beside the other secrets, and added to a data folder from before push", () => {
    const dataDir = tempDataDir();
    const first = parseEnv({ NODE_ENV: "development", DATA_DIR: dataDir });
    expect(first.vapid?.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(Buffer.from(first.vapid!.publicKey, "base64url")).toHaveLength(65);
    expect(parseEnv({ NODE_ENV: "development", DATA_DIR: dataDir }).vapid).toEqual(first.vapid);

    const older = tempDataDir();
    mkdirSync(older, { recursive: true });
    writeFileSync(path.join(older, "secrets.json"), JSON.stringify({ authSecret: AUTH_SECRET, encryptionKey: APP_ENCRYPTION_KEY }));
    const upgraded = parseEnv({ NODE_ENV: "development", DATA_DIR: older });
    expect(upgraded.authSecret).toBe(AUTH_SECRET);
    expect(upgraded.vapid?.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.parse(readFileSync(path.join(older, "secrets.json"), "utf8"))).toMatchObject({ authSecret: AUTH_SECRET, vapidPublicKey: upgraded.vapid!.publicKey });
  });
});
