import { createECDH, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgres:// URL").optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  APP_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "APP_ENCRYPTION_KEY must be 32 bytes, base64-encoded")
    .optional(),
  SEED_DEMO: booleanFlag,
  AUTH_TRUST_PROXY: booleanFlag,
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("T3 CRM <no-reply@t3crm.local>"),
  WORKER_IN_PROCESS: booleanFlag,
  SANDBOX_GATEWAY: booleanFlag,
  SANDBOX_GATEWAY_PORT: z.coerce.number().int("SANDBOX_GATEWAY_PORT must be a port number").min(0).max(65535).default(4010),
  APP_BASE_URL: z.string().url("APP_BASE_URL must be a URL like http://localhost:3000").optional(),
  NEXTAUTH_URL: z.string().optional(),
  PORT: z.string().optional(),
  SMS_PROVIDER: z.enum(["stub", "smsru"]).default("stub"),
  SMS_RU_API_ID: z.string().min(1).optional(),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int("OUTBOX_LEASE_SECONDS must be whole seconds").min(5).max(3600).default(60),
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{86,88}$/, "VAPID_PUBLIC_KEY must be a base64url P-256 public key (web-push generate-vapid-keys)").optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{42,44}$/, "VAPID_PRIVATE_KEY must be a base64url P-256 private key (web-push generate-vapid-keys)").optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, "VAPID_SUBJECT must be a mailto: or https:// contact").optional(),
});

export interface AppEnv {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string;
  encryptionKey: Buffer;
  seedDemo: boolean;
  trustProxy: boolean;
  embedded: boolean;
  smtpUrl: string | undefined;
  resendApiKey: string | undefined;
  mailFrom: string;
  workerInProcess: boolean;
  /** Start the bundled sandbox payment gateway in this process (demo mode) and route demo card orders to it. */
  sandboxGateway: boolean;
  /** Its loopback port; 0 picks a free one. */
  sandboxGatewayPort: number;
  /** Where processors call back (`<appBaseUrl>/api/callbacks/<code>`). */
  appBaseUrl: string;
  /** How long a worker's claim on an outbox job holds; a job of a crashed worker waits this long. Keep it well above the longest job. */
  outboxLeaseMs: number;
  /** Who delivers SMS: the local stub (records only, the default) or SMS.ru with SMS_RU_API_ID. */
  smsProvider: "stub" | "smsru";
  smsRuApiId: string | undefined;
  /** Browser push (VAPID): null when a PostgreSQL deployment configures no keys, and push is then off. */
  vapid: VapidKeys | null;
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** Who push services contact about this sender. */
  subject: string;
}

interface LocalSecrets {
  authSecret: string;
  encryptionKey: string;
  vapidPublicKey?: string;
  vapidPrivateKey?: string;
}

/** A P-256 key pair in the form Web Push wants (base64url: the raw public point, the private scalar). */
function generateVapidPair(): { publicKey: string; privateKey: string } {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { publicKey: ecdh.getPublicKey("base64url"), privateKey: ecdh.getPrivateKey("base64url") };
}

/**
 * With the embedded database the app is a demo or a developer's copy: missing secrets are
 * generated once and kept beside the data, so the first start needs no configuration. With a
 * real PostgreSQL it is a deployment, and a missing secret stops the start with its name.
 */
function localSecrets(dataDir: string, persist: boolean): Required<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  const stored = persist && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as LocalSecrets) : null;
  // A data folder from before browser push has no VAPID pair: it gains one and keeps its other secrets.
  if (stored?.vapidPublicKey && stored.vapidPrivateKey) return stored as Required<LocalSecrets>;
  const vapid = generateVapidPair();
  const secrets: Required<LocalSecrets> = {
    authSecret: stored?.authSecret ?? randomBytes(32).toString("base64url"),
    encryptionKey: stored?.encryptionKey ?? randomBytes(32).toString("base64"),
    vapidPublicKey: vapid.publicKey,
    vapidPrivateKey: vapid.privateKey,
  };
  if (persist) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

/** "T3 CRM <no-reply@x>" → "no-reply@x". */
function mailAddressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

export function parseEnv(source: NodeJS.ProcessEnv): AppEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const env = parsed.data;
  const embedded = !env.DATABASE_URL;
  const dataDir = path.resolve(env.DATA_DIR);
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
    throw new Error("Invalid environment: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together (set both or neither)");
  }
  const givenVapid = env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY } : null;
  // Only the embedded demo (and tests) generate what is missing; the secrets file is read or written once.
  const mayGenerate = embedded || env.NODE_ENV === "test";
  const local = mayGenerate && (!env.AUTH_SECRET || !env.APP_ENCRYPTION_KEY || !givenVapid) ? localSecrets(dataDir, env.NODE_ENV !== "test") : null;
  const authSecret = env.AUTH_SECRET ?? local?.authSecret;
  const encryptionKey = env.APP_ENCRYPTION_KEY ?? local?.encryptionKey;
  if (!authSecret || !encryptionKey) {
    const missing = [!authSecret && "AUTH_SECRET", !encryptionKey && "APP_ENCRYPTION_KEY"].filter(Boolean);
    throw new Error(`Missing required environment variable(s) for a PostgreSQL deployment: ${missing.join(", ")}`);
  }
  const vapidPair = givenVapid ?? (local ? { publicKey: local.vapidPublicKey, privateKey: local.vapidPrivateKey } : null);
  return {
    nodeEnv: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    authSecret,
    encryptionKey: Buffer.from(encryptionKey, "base64"),
    seedDemo: env.SEED_DEMO ?? embedded,
    trustProxy: env.AUTH_TRUST_PROXY ?? false,
    embedded,
    smtpUrl: env.SMTP_URL,
    resendApiKey: env.RESEND_API_KEY,
    mailFrom: env.MAIL_FROM,
    // PGlite is single-process, so its worker must live in the app; with PostgreSQL it may run apart.
    workerInProcess: embedded ? true : (env.WORKER_IN_PROCESS ?? true),
    // In-memory gateway state cannot be shared by several app instances: on by default only for the embedded demo.
    sandboxGateway: env.SANDBOX_GATEWAY ?? (embedded && (env.SEED_DEMO ?? embedded)),
    sandboxGatewayPort: env.SANDBOX_GATEWAY_PORT,
    outboxLeaseMs: env.OUTBOX_LEASE_SECONDS * 1000,
    smsProvider: env.SMS_PROVIDER,
    smsRuApiId: env.SMS_RU_API_ID,
    vapid: vapidPair ? { ...vapidPair, subject: env.VAPID_SUBJECT ?? `mailto:${mailAddressOf(env.MAIL_FROM)}` } : null,
    appBaseUrl: (env.APP_BASE_URL ?? (env.NEXTAUTH_URL?.startsWith("http") ? env.NEXTAUTH_URL : `http://127.0.0.1:${env.PORT ?? "3000"}`)).replace(/\/+$/, ""),
  };
}

const globalForEnv = globalThis as unknown as { __t3Env?: AppEnv };

/** Parsed on first use, not at import, so `next build` never needs runtime secrets. */
export function getEnv(): AppEnv {
  globalForEnv.__t3Env ??= parseEnv(process.env);
  return globalForEnv.__t3Env;
}
