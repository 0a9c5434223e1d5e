"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CalendarX2 } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { EmptyState } from "@/components/layout/empty-state";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { addDays, DEFAULT_PRESET, RANGE_PRESETS, type RangePreset } from "@/server/domain/dashboard/date-range";
import { CountriesCard } from "./countries-card";
import { DashboardSkeleton } from "./dashboard-skeleton";
import { DevicesChart } from "./devices-chart";
import { KpiCards } from "./kpi-cards";
import { MonthlyChart } from "./monthly-chart";
import { RangeToolbar, type RangeChoice } from "./range-toolbar";
import { RevenueChart } from "./revenue-chart";
import { TurnoverChart } from "./turnover-chart";
import { useDashboardFormat } from "./use-dashboard-format";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The range from the URL (?range=7d, or ?range=custom&from=…&to=…); anything unreadable falls back to this month. */
export function rangeFromSearch(params: URLSearchParams): RangeChoice {
  const preset = params.get("range");
  if (preset === "custom") {
    const from = params.get("from") ?? "";
    const to = params.get("to") ?? "";
    if (DAY.test(from) && DAY.test(to) && from <= to) return { preset, from, to };
    return { preset: DEFAULT_PRESET };
  }
  return (RANGE_PRESETS as readonly string[]).includes(preset ?? "") ? { preset: preset as RangePreset } : { preset: DEFAULT_PRESET };
}

export type DashboardAudience = "all" | "team" | "own";

/** The staff dashboard: range toolbar, KPI cards, then the charts in cards. The range lives in the URL. */
export function DashboardView({ audience }: { audience: DashboardAudience }) {
  const t = useTranslations("dashboard");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const format = useDashboardFormat();
  const choice = useMemo(() => rangeFromSearch(new URLSearchParams(search.toString())), [search]);
  const overview = useQuery({ ...trpc.dashboard.overview.queryOptions(choice), placeholderData: keepPreviousData });

  const choose = useCallback(
    (next: RangeChoice) => {
      const params = new URLSearchParams();
      if (next.preset !== DEFAULT_PRESET) params.set("range", next.preset);
      if (next.preset === "custom" && next.from && next.to) {
        params.set("from", next.from);
        params.set("to", next.to);
      }
      const query = params.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [pathname, router],
  );

  const data = overview.data;
  return (
    <div className="grid gap-6" data-testid="dashboard">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold">{t("greeting")}</h2>
          <p className="text-muted-foreground text-sm" data-testid="dashboard-scope">
            {t(`scope.${audience}`)}
          </p>
        </div>
        <RangeToolbar key={`${choice.preset}-${choice.from ?? ""}-${choice.to ?? ""}`} value={choice} resolved={data ? data.range : null} onChange={choose} format={format} />
      </div>

      {overview.isError && !data ? (
        <Alert variant="destructive">
          <AlertDescription className="flex items-center justify-between gap-3">
            {t("error", { message: overview.error.message })}
            <Button size="sm" variant="outline" onClick={() => void overview.refetch()}>
              {t("retry")}
            </Button>
          </AlertDescription>
        </Alert>
      ) : !data ? (
        <DashboardSkeleton />
      ) : (
        <div className={cn("grid gap-6 transition-opacity", overview.isPlaceholderData && "opacity-60")} aria-busy={overview.isFetching} data-testid="dashboard-content" data-range={`${data.range.from}..${data.range.to}`}>
          <KpiCards data={data} format={format} />
          {data.empty ? (
            <EmptyState icon={CalendarX2} title={t("empty.title")} description={t("empty.text", { from: format.dayLong(data.range.from), to: format.dayLong(data.range.to) })} testId="dashboard-empty" />
          ) : (
            <>
              <div className="grid gap-6 xl:grid-cols-3">
                <div className="xl:col-span-2">
                  <RevenueChart data={data} format={format} />
                </div>
                <CountriesCard data={data} format={format} />
              </div>
              <div className="grid gap-6 xl:grid-cols-3">
                <div className="xl:col-span-2">
                  <TurnoverChart data={data} format={format} />
                </div>
                <DevicesChart data={data} format={format} />
              </div>
              <MonthlyChart data={data} format={format} />
            </>
          )}
          <p className="text-muted-foreground text-xs" data-testid="dashboard-footer">
            {data.freshness.builtUntil
              ? t("footer", { ms: data.serverMs, day: format.dayLong(addDays(data.freshness.builtUntil, -1)) })
              : t("footerLive", { ms: data.serverMs })}
          </p>
        </div>
      )}
    </div>
  );
}
