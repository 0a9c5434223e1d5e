"use client";
import { useQuery } from "@tanstack/react-query";
import { FileDown, FileSpreadsheet } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import type { CategoryNode } from "@/server/domain/catalog/category-tree";

const COMPANY_REGION = "company";

function SectionRow({ node, chosen, toggle, inherited = false }: { node: CategoryNode; chosen: Set<string>; toggle: (id: string, on: boolean) => void; inherited?: boolean }) {
  const t = useTranslations("priceList");
  const id = `section-${node.id}`;
  return (
    <li>
      <div className="flex items-center gap-2 py-1" style={{ paddingLeft: `${node.depth * 1.25}rem` }}>
        <Checkbox
          id={id}
          checked={inherited || chosen.has(node.id)}
          disabled={inherited}
          onCheckedChange={(value) => toggle(node.id, value === true)}
          data-testid="price-list-section"
          data-name={node.name}
        />
        <Label htmlFor={id} className={node.depth === 0 ? "font-semibold" : "font-normal"}>
          {node.name}
        </Label>
        <span className="text-muted-foreground text-xs">{t("products", { count: node.productCount })}</span>
      </div>
      {node.children.length > 0 && node.depth < 1 && (
        <ul>
          {node.children.map((child) => (
            <SectionRow key={child.id} node={child} chosen={chosen} toggle={toggle} inherited={inherited || chosen.has(node.id)} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Choose sections, region and format; the file is fetched and saved, errors shown in a toast. */
export function PriceListBuilder() {
  const t = useTranslations("priceList");
  const locale = useLocale();
  const trpc = useTRPC();
  const tree = useQuery(trpc.catalog.tree.queryOptions());
  const regions = useQuery(trpc.buyerAccount.regions.queryOptions());
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [region, setRegion] = useState(COMPANY_REGION);
  const [inStockOnly, setInStockOnly] = useState(false);
  const [busy, setBusy] = useState<"xlsx" | "pdf" | null>(null);
  const roots = useMemo(() => tree.data ?? [], [tree.data]);

  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  async function download(format: "xlsx" | "pdf") {
    if (chosen.size === 0) {
      toast.error(t("chooseFirst"));
      return;
    }
    setBusy(format);
    try {
      const query = new URLSearchParams({ format, categoryIds: [...chosen].join(","), locale });
      if (region !== COMPANY_REGION) query.set("regionId", region);
      if (inStockOnly) query.set("inStock", "1");
      const response = await fetch(`/api/b2b/price-list?${query}`);
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        toast.error(t("failed", { message: body.error ?? response.statusText }));
        return;
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `price-list.${format}`;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      toast.success(t("ready"));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <Card>
        <CardHeader className="flex flex-row items-center justify-between gap-2">
          <CardTitle>{t("sections")}</CardTitle>
          <div className="flex gap-2">
            <Button variant="outline" size="sm" onClick={() => setChosen(new Set(roots.map((r) => r.id)))} data-testid="price-list-all">
              {t("selectAll")}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setChosen(new Set())}>
              {t("clear")}
            </Button>
          </div>
        </CardHeader>
        <CardContent>
          {tree.isPending ? (
            <Skeleton className="h-64 w-full" />
          ) : (
            <ul className="columns-1 md:columns-2" data-testid="price-list-sections">
              {roots.map((node) => (
                <SectionRow key={node.id} node={node} chosen={chosen} toggle={toggle} />
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <Card className="h-fit">
        <CardContent className="space-y-5">
          <p className="text-muted-foreground text-sm">{t("intro")}</p>
          <p className="text-sm font-medium" data-testid="price-list-chosen">
            {t("selected", { count: chosen.size })}
          </p>
          <div className="space-y-2">
            <Label>{t("region")}</Label>
            <Select value={region} onValueChange={setRegion}>
              <SelectTrigger className="w-full" data-testid="price-list-region">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={COMPANY_REGION}>{t("regionOfCompany")}</SelectItem>
                {(regions.data ?? []).map((r) => (
                  <SelectItem key={r.id} value={r.id}>
                    {r.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <div className="flex items-center gap-2">
            <Switch id="price-list-in-stock" checked={inStockOnly} onCheckedChange={setInStockOnly} />
            <Label htmlFor="price-list-in-stock">{t("inStockOnly")}</Label>
          </div>
          <div className="flex flex-col gap-2">
            <Button onClick={() => download("xlsx")} disabled={busy !== null} data-testid="price-list-xlsx">
              <FileSpreadsheet className="size-4" />
              {busy === "xlsx" ? t("preparing") : t("downloadXlsx")}
            </Button>
            <Button variant="outline" onClick={() => download("pdf")} disabled={busy !== null} data-testid="price-list-pdf">
              <FileDown className="size-4" />
              {busy === "pdf" ? t("preparing") : t("downloadPdf")}
            </Button>
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
