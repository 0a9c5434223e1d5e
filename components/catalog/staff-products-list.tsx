"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, Package, Search } from "lucide-react";
import { usePathname, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useAnsweredUrl } from "@/components/hooks/use-answered-url";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CategoryNode } from "@/server/domain/catalog/category-tree";
import { useUnitLabel } from "./catalog-format";
import { ProductBadges } from "./product-badges";

const ALL = "all";

function flatten(nodes: CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((n) => (n.depth < 2 ? [n, ...flatten(n.children)] : []));
}

/** Staff's read-only product list: search (name, SKU, typos) and a section filter, state in the URL. */
export function StaffProductsList() {
  const t = useTranslations("catalog");
  const format = useFormatter();
  const money = useMoney();
  const unit = useUnitLabel();
  const trpc = useTRPC();
  const params = useSearchParams();
  const pathname = usePathname();
  const q = params.get("q") ?? "";
  const cat = params.get("cat") ?? "";
  const page = Math.max(1, Number(params.get("p")) || 1);
  const [text, setText] = useState(q);
  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("p" in patch)) next.delete("p");
    const query = next.toString();
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  };
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => update({ q: text.trim() || null }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typing restarts the pause
  }, [text]);
  const tree = useQuery(trpc.catalog.staffTree.queryOptions());
  const sections = flatten(tree.data ?? []);
  const list = useQuery({ ...trpc.catalog.staffList.queryOptions({ search: q || undefined, categoryId: cat || undefined, page, pageSize: 24 }), placeholderData: keepPreviousData });
  const answeredUrl = useAnsweredUrl(list);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b">
        <CardTitle>{t("staff.listTitle")}</CardTitle>
        {list.data && <span className="text-muted-foreground text-sm">{t("found", { count: list.data.total })}</span>}
      </CardHeader>
      <CardContent className="space-y-4 pt-4">
        <div className="flex flex-wrap gap-3">
          <div className="relative min-w-64 flex-1">
            <Search className="text-muted-foreground absolute top-2.5 left-3 size-4" />
            <Input className="pl-9" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("staff.searchPlaceholder")} aria-label={t("searchLabel")} data-testid="staff-catalog-search" />
          </div>
          <Select value={cat || ALL} onValueChange={(v) => update({ cat: v === ALL ? null : v })}>
            <SelectTrigger className="w-72" aria-label={t("categories")}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("staff.allCategories")}</SelectItem>
              {sections.map((s) => (
                <SelectItem key={s.id} value={s.id}>
                  {s.depth === 1 ? `— ${s.name}` : s.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="staff-products" data-answers={answeredUrl}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("staff.columns.product")}</TableHead>
                <TableHead>{t("staff.columns.sku")}</TableHead>
                <TableHead>{t("staff.columns.brand")}</TableHead>
                <TableHead className="text-right">{t("staff.columns.price")}</TableHead>
                <TableHead className="text-right">{t("staff.columns.stock")}</TableHead>
                <TableHead className="text-right">{t("staff.columns.rating")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!list.data &&
                Array.from({ length: 6 }, (_, i) => (
                  <TableRow key={i}>
                    <TableCell colSpan={6}>
                      <Skeleton className="h-8 w-full" />
                    </TableCell>
                  </TableRow>
                ))}
              {list.data?.rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6} className="text-muted-foreground py-12 text-center">
                    {t("emptyTitle")}
                  </TableCell>
                </TableRow>
              )}
              {list.data?.rows.map((row) => (
                <TableRow key={row.id} data-testid="staff-product-row">
                  <TableCell>
                    <div className="flex items-center gap-3">
                      <div className="bg-muted/40 grid size-10 shrink-0 place-items-center overflow-hidden rounded-md">
                        {row.imageUrl ? (
                          // eslint-disable-next-line @next/next/no-img-element -- local SVG placeholders
                          <img src={row.imageUrl} alt="" className="h-full w-full object-contain" />
                        ) : (
                          <Package className="text-muted-foreground size-5" />
                        )}
                      </div>
                      <div className="min-w-0">
                        <div className="max-w-md truncate font-medium">{row.name}</div>
                        <ProductBadges badges={row.badges} />
                      </div>
                    </div>
                  </TableCell>
                  <TableCell className="font-mono text-xs">{row.sku}</TableCell>
                  <TableCell>{row.brand ?? "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.price?.available ? `${money(row.price.unitMinor, row.price.currency)} / ${unit.short(row.unit.unit)}` : "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {format.number(row.stockQty)} {unit.short(row.baseUnit)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{row.reviewsCount > 0 ? `${format.number(row.ratingAvg, { maximumFractionDigits: 1 })} (${row.reviewsCount})` : "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        {pages > 1 && (
          <div className="flex items-center justify-between">
            <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => update({ p: String(page - 1) })}>
              <ChevronLeft className="size-4" />
              {t("pager.prev")}
            </Button>
            <span className="text-muted-foreground text-sm">{t("pager.page", { page, pages })}</span>
            <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => update({ p: String(page + 1) })}>
              {t("pager.next")}
              <ChevronRight className="size-4" />
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
