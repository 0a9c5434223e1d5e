import { BADGES, type Badge } from "@/db/schema/catalog";
import { CATALOG_SORTS, type CatalogSort, type ListProductsInput } from "@/server/domain/catalog/catalog-schemas";

/** The catalog page's state as it lives in the URL: bookmarkable, shareable, back-button friendly. */
export interface CatalogUrlState {
  cat?: string;
  q?: string;
  values: string[];
  brands: string[];
  badges: Badge[];
  ranges: Array<{ kindId: string; min?: number; max?: number }>;
  stock: boolean;
  sort?: CatalogSort;
  view: "grid" | "list";
  size: 24 | 48;
  page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const list = (value: string | null) => (value ? value.split(",").filter((v) => UUID.test(v)) : []);
const num = (value: string | undefined) => (value !== undefined && value !== "" && Number.isFinite(Number(value)) ? Number(value) : undefined);

export function readCatalogUrl(params: URLSearchParams): CatalogUrlState {
  const sort = params.get("sort");
  return {
    cat: params.get("cat")?.trim() || undefined,
    q: params.get("q")?.trim() || undefined,
    values: list(params.get("v")),
    brands: list(params.get("b")),
    badges: (params.get("l")?.split(",") ?? []).filter((b): b is Badge => (BADGES as readonly string[]).includes(b)),
    ranges: params.getAll("r").flatMap((r) => {
      const [kindId, min, max] = r.split(":");
      if (!kindId || !UUID.test(kindId)) return [];
      const range = { kindId, min: num(min), max: num(max) };
      return range.min === undefined && range.max === undefined ? [] : [range];
    }),
    stock: params.get("stock") === "1",
    sort: sort && (CATALOG_SORTS as readonly string[]).includes(sort) ? (sort as CatalogSort) : undefined,
    view: params.get("view") === "list" ? "list" : "grid",
    size: params.get("size") === "48" ? 48 : 24,
    page: Math.max(1, Math.min(10_000, Number(params.get("p")) || 1)),
  };
}

export function catalogQuery(state: CatalogUrlState): string {
  const params = new URLSearchParams();
  if (state.cat) params.set("cat", state.cat);
  if (state.q) params.set("q", state.q);
  if (state.values.length) params.set("v", state.values.join(","));
  if (state.brands.length) params.set("b", state.brands.join(","));
  if (state.badges.length) params.set("l", state.badges.join(","));
  for (const r of state.ranges) params.append("r", `${r.kindId}:${r.min ?? ""}:${r.max ?? ""}`);
  if (state.stock) params.set("stock", "1");
  if (state.sort) params.set("sort", state.sort);
  if (state.view === "list") params.set("view", "list");
  if (state.size === 48) params.set("size", "48");
  if (state.page > 1) params.set("p", String(state.page));
  return params.toString();
}

export function hasFilters(state: CatalogUrlState): boolean {
  return state.values.length > 0 || state.brands.length > 0 || state.badges.length > 0 || state.ranges.length > 0 || state.stock;
}

/** The tRPC input for the state (the category slug resolved to its id by the caller). */
export function listInputOf(state: CatalogUrlState, categoryId: string | undefined): ListProductsInput {
  return {
    categoryId,
    search: state.q,
    valueIds: state.values,
    brandIds: state.brands,
    badges: state.badges,
    ranges: state.ranges,
    inStock: state.stock,
    sort: state.sort,
    pageSize: state.size,
    page: state.page,
  };
}
