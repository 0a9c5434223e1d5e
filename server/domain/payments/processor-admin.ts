import { randomBytes } from "node:crypto";
import { and, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { ledgerEntries, processors } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { seal } from "../crypto/secret-box";
import { DomainError, notFound } from "../errors";
import type { Actor } from "../users/manage-users";
import {
  createProcessor, listProcessors, processorCredentials, processorInputSchema, processorPatchSchema, publicProcessor, updateProcessor, type ProcessorPatch, type PublicProcessor,
} from "./processors";
import type { ProcessorVolume } from "./routing";

/**
 * What the admin's processors page needs beyond the plain CRUD in processors.ts: the current
 * approved volume beside the caps, and a webhook secret made by the CRM, shown once after
 * creation or rotation and never read back (only `hasCredentials` comes out).
 */
export interface ProcessorOverviewRow extends PublicProcessor {
  volume: ProcessorVolume;
}

/** A new random webhook secret, in the shape gateways use (`whsec_…`). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

/** Every processor with its approved volume today and this month (UTC), from one ledger query. */
export async function processorOverview(db: Db, now = new Date()): Promise<ProcessorOverviewRow[]> {
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [rows, volumes] = await Promise.all([
    listProcessors(db),
    db
      .select({
        processorId: ledgerEntries.processorId,
        day: sql<string | null>`sum(${ledgerEntries.usdMinor}) filter (where ${ledgerEntries.createdAt} >= ${dayStart.toISOString()}::timestamptz)`,
        month: sql<string | null>`sum(${ledgerEntries.usdMinor})`,
      })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.kind, "sale"), gte(ledgerEntries.createdAt, monthStart)))
      .groupBy(ledgerEntries.processorId),
  ]);
  const byId = new Map(volumes.map((v) => [v.processorId, { dayUsdMinor: Number(v.day ?? 0), monthUsdMinor: Number(v.month ?? 0) }]));
  return rows.map((row) => ({ ...row, volume: byId.get(row.id) ?? { dayUsdMinor: 0, monthUsdMinor: 0 } }));
}

export const createProcessorAdminSchema = processorInputSchema.extend({
  /** Let the CRM make the webhook secret (returned once) instead of typing one in. */
  generateWebhookSecret: z.boolean().default(false),
});
export type CreateProcessorAdminInput = z.input<typeof createProcessorAdminSchema>;

export interface ProcessorWithSecret {
  processor: PublicProcessor;
  /** Present only when the CRM made a new one: show it once, it cannot be read back. */
  webhookSecret: string | null;
}

/** The admin's create: the audit entry names the fields, never a credential's value. */
export async function createProcessorWithSecret(db: Db, actor: Actor, input: CreateProcessorAdminInput, encryptionKey: Buffer): Promise<ProcessorWithSecret> {
  const { generateWebhookSecret, ...data } = createProcessorAdminSchema.parse(input);
  const webhookSecret = generateWebhookSecret ? newWebhookSecret() : null;
  const credentials = webhookSecret ? { ...data.credentials, webhookSecret } : data.credentials;
  const processor = await createProcessor(db, { ...data, credentials }, encryptionKey);
  await recordAudit(db, {
    actorId: actor.id, action: "processor.create", targetType: "processor", targetId: processor.id, ip: actor.ip,
    details: { code: processor.code, adapter: processor.adapter, credentialKeys: Object.keys(credentials ?? {}) },
  });
  return { processor, webhookSecret };
}

/**
 * The admin's edit (enabling again clears an automatic switch-off). Credentials sent are merged
 * over the stored ones unseen (typing a new API key keeps the webhook secret); empty values are ignored.
 */
export async function updateProcessorAsAdmin(db: Db, actor: Actor, patch: ProcessorPatch, encryptionKey: Buffer): Promise<PublicProcessor> {
  const { id, credentials, ...fields } = processorPatchSchema.parse(patch);
  const typed = Object.fromEntries(Object.entries(credentials ?? {}).filter(([, value]) => value.trim() !== ""));
  let merged: Record<string, string> | undefined;
  if (Object.keys(typed).length > 0) {
    const [row] = await db.select({ credentialsSealed: processors.credentialsSealed }).from(processors).where(eq(processors.id, id)).limit(1);
    if (!row) throw notFound("Processor");
    merged = { ...processorCredentials(row, [encryptionKey]), ...typed };
  }
  const processor = await updateProcessor(db, { id, ...fields, ...(merged ? { credentials: merged } : {}) }, encryptionKey);
  await recordAudit(db, {
    actorId: actor.id, action: "processor.update", targetType: "processor", targetId: processor.id, ip: actor.ip,
    details: { fields: Object.keys(fields), credentialKeys: Object.keys(typed) },
  });
  return processor;
}

/**
 * Replaces the webhook secret and keeps the other credentials (API keys). Callbacks signed with
 * the old secret are refused from now on, so the admin pastes the new one at the processor.
 */
export async function rotateWebhookSecret(db: Db, actor: Actor, id: string, keys: Buffer[], now = new Date()): Promise<ProcessorWithSecret> {
  const [row] = await db.select().from(processors).where(eq(processors.id, id)).limit(1);
  if (!row) throw notFound("Processor");
  if (row.adapter === "manual") throw new DomainError("PRECONDITION_FAILED", `${row.name} has no API (adapter manual), so it sends no callbacks`);
  const webhookSecret = newWebhookSecret();
  const credentials = { ...processorCredentials(row, keys), webhookSecret };
  const [updated] = await db
    .update(processors)
    .set({ credentialsSealed: seal(JSON.stringify(credentials), keys[0]!), updatedAt: now })
    .where(eq(processors.id, id))
    .returning();
  if (!updated) throw notFound("Processor");
  await recordAudit(db, { actorId: actor.id, action: "processor.rotate_webhook_secret", targetType: "processor", targetId: id, ip: actor.ip });
  return { processor: publicProcessor(updated), webhookSecret };
}
