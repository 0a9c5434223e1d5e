import { createHmac } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { processors } from "../schema";
import { seal } from "../../server/domain/crypto/secret-box";

/**
 * The demo's sandbox processor pair: two merchant accounts at the in-process sandbox gateway, so
 * a demo card order is charged for real (approved, declined, or cascaded from A to B on a soft
 * decline). They take USD card orders only; other currencies keep going to nobody (the seeded
 * CardPay is "manual"), which keeps the e2e suite's GBP card orders Pending as before.
 */
export interface DemoSandboxAccount {
  code: string;
  name: string;
  apiKey: string;
  webhookSecret: string;
}

/** Derived from the install's secret, so the gateway and the sealed credentials agree across restarts. */
export function demoSandboxAccounts(authSecret: string): DemoSandboxAccount[] {
  const derive = (label: string) => createHmac("sha256", authSecret).update(`demo-sandbox-${label}`).digest("base64url").slice(0, 24);
  return [
    { code: "sandbox-a", name: "Sandbox Card A", apiKey: `sk_sandbox_a_${derive("a-key")}`, webhookSecret: `whsec_a_${derive("a-hook")}` },
    { code: "sandbox-b", name: "Sandbox Card B", apiKey: `sk_sandbox_b_${derive("b-key")}`, webhookSecret: `whsec_b_${derive("b-hook")}` },
  ];
}

/** Marks the rows whose gateway URL follows the in-process gateway (its port may change between starts). */
export const DEMO_GATEWAY_SETTING = "demoGateway";

/**
 * Adds the pair when missing (an admin's later edits, switch-offs and credentials are kept) and
 * points every demo-gateway processor at this start's gateway and callback URLs.
 */
export async function ensureDemoSandboxProcessors(
  db: Db,
  options: { authSecret: string; encryptionKey: Buffer; gatewayUrl: string; appBaseUrl: string },
): Promise<void> {
  const accounts = demoSandboxAccounts(options.authSecret);
  const settingsOf = (code: string) => ({ baseUrl: options.gatewayUrl, callbackUrl: `${options.appBaseUrl}/api/callbacks/${code}`, [DEMO_GATEWAY_SETTING]: "true" });
  await db
    .insert(processors)
    .values(
      accounts.map((account, i) => ({
        code: account.code,
        name: account.name,
        adapter: "sandbox",
        methods: ["credit_card"],
        currencies: ["USD"],
        priority: 5 + i,
        feeBasisPoints: i === 0 ? 290 : 350,
        feeFixedMinor: i === 0 ? 30 : 0,
        failureThreshold: 5,
        settings: settingsOf(account.code),
        credentialsSealed: seal(JSON.stringify({ apiKey: account.apiKey, webhookSecret: account.webhookSecret }), options.encryptionKey),
      })),
    )
    .onConflictDoNothing();
  const rows = await db
    .select({ id: processors.id, code: processors.code, settings: processors.settings })
    .from(processors)
    .where(sql`${processors.settings} ->> ${DEMO_GATEWAY_SETTING} = 'true'`);
  for (const row of rows) {
    await db.update(processors).set({ settings: { ...row.settings, ...settingsOf(row.code) } }).where(eq(processors.id, row.id));
  }
}
