import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { processors } from "../../../db/schema";
import type { ProcessorAdapter } from "../../integrations/payments/adapter";
import { adapterFactory, PROCESSOR_ADAPTERS } from "../../integrations/payments/registry";
import { open, seal } from "../crypto/secret-box";
import { conflict, DomainError, isUniqueViolation, notFound } from "../errors";
import { PAYMENT_METHODS } from "../orders/order-statuses";

export type Processor = typeof processors.$inferSelect;

const usdLimit = z.number().int().min(0).max(1e12).nullable();

/** The fields without defaults, so a patch leaves out what it does not change. */
const processorFields = z.object({
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/, "Code: 2–40 lower-case letters, digits, - or _"),
  name: z.string().trim().min(1, "Name is required").max(100),
  adapter: z.enum(PROCESSOR_ADAPTERS),
  methods: z.array(z.enum(PAYMENT_METHODS)).min(1, "Choose at least one payment method"),
  currencies: z.array(z.string().regex(/^[A-Z]{3}$/, "Currencies are ISO codes like EUR")),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/, "Countries are ISO codes like DE")),
  minAmountUsdMinor: usdLimit,
  maxAmountUsdMinor: usdLimit,
  dailyCapUsdMinor: usdLimit,
  monthlyCapUsdMinor: usdLimit,
  priority: z.number().int().min(0).max(10_000),
  feeBasisPoints: z.number().int().min(0).max(10_000),
  feeFixedMinor: z.number().int().min(0).max(1_000_000),
  isEnabled: z.boolean(),
  failureThreshold: z.number().int().min(1).max(1000),
  settings: z.record(z.string(), z.string().max(2000)),
  /** Written sealed; never read back. Omit on update to keep the stored ones. */
  credentials: z.record(z.string(), z.string().max(2000)),
});

export const processorInputSchema = processorFields.extend({
  currencies: processorFields.shape.currencies.default([]),
  countries: processorFields.shape.countries.default([]),
  minAmountUsdMinor: usdLimit.optional(),
  maxAmountUsdMinor: usdLimit.optional(),
  dailyCapUsdMinor: usdLimit.optional(),
  monthlyCapUsdMinor: usdLimit.optional(),
  priority: processorFields.shape.priority.default(100),
  feeBasisPoints: processorFields.shape.feeBasisPoints.default(0),
  feeFixedMinor: processorFields.shape.feeFixedMinor.default(0),
  isEnabled: processorFields.shape.isEnabled.default(true),
  failureThreshold: processorFields.shape.failureThreshold.default(5),
  settings: processorFields.shape.settings.default({}),
  credentials: processorFields.shape.credentials.optional(),
});
export type ProcessorInput = z.input<typeof processorInputSchema>;

export const processorPatchSchema = processorFields.partial().extend({ id: z.uuid("Not a processor id") });
export type ProcessorPatch = z.input<typeof processorPatchSchema>;

/** What staff screens see: everything but the credentials. */
export function publicProcessor(row: Processor) {
  const { credentialsSealed, ...rest } = row;
  return { ...rest, hasCredentials: credentialsSealed !== null };
}
export type PublicProcessor = ReturnType<typeof publicProcessor>;

export async function listProcessors(db: Db): Promise<PublicProcessor[]> {
  const rows = await db.select().from(processors).orderBy(asc(processors.priority), asc(processors.name));
  return rows.map(publicProcessor);
}

export async function getProcessorByCode(db: Db, code: string): Promise<Processor | null> {
  const [row] = await db.select().from(processors).where(eq(processors.code, code)).limit(1);
  return row ?? null;
}

export async function createProcessor(db: Db, input: ProcessorInput, encryptionKey: Buffer): Promise<PublicProcessor> {
  const data = processorInputSchema.parse(input);
  const { credentials, ...rest } = data;
  try {
    const [row] = await db
      .insert(processors)
      .values({ ...rest, credentialsSealed: credentials ? seal(JSON.stringify(credentials), encryptionKey) : null })
      .returning();
    if (!row) throw new Error("processor not stored");
    return publicProcessor(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A processor with code ${data.code} already exists`, "code");
    throw error;
  }
}

/** Changes a processor; enabling it again clears an automatic switch-off and its failure count. */
export async function updateProcessor(db: Db, patch: ProcessorPatch, encryptionKey: Buffer, now = new Date()): Promise<PublicProcessor> {
  const { id, credentials, ...rest } = processorPatchSchema.parse(patch);
  const values: Partial<typeof processors.$inferInsert> = { ...rest, updatedAt: now };
  if (credentials) values.credentialsSealed = seal(JSON.stringify(credentials), encryptionKey);
  if (rest.isEnabled === true) Object.assign(values, { autoDisabledAt: null, autoDisabledReason: null, consecutiveFailures: 0 });
  try {
    const [row] = await db.update(processors).set(values).where(eq(processors.id, id)).returning();
    if (!row) throw notFound("Processor");
    return publicProcessor(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A processor with code ${rest.code ?? ""} already exists`, "code");
    throw error;
  }
}

export function processorCredentials(row: Pick<Processor, "credentialsSealed">, keys: Buffer[]): Record<string, string> {
  if (!row.credentialsSealed) return {};
  return JSON.parse(open(row.credentialsSealed, keys)) as Record<string, string>;
}

/** The processor's adapter with its credentials opened for this use only. */
export function adapterFor(row: Processor, keys: Buffer[]): ProcessorAdapter {
  const factory = adapterFactory(row.adapter);
  if (!factory) throw new DomainError("PRECONDITION_FAILED", `Processor ${row.name} uses an unknown adapter "${row.adapter}"`);
  return factory({ settings: row.settings, credentials: processorCredentials(row, keys) });
}
