import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { shippers } from "../../../db/schema";
import type { ShipperAdapter } from "../../integrations/shippers/adapter";
import type { MailTransport } from "../../integrations/mail/transport";
import { shipperAdapterFactory } from "../../integrations/shippers/registry";
import { open, seal } from "../crypto/secret-box";
import { conflict, DomainError, isUniqueViolation, notFound } from "../errors";
import { shipperInputSchema, shipperPatchSchema, type ShipperInput, type ShipperPatch } from "./shipper-schemas";

export type Shipper = typeof shippers.$inferSelect;

/** What staff screens see: everything but the secret. */
export function publicShipper(row: Shipper) {
  const { secretSealed, ...rest } = row;
  return { ...rest, hasSecret: secretSealed !== null };
}
export type PublicShipper = ReturnType<typeof publicShipper>;

export function newShipperSecret(): string {
  return `shsec_${randomBytes(24).toString("base64url")}`;
}

export async function listShippers(db: Db): Promise<PublicShipper[]> {
  const rows = await db.select().from(shippers).orderBy(asc(shippers.priority), asc(shippers.name));
  return rows.map(publicShipper);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** By id, or by code (the tracking push URL accepts either). */
export async function findShipper(db: Db, idOrCode: string): Promise<Shipper | null> {
  const [row] = await db
    .select()
    .from(shippers)
    .where(UUID.test(idOrCode) ? eq(shippers.id, idOrCode) : eq(shippers.code, idOrCode))
    .limit(1);
  return row ?? null;
}

/** Creates a shipper with a fresh secret; the secret is in the answer once and stored sealed. */
export async function createShipper(db: Db, input: ShipperInput, encryptionKey: Buffer): Promise<{ shipper: PublicShipper; secret: string }> {
  const data = shipperInputSchema.parse(input);
  const secret = newShipperSecret();
  try {
    const [row] = await db.insert(shippers).values({ ...data, secretSealed: seal(secret, encryptionKey) }).returning();
    if (!row) throw new Error("shipper not stored");
    return { shipper: publicShipper(row), secret };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A shipper with code ${data.code} already exists`, "code");
    throw error;
  }
}

export async function updateShipper(db: Db, patch: ShipperPatch, now = new Date()): Promise<PublicShipper> {
  const { id, ...rest } = shipperPatchSchema.parse(patch);
  try {
    const [row] = await db.update(shippers).set({ ...rest, updatedAt: now }).where(eq(shippers.id, id)).returning();
    if (!row) throw notFound("Shipper");
    return publicShipper(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A shipper with code ${rest.code ?? ""} already exists`, "code");
    throw error;
  }
}

/** A new secret replaces the old one at once; shown once. */
export async function rotateShipperSecret(db: Db, id: string, encryptionKey: Buffer, now = new Date()): Promise<{ secret: string }> {
  const secret = newShipperSecret();
  const [row] = await db.update(shippers).set({ secretSealed: seal(secret, encryptionKey), updatedAt: now }).where(eq(shippers.id, id)).returning({ id: shippers.id });
  if (!row) throw notFound("Shipper");
  return { secret };
}

export function shipperSecret(row: Pick<Shipper, "secretSealed">, keys: Buffer[]): string | null {
  return row.secretSealed ? open(row.secretSealed, keys) : null;
}

export interface ShipperAdapterDeps {
  encryptionKey: Buffer;
  mail?: MailTransport;
  mailFrom?: string;
  timeoutMs?: number;
}

export function shipperAdapterFor(row: Shipper, deps: ShipperAdapterDeps): ShipperAdapter {
  const factory = shipperAdapterFactory(row.adapter);
  if (!factory) throw new DomainError("PRECONDITION_FAILED", `Shipper ${row.name} uses an unknown adapter "${row.adapter}"`);
  return factory({ settings: row.settings, secret: shipperSecret(row, [deps.encryptionKey]), mail: deps.mail, mailFrom: deps.mailFrom, timeoutMs: deps.timeoutMs });
}
