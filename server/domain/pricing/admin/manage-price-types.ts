import { asc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { priceTypes } from "@/db/schema";
import { recordAudit } from "../../audit/record-audit";
import { conflict, isUniqueViolation, notFound } from "../../errors";
import type { PriceTypeInput } from "./pricing-schemas";

export interface PricingActor {
  id: string;
  ip?: string;
}

export async function listPriceTypes(db: Db) {
  return db.select().from(priceTypes).orderBy(asc(priceTypes.rank), asc(priceTypes.name));
}

/** Saving a type as the default takes the flag from the others: exactly one default at a time. */
async function savePriceType(db: Db, actor: PricingActor, input: PriceTypeInput, id: string | null) {
  try {
    const saved = await db.transaction(async (tx) => {
      if (input.isDefault) await tx.update(priceTypes).set({ isDefault: false }).where(id ? ne(priceTypes.id, id) : undefined);
      const values = { ...input, erpId: input.erpId || null, isActive: input.isDefault ? true : input.isActive };
      const [row] = id ? await tx.update(priceTypes).set(values).where(eq(priceTypes.id, id)).returning() : await tx.insert(priceTypes).values(values).returning();
      if (!row) throw notFound("Price type");
      return row;
    });
    await recordAudit(db, { actorId: actor.id, action: id ? "pricing.priceType.update" : "pricing.priceType.create", targetType: "price_type", targetId: saved.id, details: { ...input }, ip: actor.ip });
    return saved;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("A price type with this code or ERP id exists", "code");
    throw error;
  }
}

export const createPriceType = (db: Db, actor: PricingActor, input: PriceTypeInput) => savePriceType(db, actor, input, null);
export const updatePriceType = (db: Db, actor: PricingActor, input: PriceTypeInput & { id: string }) => {
  const { id, ...rest } = input;
  return savePriceType(db, actor, rest, id);
};
