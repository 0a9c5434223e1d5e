import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companies, contracts, holdings, priceTypes, regions, warehouses } from "@/db/schema";
import { getActiveCompany } from "@/server/domain/companies/active-company";

/**
 * What the catalog needs to know about the viewer besides prices: the warehouses of their region
 * ("in stock" filter, stock block) and the base price type used to ORDER by price. Prices shown
 * always come from priceForBuyer; personal discounts therefore never reorder the list.
 */
export interface CatalogViewer {
  userId: string | null;
  /** Warehouses whose stock counts as "in stock" for this viewer (region's, or all when unknown). */
  warehouseIds: string[];
  regionId: string | null;
  /** Price type whose base price the "price" sort uses. */
  priceTypeId: string | null;
}

async function allWarehouses(db: Db): Promise<string[]> {
  const rows = await db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.isActive, true)).orderBy(asc(warehouses.code));
  return rows.map((r) => r.id);
}

async function defaultPriceType(db: Db): Promise<string | null> {
  const [row] = await db.select({ id: priceTypes.id }).from(priceTypes).where(eq(priceTypes.isDefault, true)).limit(1);
  return row?.id ?? null;
}

/** The staff view (and a buyer without a company): default price type, every warehouse. */
export async function anonymousViewer(db: Db): Promise<CatalogViewer> {
  return { userId: null, warehouseIds: await allWarehouses(db), regionId: null, priceTypeId: await defaultPriceType(db) };
}

/**
 * The buyer's region and base price type follow the active company: contract → company →
 * holding → region → the default type (the same precedence the resolver documents).
 */
export async function catalogViewer(db: Db, userId: string): Promise<CatalogViewer> {
  const active = await getActiveCompany(db, userId);
  let regionId: string | null = null;
  let priceTypeId: string | null = null;
  if (active) {
    const [company] = await db
      .select({ regionId: companies.regionId, priceTypeId: companies.priceTypeId, holdingPriceTypeId: holdings.priceTypeId, regionPriceTypeId: regions.priceTypeId })
      .from(companies)
      .leftJoin(holdings, eq(holdings.id, companies.holdingId))
      .leftJoin(regions, eq(regions.id, companies.regionId))
      .where(eq(companies.id, active.companyId));
    const [contract] = await db
      .select({ priceTypeId: contracts.priceTypeId })
      .from(contracts)
      .where(eq(contracts.companyId, active.companyId))
      .orderBy(desc(contracts.isDefault), asc(contracts.createdAt))
      .limit(1);
    regionId = company?.regionId ?? null;
    priceTypeId = contract?.priceTypeId ?? company?.priceTypeId ?? company?.holdingPriceTypeId ?? company?.regionPriceTypeId ?? null;
  }
  if (!regionId) {
    const [fallback] = await db.select({ id: regions.id, priceTypeId: regions.priceTypeId }).from(regions).where(eq(regions.isDefault, true)).limit(1);
    regionId = fallback?.id ?? null;
    priceTypeId ??= fallback?.priceTypeId ?? null;
  }
  const regional = regionId
    ? (await db.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.regionId, regionId), eq(warehouses.isActive, true))).orderBy(asc(warehouses.code))).map((r) => r.id)
    : [];
  return {
    userId,
    warehouseIds: regional.length > 0 ? regional : await allWarehouses(db),
    regionId,
    priceTypeId: priceTypeId ?? (await defaultPriceType(db)),
  };
}
