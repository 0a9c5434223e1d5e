import { asc, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { priceTypes, regions, warehouses } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { regionSchema, updateRegionSchema, updateWarehouseSchema, warehouseSchema } from "../companies/company-schemas";
import type { CompanyActor } from "../companies/company-scope";
import { conflict, isUniqueViolation, notFound } from "../errors";

/** Sales regions with their price type and how many warehouses and companies each has. */
export function listRegions(db: Db) {
  return db
    .select({
      id: regions.id,
      code: regions.code,
      name: regions.name,
      priceTypeId: regions.priceTypeId,
      priceTypeName: priceTypes.name,
      isDefault: regions.isDefault,
      warehousesCount: sql<number>`(select count(*)::int from warehouses w where w.region_id = ${regions.id})`.mapWith(Number),
      companiesCount: sql<number>`(select count(*)::int from companies c where c.region_id = ${regions.id})`.mapWith(Number),
    })
    .from(regions)
    .leftJoin(priceTypes, eq(priceTypes.id, regions.priceTypeId))
    .orderBy(asc(regions.name));
}

const CODE_TAKEN = "Another record already has this code";

async function saveRegion(db: Db, actor: CompanyActor, input: z.output<typeof regionSchema> & { id?: string }) {
  try {
    return await db.transaction(async (tx) => {
      const values = { code: input.code, name: input.name, priceTypeId: input.priceTypeId ?? null, isDefault: input.isDefault };
      const [row] = input.id
        ? await tx.update(regions).set(values).where(eq(regions.id, input.id)).returning()
        : await tx.insert(regions).values(values).returning();
      if (!row) throw notFound("Region");
      // One default region: the one a company without a region belongs to.
      if (row.isDefault) await tx.update(regions).set({ isDefault: false }).where(ne(regions.id, row.id));
      await recordAudit(tx, { actorId: actor.id, action: input.id ? "region.update" : "region.create", targetType: "region", targetId: row.id, ip: actor.ip });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(CODE_TAKEN, "code");
    throw error;
  }
}

export const createRegion = (db: Db, actor: CompanyActor, raw: z.input<typeof regionSchema>) => saveRegion(db, actor, regionSchema.parse(raw));
export const updateRegion = (db: Db, actor: CompanyActor, raw: z.input<typeof updateRegionSchema>) => saveRegion(db, actor, updateRegionSchema.parse(raw));

export async function deleteRegion(db: Db, actor: CompanyActor, id: string) {
  const [row] = await db.delete(regions).where(eq(regions.id, id)).returning({ id: regions.id });
  if (!row) throw notFound("Region");
  await recordAudit(db, { actorId: actor.id, action: "region.delete", targetType: "region", targetId: id, ip: actor.ip });
}

export function listWarehouses(db: Db) {
  return db
    .select({
      id: warehouses.id,
      code: warehouses.code,
      name: warehouses.name,
      regionId: warehouses.regionId,
      regionName: regions.name,
      address: warehouses.address,
      isActive: warehouses.isActive,
    })
    .from(warehouses)
    .leftJoin(regions, eq(regions.id, warehouses.regionId))
    .orderBy(asc(warehouses.name));
}

async function saveWarehouse(db: Db, actor: CompanyActor, input: z.output<typeof warehouseSchema> & { id?: string }) {
  const values = { code: input.code, name: input.name, regionId: input.regionId ?? null, address: input.address ?? null, isActive: input.isActive };
  try {
    const [row] = input.id
      ? await db.update(warehouses).set(values).where(eq(warehouses.id, input.id)).returning()
      : await db.insert(warehouses).values(values).returning();
    if (!row) throw notFound("Warehouse");
    await recordAudit(db, { actorId: actor.id, action: input.id ? "warehouse.update" : "warehouse.create", targetType: "warehouse", targetId: row.id, ip: actor.ip });
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(CODE_TAKEN, "code");
    throw error;
  }
}

export const createWarehouse = (db: Db, actor: CompanyActor, raw: z.input<typeof warehouseSchema>) => saveWarehouse(db, actor, warehouseSchema.parse(raw));
export const updateWarehouse = (db: Db, actor: CompanyActor, raw: z.input<typeof updateWarehouseSchema>) => saveWarehouse(db, actor, updateWarehouseSchema.parse(raw));

/** Price types for the region form's select. */
export function priceTypeOptions(db: Db) {
  return db.select({ id: priceTypes.id, code: priceTypes.code, name: priceTypes.name }).from(priceTypes).orderBy(asc(priceTypes.rank));
}

/** What a buyer may pick a region by (price lists, stock): names only, default first. */
export function regionChoices(db: Db) {
  return db.select({ id: regions.id, name: regions.name, isDefault: regions.isDefault }).from(regions).orderBy(sql`${regions.isDefault} desc`, asc(regions.name));
}
