"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, LayoutGrid, List, PackageSearch, Search } from "lucide-react";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { useAnsweredUrl } from "@/components/hooks/use-answered-url";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { CATALOG_SORTS, type CatalogSort } from "@/server/domain/catalog/catalog-schemas";
import { catalogQuery, hasFilters, listInputOf, readCatalogUrl, type CatalogUrlState } from "./catalog-url-state";
import { CategorySidebar, pathToSlug } from "./category-sidebar";
import { FacetFilters, type FacetActions } from "./facet-filters";
import { ProductTile } from "./product-tile";

const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));

/** The buyer's catalog: category tree, search, facets with counts, sort, grid/list and paging, all in the URL. */
export function CatalogBrowser() {
  const t = useTranslations("catalog");
  const trpc = useTRPC();
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => readCatalogUrl(new URLSearchParams(params.toString())), [params]);
  const [searchText, setSearchText] = useState(state.q ?? "");

  const navigate = (next: CatalogUrlState, push = true) => {
    const query = catalogQuery(next);
    const url = query ? `${pathname}?${query}` : pathname;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };
  /** Any change but paging goes back to page 1. */
  const update = (patch: Partial<CatalogUrlState>, push = true) => navigate({ ...state, page: 1, ...patch }, push);

  useEffect(() => {
    if (searchText.trim() === (state.q ?? "")) return;
    const timer = setTimeout(() => update({ q: searchText.trim() || undefined, sort: undefined }, false), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typing restarts the pause
  }, [searchText]);

  const tree = useQuery(trpc.catalog.tree.queryOptions());
  const path = pathToSlug(tree.data ?? [], state.cat);
  const category = path[path.length - 1];
  const waitingForCategory = Boolean(state.cat) && !tree.data;
  const list = useQuery({ ...trpc.catalog.list.queryOptions(listInputOf(state, category?.id)), enabled: !waitingForCategory, placeholderData: keepPreviousData });
  const answered = useAnsweredUrl(list);
  // A disabled query (the tree still loading) is neither fetching nor answering the URL.
  const answeredUrl = list.data && !waitingForCategory ? answered : undefined;
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  const actions: FacetActions = {
    toggleValue: (id, on) => update({ values: toggle(state.values, id, on) }),
    toggleBrand: (id, on) => update({ brands: toggle(state.brands, id, on) }),
    toggleBadge: (badge, on) => update({ badges: toggle(state.badges, badge, on) }),
    setStock: (on) => update({ stock: on }),
    setRange: (kindId, min, max) => update({ ranges: [...state.ranges.filter((r) => r.kindId !== kindId), ...(min !== undefined || max !== undefined ? [{ kindId, min, max }] : [])] }),
    clear: () => update({ values: [], brands: [], badges: [], ranges: [], stock: false }),
  };
  const sortValue: CatalogSort = data?.sort ?? state.sort ?? (state.q ? "relevance" : "popular");
  const sorts = CATALOG_SORTS.filter((s) => s !== "relevance" || state.q);

  return (
    <div className="grid gap-6 lg:grid-cols-[280px_1fr]">
      <aside className="space-y-4">
        <Card>
          <CardContent className="pt-4">
            <h2 className="mb-2 text-sm font-semibold tracking-wide uppercase">{t("categories")}</h2>
            {tree.data ? <CategorySidebar tree={tree.data} activeSlug={state.cat} onSelect={(slug) => update({ cat: slug ?? undefined, values: [], ranges: [] })} /> : <Skeleton className="h-64 w-full" />}
          </CardContent>
        </Card>
        <Card>
          <CardContent className="pt-4">
            <h2 className="mb-3 text-sm font-semibold tracking-wide uppercase">{t("filters.title")}</h2>
            {data?.facets ? <FacetFilters facets={data.facets} actions={actions} filtered={hasFilters(state)} /> : <Skeleton className="h-96 w-full" />}
          </CardContent>
        </Card>
      </aside>

      <section className="min-w-0 space-y-4">
        <Card>
          <CardContent className="flex flex-wrap items-center gap-3 pt-4">
            <div className="relative min-w-64 flex-1">
              <Search className="text-muted-foreground absolute top-2.5 left-3 size-4" />
              <Input className="pl-9" type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} placeholder={t("searchPlaceholder")} aria-label={t("searchLabel")} data-testid="catalog-search" />
            </div>
            <Select value={sortValue} onValueChange={(v) => update({ sort: v as CatalogSort })}>
              <SelectTrigger className="w-52" aria-label={t("sort.label")} data-testid="catalog-sort">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {sorts.map((s) => (
                  <SelectItem key={s} value={s}>
                    {t(`sort.${s}`)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <Select value={String(state.size)} onValueChange={(v) => update({ size: v === "48" ? 48 : 24 })}>
              <SelectTrigger className="w-20" aria-label={t("pageSize")}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="24">24</SelectItem>
                <SelectItem value="48">48</SelectItem>
              </SelectContent>
            </Select>
            <div className="flex rounded-md border" role="group">
              <Button variant={state.view === "grid" ? "secondary" : "ghost"} size="icon" onClick={() => navigate({ ...state, view: "grid" }, false)} aria-label={t("view.grid")} aria-pressed={state.view === "grid"} data-testid="view-grid">
                <LayoutGrid className="size-4" />
              </Button>
              <Button variant={state.view === "list" ? "secondary" : "ghost"} size="icon" onClick={() => navigate({ ...state, view: "list" }, false)} aria-label={t("view.list")} aria-pressed={state.view === "list"} data-testid="view-list">
                <List className="size-4" />
              </Button>
            </div>
          </CardContent>
        </Card>

        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold" data-testid="catalog-heading">
            {category?.name ?? t("allProducts")}
          </h2>
          {data && (
            <span className="text-muted-foreground text-sm" data-testid="catalog-total" data-total={data.total}>
              {t("found", { count: data.total })}
            </span>
          )}
        </div>
        {data?.searchMode === "fuzzy" && state.q && (
          <Alert data-testid="fuzzy-notice">
            <AlertDescription>{t("fuzzyNotice", { q: state.q })}</AlertDescription>
          </Alert>
        )}

        <div data-testid="catalog-products" data-answers={answeredUrl} aria-busy={list.isFetching} className={state.view === "grid" ? "grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-4" : "space-y-3"}>
          {!data && Array.from({ length: 8 }, (_, i) => <Skeleton key={i} className={state.view === "grid" ? "h-80" : "h-24"} />)}
          {data?.rows.map((tile) => <ProductTile key={tile.id} tile={tile} view={state.view} />)}
        </div>
        {data && data.rows.length === 0 && (
          <Card>
            <CardContent className="flex flex-col items-center gap-3 py-14 text-center" data-testid="catalog-empty">
              <div className="bg-primary/10 text-primary grid size-14 place-items-center rounded-full">
                <PackageSearch className="size-7" />
              </div>
              <h3 className="text-lg font-semibold">{t("emptyTitle")}</h3>
              <p className="text-muted-foreground max-w-md text-sm">{t("emptyText")}</p>
            </CardContent>
          </Card>
        )}
        {data && pages > 1 && (
          <div className="flex items-center justify-between gap-3" data-testid="catalog-pager">
            <Button variant="outline" disabled={state.page <= 1} onClick={() => navigate({ ...state, page: state.page - 1 })}>
              <ChevronLeft className="size-4" />
              {t("pager.prev")}
            </Button>
            <span className="text-muted-foreground text-sm">{t("pager.page", { page: state.page, pages })}</span>
            <Button variant="outline" disabled={state.page >= pages} onClick={() => navigate({ ...state, page: state.page + 1 })} data-testid="next-page">
              {t("pager.next")}
              <ChevronRight className="size-4" />
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
