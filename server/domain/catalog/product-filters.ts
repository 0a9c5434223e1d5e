import { inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { propertyValues } from "@/db/schema";
import type { ListProductsQuery } from "./catalog-schemas";
import { textArray, uuidArray } from "./sql-arrays";

/** One facet group: an enum or number property kind, the brand, the badges or "in stock". */
export type FacetGroup = `kind:${string}` | "brand" | "badge" | "stock";

export interface ProductFilters {
  /** Selected enum values grouped by kind: OR within a kind, AND across kinds. */
  values: Map<string, string[]>;
  ranges: Map<string, { min?: number; max?: number }>;
  brandIds: string[];
  badges: string[];
  inStock: boolean;
  warehouseIds: string[];
}

export async function resolveFilters(db: Db, query: ListProductsQuery, warehouseIds: string[]): Promise<ProductFilters> {
  const values = new Map<string, string[]>();
  if (query.valueIds.length > 0) {
    const rows = await db.select({ id: propertyValues.id, kindId: propertyValues.kindId }).from(propertyValues).where(inArray(propertyValues.id, query.valueIds));
    for (const row of rows) values.set(row.kindId, [...(values.get(row.kindId) ?? []), row.id]);
  }
  const ranges = new Map<string, { min?: number; max?: number }>();
  for (const r of query.ranges) if (r.min !== undefined || r.max !== undefined) ranges.set(r.kindId, { min: r.min, max: r.max });
  return { values, ranges, brandIds: query.brandIds, badges: query.badges, inStock: query.inStock, warehouseIds };
}

/** Groups that have a selection: their facet counts are computed without their own predicate. */
export function activeGroups(f: ProductFilters): FacetGroup[] {
  const groups: FacetGroup[] = [...f.values.keys(), ...f.ranges.keys()].map((k) => `kind:${k}` as const);
  if (f.brandIds.length > 0) groups.push("brand");
  if (f.badges.length > 0) groups.push("badge");
  if (f.inStock) groups.push("stock");
  return groups;
}

/** "Has free stock in one of these warehouses" for the product aliased `c`. */
export function inStockSql(warehouseIds: string[]): SQL {
  return sql`exists (select 1 from product_variants sv join stock s on s.variant_id = sv.id where sv.product_id = c.id and s.warehouse_id = any(${uuidArray(warehouseIds)}) and s.quantity > s.reserved)`;
}

/** The predicates on the candidate alias `c`, leaving out one group (the facet being counted). */
export function filterSql(f: ProductFilters, except?: FacetGroup): SQL {
  const parts: SQL[] = [];
  for (const [kindId, ids] of f.values) {
    if (except === `kind:${kindId}`) continue;
    parts.push(sql`exists (select 1 from product_properties x where x.product_id = c.id and x.value_id = any(${uuidArray(ids)}))`);
  }
  for (const [kindId, range] of f.ranges) {
    if (except === `kind:${kindId}`) continue;
    const lo = range.min !== undefined ? sql` and x.number_value >= ${range.min}` : sql``;
    const hi = range.max !== undefined ? sql` and x.number_value <= ${range.max}` : sql``;
    parts.push(sql`exists (select 1 from product_properties x where x.product_id = c.id and x.kind_id = ${kindId}${lo}${hi})`);
  }
  if (f.brandIds.length > 0 && except !== "brand") parts.push(sql`c.brand_id = any(${uuidArray(f.brandIds)})`);
  if (f.badges.length > 0 && except !== "badge") parts.push(sql`jsonb_exists_any(c.badges, ${textArray(f.badges)})`);
  if (f.inStock && except !== "stock") parts.push(inStockSql(f.warehouseIds));
  return parts.length > 0 ? sql.join(parts, sql` and `) : sql`true`;
}
