import { inArray, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { brands, propertyKinds, propertyValues, type Badge } from "@/db/schema";
import type { CatalogViewer } from "./buyer-context";
import { candidatesCte, withFuzzyThreshold } from "./candidates";
import { listProductsInputSchema, type CatalogSort, type ListProductsInput, type ListProductsQuery } from "./catalog-schemas";
import { activeGroups, filterSql, inStockSql, resolveFilters, type FacetGroup, type ProductFilters } from "./product-filters";
import { loadTiles, type ProductTile } from "./product-tiles";
import { searchPlan, type SearchMode, type SearchPlan } from "./search-plan";
import { uuidArray } from "./sql-arrays";

export interface FacetValue {
  id: string;
  label: string;
  count: number;
  selected: boolean;
}
export interface EnumFacet {
  kindId: string;
  name: string;
  unit: string | null;
  values: FacetValue[];
}
export interface RangeFacet {
  kindId: string;
  name: string;
  unit: string | null;
  min: number;
  max: number;
  count: number;
  selectedMin?: number;
  selectedMax?: number;
}
export interface Facets {
  brands: FacetValue[];
  badges: Array<{ badge: Badge; count: number; selected: boolean }>;
  inStock: { count: number; selected: boolean };
  enums: EnumFacet[];
  ranges: RangeFacet[];
}

export interface ProductPage {
  rows: ProductTile[];
  total: number;
  page: number;
  pageSize: number;
  sort: CatalogSort;
  /** "fuzzy" means the exact search found nothing and the list shows typo-tolerant matches. */
  searchMode: SearchMode;
  facets: Facets | null;
}

/** At most this many property facets are offered for one listing (a catalog has 1000+ kinds). */
export const MAX_PROPERTY_FACETS = 24;

function orderSql(sort: CatalogSort): SQL {
  switch (sort) {
    case "relevance":
      return sql`f.rank desc, f.sales_count desc, f.id`;
    case "price_asc":
      return sql`pr.amount_minor asc nulls last, f.id`;
    case "price_desc":
      return sql`pr.amount_minor desc nulls last, f.id`;
    case "name":
      return sql`f.name asc, f.id`;
    case "new":
      return sql`f.created_at desc, f.id`;
    case "popular":
    default:
      return sql`f.sales_count desc, f.rating_avg desc, f.id`;
  }
}

async function pageIds(db: Db, query: ListProductsQuery, plan: SearchPlan, filters: ProductFilters, viewer: CatalogViewer, sort: CatalogSort) {
  const offset = (query.page - 1) * query.pageSize;
  // Sorting by price uses the base price of the viewer's base price type (one indexed join);
  // personal discounts from the resolver are applied to the shown prices only and do not reorder.
  const priceJoin =
    sort === "price_asc" || sort === "price_desc"
      ? sql`left join product_variants dv on dv.product_id = f.id and dv.is_default left join prices pr on pr.variant_id = dv.id and pr.price_type_id = ${viewer.priceTypeId}`
      : sql``;
  const result = await db.execute(sql`
    with ${candidatesCte(query.categoryId, plan)},
    filtered as (select c.* from cand c where ${filterSql(filters)})
    select t.total, pg.id, pg.n from (select count(*)::int as total from filtered) t
    left join lateral (
      select f.id, row_number() over (order by ${orderSql(sort)}) as n
      from filtered f ${priceJoin}
      order by ${orderSql(sort)}
      limit ${query.pageSize} offset ${offset}
    ) pg on true
    order by pg.n`);
  const rows = rowsOf<{ total: number; id: string | null; n: number | null }>(result);
  return { total: Number(rows[0]?.total ?? 0), ids: rows.flatMap((r) => (r.id ? [r.id] : [])) };
}

type FacetRow = { g: "v" | "r" | "b" | "g" | "s"; k: string | null; v: string | null; n: number; lo: number | null; hi: number | null };

async function facetCounts(db: Db, query: ListProductsQuery, plan: SearchPlan, filters: ProductFilters): Promise<Facets> {
  const groups = activeGroups(filters);
  // One materialised set per group with a selection (its own predicate left out) + one for all.
  const setName = (g: FacetGroup | "all") => sql.raw(g === "all" ? "f_all" : `f_${groups.indexOf(g)}`);
  const sets = [sql`f_all as materialized (select c.id, c.brand_id, c.badges from cand c where ${filterSql(filters)})`];
  groups.forEach((g) => sets.push(sql`${setName(g)} as materialized (select c.id, c.brand_id, c.badges from cand c where ${filterSql(filters, g)})`));
  const of = (g: FacetGroup) => setName(groups.includes(g) ? g : "all");

  const selectedKinds = [...filters.values.keys(), ...filters.ranges.keys()];
  // The candidates are few next to product_properties (millions of rows): LATERAL keeps the plan
  // "for each candidate, its properties by primary key" instead of scanning a kind's whole index (OFFSET 0 stops the planner from flattening it).
  const parts: SQL[] = [
    sql`select 'v' as g, pp.kind_id::text as k, pp.value_id::text as v, count(*)::int as n, null::float8 as lo, null::float8 as hi
      from f_all c cross join lateral (select x.kind_id, x.value_id from product_properties x where x.product_id = c.id offset 0) pp
      join property_kinds pk on pk.id = pp.kind_id and pk.is_filterable and pk.type = 'enum'
      where pp.kind_id <> all(${uuidArray(selectedKinds)}) group by pp.kind_id, pp.value_id`,
    sql`select 'r', pp.kind_id::text, null, count(*)::int, min(pp.number_value)::float8, max(pp.number_value)::float8
      from f_all c cross join lateral (select x.kind_id, x.number_value from product_properties x where x.product_id = c.id offset 0) pp
      join property_kinds pk on pk.id = pp.kind_id and pk.is_filterable and pk.type = 'number'
      where pp.kind_id <> all(${uuidArray(selectedKinds)}) and pp.number_value is not null group by pp.kind_id`,
    sql`select 'b', c.brand_id::text, null, count(*)::int, null, null from ${of("brand")} c where c.brand_id is not null group by c.brand_id`,
    sql`select 'g', b.badge, null, count(*)::int, null, null from ${of("badge")} c cross join lateral jsonb_array_elements_text(c.badges) b(badge) group by b.badge`,
    sql`select 's', null, null, count(*)::int, null, null from ${of("stock")} c where ${inStockSql(filters.warehouseIds)}`,
  ];
  for (const kindId of filters.values.keys()) {
    parts.push(sql`select 'v', pp.kind_id::text, pp.value_id::text, count(*)::int, null, null
      from ${setName(`kind:${kindId}`)} c join product_properties pp on pp.product_id = c.id and pp.kind_id = ${kindId}
      where pp.value_id is not null group by pp.kind_id, pp.value_id`);
  }
  for (const kindId of filters.ranges.keys()) {
    parts.push(sql`select 'r', pp.kind_id::text, null, count(*)::int, min(pp.number_value)::float8, max(pp.number_value)::float8
      from ${setName(`kind:${kindId}`)} c join product_properties pp on pp.product_id = c.id and pp.kind_id = ${kindId}
      where pp.number_value is not null group by pp.kind_id`);
  }
  const result = await db.execute(sql`with ${candidatesCte(query.categoryId, plan)}, ${sql.join(sets, sql`, `)}
    ${sql.join(parts, sql` union all `)}`);
  const rows = rowsOf<FacetRow>(result).map((r) => ({ ...r, n: Number(r.n), lo: r.lo === null ? null : Number(r.lo), hi: r.hi === null ? null : Number(r.hi) }));
  return labelFacets(db, rows, filters);
}

async function labelFacets(db: Db, rows: Array<FacetRow>, filters: ProductFilters): Promise<Facets> {
  const kindIds = [...new Set(rows.filter((r) => (r.g === "v" || r.g === "r") && r.k).map((r) => r.k!))];
  const valueIds = [...new Set([...rows.filter((r) => r.g === "v" && r.v).map((r) => r.v!), ...[...filters.values.values()].flat()])];
  const brandIds = [...new Set([...rows.filter((r) => r.g === "b" && r.k).map((r) => r.k!), ...filters.brandIds])];
  const kinds = kindIds.length ? await db.select().from(propertyKinds).where(inArray(propertyKinds.id, kindIds)) : [];
  const values = valueIds.length ? await db.select().from(propertyValues).where(inArray(propertyValues.id, valueIds)) : [];
  const brandRows = brandIds.length ? await db.select({ id: brands.id, name: brands.name }).from(brands).where(inArray(brands.id, brandIds)) : [];
  const kindOf = new Map(kinds.map((k) => [k.id, k]));
  const valueOf = new Map(values.map((v) => [v.id, v]));
  const brandName = new Map(brandRows.map((b) => [b.id, b.name]));
  const selectedValues = new Set([...filters.values.values()].flat());

  const enums = new Map<string, EnumFacet>();
  const enumCount = new Map<string, number>();
  for (const r of rows.filter((x) => x.g === "v" && x.k && x.v)) {
    const kind = kindOf.get(r.k!);
    const value = valueOf.get(r.v!);
    if (!kind || !value) continue;
    const facet = enums.get(kind.id) ?? { kindId: kind.id, name: kind.name, unit: kind.unit, values: [] };
    facet.values.push({ id: value.id, label: value.value, count: r.n, selected: selectedValues.has(value.id) });
    enums.set(kind.id, facet);
    enumCount.set(kind.id, (enumCount.get(kind.id) ?? 0) + r.n);
  }
  // A selected value that no longer matches the other filters still shows (with 0) so it can be cleared.
  for (const [kindId, ids] of filters.values) {
    const kind = kindOf.get(kindId) ?? (await db.select().from(propertyKinds).where(inArray(propertyKinds.id, [kindId])))[0];
    if (!kind) continue;
    const facet = enums.get(kindId) ?? { kindId, name: kind.name, unit: kind.unit, values: [] };
    for (const id of ids) {
      const value = valueOf.get(id);
      if (value && !facet.values.some((v) => v.id === id)) facet.values.push({ id, label: value.value, count: 0, selected: true });
    }
    enums.set(kindId, facet);
    enumCount.set(kindId, Number.MAX_SAFE_INTEGER);
  }
  const sortValue = (a: FacetValue, b: FacetValue) => (valueOf.get(a.id)?.sort ?? 0) - (valueOf.get(b.id)?.sort ?? 0) || a.label.localeCompare(b.label, "ru", { numeric: true });
  for (const facet of enums.values()) facet.values.sort(sortValue);

  const ranges: RangeFacet[] = rows
    .filter((r) => r.g === "r" && r.k && kindOf.has(r.k))
    .map((r) => {
      const kind = kindOf.get(r.k!)!;
      const selected = filters.ranges.get(kind.id);
      return { kindId: kind.id, name: kind.name, unit: kind.unit, min: r.lo ?? 0, max: r.hi ?? 0, count: r.n, selectedMin: selected?.min, selectedMax: selected?.max };
    });

  // The most useful facets first: selected ones, then by the kind's sort and the products they cover.
  const kindRank = (id: string, count: number) => [filters.values.has(id) || filters.ranges.has(id) ? 0 : 1, kindOf.get(id)?.sort ?? 0, -count] as const;
  const compare = (a: readonly number[], b: readonly number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  const all = [
    ...[...enums.values()].map((f) => ({ id: f.kindId, rank: kindRank(f.kindId, enumCount.get(f.kindId) ?? 0) })),
    ...ranges.map((f) => ({ id: f.kindId, rank: kindRank(f.kindId, f.count) })),
  ]
    .sort((a, b) => compare(a.rank, b.rank))
    .slice(0, MAX_PROPERTY_FACETS);
  const kept = new Set(all.map((k) => k.id));
  const order = new Map(all.map((k, i) => [k.id, i]));

  const brandFacet = rows
    .filter((r) => r.g === "b" && r.k)
    .map((r) => ({ id: r.k!, label: brandName.get(r.k!) ?? "?", count: r.n, selected: filters.brandIds.includes(r.k!) }));
  for (const id of filters.brandIds) if (!brandFacet.some((b) => b.id === id) && brandName.has(id)) brandFacet.push({ id, label: brandName.get(id)!, count: 0, selected: true });
  brandFacet.sort((a, b) => a.label.localeCompare(b.label));

  return {
    brands: brandFacet,
    badges: rows.filter((r) => r.g === "g" && r.k).map((r) => ({ badge: r.k as Badge, count: r.n, selected: filters.badges.includes(r.k!) })),
    inStock: { count: rows.find((r) => r.g === "s")?.n ?? 0, selected: filters.inStock },
    enums: [...enums.values()].filter((f) => kept.has(f.kindId)).sort((a, b) => order.get(a.kindId)! - order.get(b.kindId)!),
    ranges: ranges.filter((f) => kept.has(f.kindId)).sort((a, b) => order.get(a.kindId)! - order.get(b.kindId)!),
  };
}

/**
 * A catalog page: the category subtree, searched (SKU and full-text first, typo-tolerant when
 * that finds nothing), filtered by facets, sorted and paged, with facet counts for the current
 * selection (each facet's counts ignore its own selection) and the viewer's prices.
 */
export async function listProducts(db: Db, viewer: CatalogViewer, input: ListProductsInput): Promise<ProductPage> {
  const query = listProductsInputSchema.parse(input);
  const filters = await resolveFilters(db, query, viewer.warehouseIds);
  const searching = Boolean(query.search);
  const sort: CatalogSort = query.sort ?? (searching ? "relevance" : "popular");
  const effectiveSort = sort === "relevance" && !searching ? "popular" : sort;

  let plan = searchPlan(query.search, "text");
  // The page and the facet counts are independent statements: on PostgreSQL they run on two
  // connections at once (PGlite queues them).
  let [page, facets] = await Promise.all([pageIds(db, query, plan, filters, viewer, effectiveSort), query.withFacets ? facetCounts(db, query, plan, filters) : null]);
  if (searching && page.total === 0) {
    // Nothing for the words as typed: try the typo-tolerant match on names.
    const fuzzy = searchPlan(query.search, "fuzzy");
    const fuzzyPage = await withFuzzyThreshold(db, true, (tx) => pageIds(tx, query, fuzzy, filters, viewer, effectiveSort));
    if (fuzzyPage.total > 0) {
      plan = fuzzy;
      page = fuzzyPage;
      facets = query.withFacets ? await withFuzzyThreshold(db, true, (tx) => facetCounts(tx, query, fuzzy, filters)) : null;
    }
  }
  const rows = await loadTiles(db, viewer, page.ids);
  return { rows, total: page.total, page: query.page, pageSize: query.pageSize, sort: effectiveSort, searchMode: plan.mode, facets };
}
