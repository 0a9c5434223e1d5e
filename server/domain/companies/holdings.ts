import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { holdings, priceTypes } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { notFound } from "../errors";
import { holdingSchema, updateHoldingSchema } from "./company-schemas";
import { assertMayAssign, type CompanyActor } from "./company-scope";

/** Holdings with how many companies each groups; every staff user with the companies area sees them (names only). */
export async function listHoldings(db: Db) {
  return db
    .select({
      id: holdings.id,
      name: holdings.name,
      priceTypeId: holdings.priceTypeId,
      priceTypeName: priceTypes.name,
      companiesCount: sql<number>`(select count(*)::int from companies c where c.holding_id = ${holdings.id})`.mapWith(Number),
    })
    .from(holdings)
    .leftJoin(priceTypes, eq(priceTypes.id, holdings.priceTypeId))
    .orderBy(asc(holdings.name));
}

export async function createHolding(db: Db, actor: CompanyActor, rawInput: z.input<typeof holdingSchema>) {
  assertMayAssign(actor);
  const input = holdingSchema.parse(rawInput);
  const [row] = await db.insert(holdings).values({ name: input.name, priceTypeId: input.priceTypeId ?? null }).returning();
  if (!row) throw notFound("Holding");
  await recordAudit(db, { actorId: actor.id, action: "holding.create", targetType: "holding", targetId: row.id, ip: actor.ip });
  return row;
}

export async function updateHolding(db: Db, actor: CompanyActor, rawInput: z.input<typeof updateHoldingSchema>) {
  assertMayAssign(actor);
  const input = updateHoldingSchema.parse(rawInput);
  const [row] = await db.update(holdings).set({ name: input.name, priceTypeId: input.priceTypeId ?? null }).where(eq(holdings.id, input.id)).returning();
  if (!row) throw notFound("Holding");
  await recordAudit(db, { actorId: actor.id, action: "holding.update", targetType: "holding", targetId: row.id, ip: actor.ip });
  return row;
}

/** Deleting a holding leaves its companies standalone (each its own counterparty again). */
export async function deleteHolding(db: Db, actor: CompanyActor, id: string) {
  assertMayAssign(actor);
  const [row] = await db.delete(holdings).where(eq(holdings.id, id)).returning({ id: holdings.id });
  if (!row) throw notFound("Holding");
  await recordAudit(db, { actorId: actor.id, action: "holding.delete", targetType: "holding", targetId: id, ip: actor.ip });
}
