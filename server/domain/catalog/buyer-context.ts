import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { priceTypes, warehouses } from "@/db/schema";
import { getActiveCompany } from "@/server/domain/companies/active-company";
import { loadPricingParties } from "@/server/domain/pricing/load-pricing-context";
import { chooseBaseType } from "@/server/domain/pricing/resolve-prices";

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
 * The buyer's region and base price type follow the active company, chosen by the resolver's own
 * rule (chooseBaseType: contract → company → holding → region → default; level 1 only the public
 * ones), so the "price" sort orders by the prices the buyer is shown before discounts.
 */
export async function catalogViewer(db: Db, userId: string): Promise<CatalogViewer> {
  const active = await getActiveCompany(db, userId);
  const parties = await loadPricingParties(db, active?.companyId ?? null, { personal: (active?.accessLevel ?? 1) >= 2 });
  const types = new Map(parties.priceTypes.filter((t) => t.isActive).map((t) => [t.id, t]));
  const regionId = parties.region?.id ?? null;
  const regional = regionId
    ? (await db.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.regionId, regionId), eq(warehouses.isActive, true))).orderBy(asc(warehouses.code))).map((r) => r.id)
    : [];
  return {
    userId,
    warehouseIds: regional.length > 0 ? regional : await allWarehouses(db),
    regionId,
    priceTypeId: chooseBaseType(parties, types)?.type.id ?? null,
  };
}
