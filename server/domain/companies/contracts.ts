import { and, asc, desc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { contracts, priceTypes } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { conflict, isUniqueViolation, notFound } from "../errors";
import { createContractSchema, updateContractSchema } from "./company-schemas";
import { assertCompanyInScope, type CompanyActor } from "./company-scope";

const contractColumns = {
  id: contracts.id,
  companyId: contracts.companyId,
  number: contracts.number,
  title: contracts.title,
  priceTypeId: contracts.priceTypeId,
  priceTypeName: priceTypes.name,
  currency: contracts.currency,
  paymentTermsDays: contracts.paymentTermsDays,
  creditLimitMinor: contracts.creditLimitMinor,
  isDefault: contracts.isDefault,
  validFrom: contracts.validFrom,
  validTo: contracts.validTo,
  createdAt: contracts.createdAt,
};
export type ContractRow = Awaited<ReturnType<typeof contractsOfCompany>>[number];

/** A company's contracts, the default first. No scope check: callers check the company first. */
export function contractsOfCompany(db: Db, companyId: string) {
  return db
    .select(contractColumns)
    .from(contracts)
    .leftJoin(priceTypes, eq(priceTypes.id, contracts.priceTypeId))
    .where(eq(contracts.companyId, companyId))
    .orderBy(desc(contracts.isDefault), asc(contracts.number));
}

export async function listContracts(db: Db, actor: CompanyActor, companyId: string) {
  await assertCompanyInScope(db, actor, companyId);
  return contractsOfCompany(db, companyId);
}

const NUMBER_TAKEN = "This company already has a contract with this number";

/** One default contract per company: making one the default clears the others' flag. */
async function clearOtherDefaults(tx: Db, companyId: string, keepId: string) {
  await tx.update(contracts).set({ isDefault: false }).where(and(eq(contracts.companyId, companyId), ne(contracts.id, keepId)));
}

export async function createContract(db: Db, actor: CompanyActor, rawInput: z.input<typeof createContractSchema>) {
  const input = createContractSchema.parse(rawInput);
  await assertCompanyInScope(db, actor, input.companyId);
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: contracts.id }).from(contracts).where(eq(contracts.companyId, input.companyId)).limit(1);
      const [row] = await tx
        .insert(contracts)
        .values({
          companyId: input.companyId,
          number: input.number,
          title: input.title ?? null,
          priceTypeId: input.priceTypeId ?? null,
          currency: input.currency,
          paymentTermsDays: input.paymentTermsDays,
          creditLimitMinor: input.creditLimitMinor ?? null,
          // The first contract of a company is its default.
          isDefault: input.isDefault || !existing,
          validFrom: input.validFrom ?? null,
          validTo: input.validTo ?? null,
        })
        .returning();
      if (!row) throw notFound("Contract");
      if (row.isDefault) await clearOtherDefaults(tx, row.companyId, row.id);
      await recordAudit(tx, { actorId: actor.id, action: "contract.create", targetType: "contract", targetId: row.id, details: { companyId: row.companyId }, ip: actor.ip });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(NUMBER_TAKEN, "number");
    throw error;
  }
}

async function contractInScope(db: Db, actor: CompanyActor, id: string) {
  const [row] = await db.select({ id: contracts.id, companyId: contracts.companyId }).from(contracts).where(eq(contracts.id, id)).limit(1);
  if (!row) throw notFound("Contract");
  await assertCompanyInScope(db, actor, row.companyId).catch(() => {
    throw notFound("Contract");
  });
  return row;
}

export async function updateContract(db: Db, actor: CompanyActor, rawInput: z.input<typeof updateContractSchema>) {
  const input = updateContractSchema.parse(rawInput);
  const current = await contractInScope(db, actor, input.id);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(contracts)
        .set({
          number: input.number,
          title: input.title ?? null,
          priceTypeId: input.priceTypeId ?? null,
          currency: input.currency,
          paymentTermsDays: input.paymentTermsDays,
          creditLimitMinor: input.creditLimitMinor ?? null,
          isDefault: input.isDefault,
          validFrom: input.validFrom ?? null,
          validTo: input.validTo ?? null,
        })
        .where(eq(contracts.id, current.id))
        .returning();
      if (!row) throw notFound("Contract");
      if (row.isDefault) await clearOtherDefaults(tx, row.companyId, row.id);
      await recordAudit(tx, { actorId: actor.id, action: "contract.update", targetType: "contract", targetId: row.id, ip: actor.ip });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(NUMBER_TAKEN, "number");
    throw error;
  }
}

export async function deleteContract(db: Db, actor: CompanyActor, id: string) {
  const current = await contractInScope(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.delete(contracts).where(eq(contracts.id, current.id));
    await recordAudit(tx, { actorId: actor.id, action: "contract.delete", targetType: "contract", targetId: id, details: { companyId: current.companyId }, ip: actor.ip });
  });
}
