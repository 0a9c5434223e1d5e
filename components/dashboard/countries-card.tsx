"use client";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardOverview } from "@/server/domain/dashboard/overview";
import type { DashboardFormat } from "./use-dashboard-format";

const SHOWN = 6;

/** Countries ranked by the sum of the range's orders, each with a bar relative to the first. */
export function CountriesCard({ data, format }: { data: DashboardOverview; format: DashboardFormat }) {
  const t = useTranslations("dashboard.countries");
  const total = data.countries.reduce((sum, c) => sum + c.usdMinor, 0);
  const top = data.countries[0]?.usdMinor ?? 0;
  const rest = data.countries.length - SHOWN;
  return (
    <Card className="gap-0 py-0" data-testid="widget-countries">
      <CardHeader className="border-b py-4">
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("subtitle")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3.5 px-5 py-5">
        {data.countries.slice(0, SHOWN).map((c) => (
          <div key={c.country} data-testid="country-row">
            <div className="mb-1.5 flex items-baseline justify-between gap-3 text-sm">
              <span className="min-w-0 truncate font-medium">{format.country(c.country)}</span>
              <span className="font-mono text-xs whitespace-nowrap tabular-nums">{format.money(c.usdMinor)}</span>
            </div>
            <div className="bg-muted h-2 overflow-hidden rounded-full">
              <div className="bg-primary h-full rounded-full" style={{ width: `${top > 0 ? Math.max(2, (c.usdMinor / top) * 100) : 0}%` }} />
            </div>
            <div className="text-muted-foreground mt-1 flex justify-between text-xs">
              <span>{t("orders", { count: c.orders })}</span>
              <span className="tabular-nums">{total > 0 ? format.percent((c.usdMinor / total) * 100).replace(/^\+/, "") : ""}</span>
            </div>
          </div>
        ))}
        {rest > 0 && <p className="text-muted-foreground text-xs">{t("more", { count: rest })}</p>}
      </CardContent>
    </Card>
  );
}
