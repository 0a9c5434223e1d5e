import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf, type Db } from "@/db/client";
import { companies, regions, warehouses } from "@/db/schema";
import { getActiveCompany } from "../companies/active-company";
import { badInput } from "../errors";
import { buyerPricer } from "../pricing/price-for-buyer";

/** A price list bigger than this is refused with a hint to choose fewer sections (PDF pages, memory). */
export const PRICE_LIST_MAX_ROWS = 20_000;
const PRICING_BATCH = 1_000;

export const priceListRequestSchema = z.object({
  categoryIds: z.array(z.uuid({ error: "categoryIds: each must be a section id" })).min(1, { error: "categoryIds: choose at least one section" }).max(200, { error: "categoryIds: at most 200 sections" }),
  regionId: z.uuid({ error: "regionId: must be a region id" }).optional(),
  inStockOnly: z.boolean().default(false),
});
export type PriceListRequest = z.input<typeof priceListRequestSchema>;

export interface PriceListRow {
  sku: string;
  name: string;
  brand: string | null;
  section: string | null;
  unit: string;
  /** Personal price per base unit in minor units of the list's currency; null when not orderable. */
  priceMinor: number | null;
  /** Base price before the buyer's discounts, when it differs. */
  basePriceMinor: number | null;
  stock: number;
}

export interface PriceList {
  companyName: string | null;
  regionName: string | null;
  currency: string;
  generatedAt: Date;
  /** Prices are the company's own (access level 2+), or public ones (level 1, no company). */
  personal: boolean;
  rows: PriceListRow[];
}

interface VariantRow {
  variant_id: string;
  sku: string;
  name: string;
  brand: string | null;
  section: string | null;
  unit: string;
  stock: string | number | null;
}

/** The region whose warehouses count: the one asked for, else the active company's, else the default. */
async function chooseRegion(db: Db, requested: string | undefined, companyId: string | null) {
  if (requested) {
    const [row] = await db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.id, requested));
    if (!row) throw badInput("regionId: no such region", "regionId");
    return row;
  }
  if (companyId) {
    const [row] = await db.select({ id: regions.id, name: regions.name }).from(companies).innerJoin(regions, eq(regions.id, companies.regionId)).where(eq(companies.id, companyId));
    if (row) return row;
  }
  const [fallback] = await db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.isDefault, true)).limit(1);
  return fallback ?? null;
}

/**
 * The rows of a buyer's price list: every published variant under the chosen sections (their
 * subtrees included), with the buyer's personal price from the resolver and the stock free to
 * sell in the region's warehouses. Sorted by section, then name.
 */
export async function buildPriceList(db: Db, userId: string, raw: PriceListRequest, now = new Date()): Promise<PriceList> {
  const request = priceListRequestSchema.parse(raw);
  const active = await getActiveCompany(db, userId);
  const region = await chooseRegion(db, request.regionId, active?.companyId ?? null);
  const regionWarehouses = region
    ? (await db.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.regionId, region.id), eq(warehouses.isActive, true))).orderBy(asc(warehouses.id))).map((w) => w.id)
    : [];
  const warehouseList = regionWarehouses.length ? sql`array[${sql.join(regionWarehouses.map((id) => sql`${id}`), sql`, `)}]::uuid[]` : sql`array[]::uuid[]`;
  const sectionList = sql`array[${sql.join(request.categoryIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  const variants = rowsOf<VariantRow>(
    await db.execute(sql`
      select v.id as variant_id, v.sku, case when v.name = p.name or v.name = '' then p.name else p.name || ' — ' || v.name end as name,
             b.name as brand, c.name as section, p.base_unit as unit,
             (select coalesce(sum(s.quantity - s.reserved), 0) from stock s where s.variant_id = v.id and s.warehouse_id = any(${warehouseList})) as stock
      from products p
      join product_variants v on v.product_id = p.id
      left join brands b on b.id = p.brand_id
      left join categories c on c.id = p.main_category_id
      where p.status = 'published'
        and exists (select 1 from product_categories pc where pc.product_id = p.id and pc.category_id = any(${sectionList}))
      order by c.path nulls last, p.name, v.sort, v.sku
      limit ${PRICE_LIST_MAX_ROWS + 1}`),
  );
  if (variants.length > PRICE_LIST_MAX_ROWS) {
    throw badInput(`categoryIds: the chosen sections hold more than ${PRICE_LIST_MAX_ROWS.toLocaleString("en-US")} items; choose fewer`, "categoryIds");
  }
  const priced = new Map<string, { unitMinor: number; baseUnitMinor: number; available: boolean }>();
  let currency = "RUB";
  let personal = false;
  const pricer = await buyerPricer(db, userId, undefined, { listing: true });
  for (let i = 0; i < variants.length; i += PRICING_BATCH) {
    const batch = variants.slice(i, i + PRICING_BATCH);
    const result = await pricer(batch.map((v) => ({ variantId: v.variant_id, quantity: 1 })));
    currency = result.currency;
    personal = result.personal;
    for (const line of result.lines) priced.set(line.variantId, line);
  }
  const rows = variants
    .map((v): PriceListRow => {
      const price = priced.get(v.variant_id);
      const available = price?.available ?? false;
      return {
        sku: v.sku,
        name: v.name,
        brand: v.brand,
        section: v.section,
        unit: v.unit,
        priceMinor: available ? price!.unitMinor : null,
        basePriceMinor: available && price!.baseUnitMinor !== price!.unitMinor ? price!.baseUnitMinor : null,
        stock: Math.max(0, Number(v.stock ?? 0)),
      };
    })
    .filter((row) => !request.inStockOnly || row.stock > 0);
  const [company] = active ? await db.select({ name: companies.name }).from(companies).where(inArray(companies.id, [active.companyId])) : [];
  return { companyName: company?.name ?? null, regionName: region?.name ?? null, currency, generatedAt: now, personal, rows };
}
