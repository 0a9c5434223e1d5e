"use client";
import { useQuery } from "@tanstack/react-query";
import { Download, Info } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMinor } from "@/components/companies/format";
import { AXIS_TICK, GRID_STROKE, SERIES_COLORS } from "@/components/dashboard/chart-tooltip";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip as HintTooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { DeepAnalyticsView } from "./deep-analytics-view";
import { CurrencyTotals, StatsTableCard } from "./stats-table-card";

/** The live feed refreshes on its own: a new order or registration shows within this time. */
const FEED_POLL_MS = 20_000;

function PerformanceTable({ title, rows, emptyName, testId }: { title: string; rows: Array<{ id: string | null; name: string; companies: number; orders: number; totals: Record<string, number> }>; emptyName: string; testId: string }) {
  const t = useTranslations("salesStats");
  return (
    <StatsTableCard title={title} testId={testId}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("col.name")}</TableHead>
          <TableHead className="text-right">{t("col.companies")}</TableHead>
          <TableHead className="text-right">{t("col.orders")}</TableHead>
          <TableHead className="text-right">{t("col.sum")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id ?? "none"}>
            <TableCell className="font-medium">{r.name || emptyName}</TableCell>
            <TableCell className="text-right tabular-nums">{r.companies}</TableCell>
            <TableCell className="text-right tabular-nums">{r.orders}</TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              <CurrencyTotals totals={r.totals} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </StatsTableCard>
  );
}

function LiveFeed() {
  const t = useTranslations("salesStats");
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const feed = useQuery({ ...trpc.statistics.feed.queryOptions(), refetchInterval: FEED_POLL_MS });
  const variant = { order: "success", user: "info", application: "warning" } as const;
  return (
    <Card className="h-full">
      <CardHeader className="border-b">
        <CardTitle>{t("feedTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="pt-2">
        <ul className="divide-y" data-testid="live-feed">
          {feed.data?.map((item) => (
            <li key={`${item.kind}-${item.id}`} className="flex items-center gap-3 py-2.5">
              <Badge variant={variant[item.kind]}>{t(`feed.${item.kind}`)}</Badge>
              <div className="min-w-0 flex-1">
                <div className="truncate text-sm font-medium">{item.title}</div>
                <div className="text-muted-foreground truncate text-xs">{item.subtitle}</div>
              </div>
              <div className="text-right text-xs">
                {item.amountMinor !== null && item.currency && <div className="font-medium tabular-nums">{formatMinor(item.amountMinor, item.currency, locale)}</div>}
                <div className="text-muted-foreground">{format.relativeTime(new Date(item.at))}</div>
              </div>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

/**
 * Sales statistics of the user's scope over a date range kept in the URL (?from&to), with charts
 * and export; the deep analytics below them for those who may see them.
 */
export function SalesStatsView({ showDeep }: { showDeep: boolean }) {
  const t = useTranslations("salesStats");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  const stats = useQuery(trpc.statistics.sales.queryOptions({ from, to }));
  const [draft, setDraft] = useState<{ from: string; to: string } | null>(null);
  const range = draft ?? { from: stats.data?.range.from ?? from ?? "", to: stats.data?.range.to ?? to ?? "" };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (range.from) next.set("from", range.from);
    if (range.to) next.set("to", range.to);
    router.replace(`${pathname}?${next.toString()}`);
    setDraft(null);
  };
  const exportHref = (fmt: "csv" | "xlsx") => `/api/statistics/export?${new URLSearchParams({ format: fmt, ...(stats.data ? { from: stats.data.range.from, to: stats.data.range.to } : {}) }).toString()}`;
  const d = stats.data;
  const main = d?.byCurrency[0];
  const money = (minor: number) => formatMinor(minor, d?.mainCurrency ?? "RUB", locale);
  const kpis: Array<{ key: string; value: string; hint?: string; help?: string }> = d
    ? [
        { key: "orders", value: format.number(d.orders) },
        { key: "sum", value: main ? money(main.totalMinor) : "—", hint: d.byCurrency.slice(1).map((c) => formatMinor(c.totalMinor, c.currency, locale)).join(" · ") },
        { key: "averageCheck", value: main ? money(main.averageCheckMinor) : "—" },
        { key: "newUsers", value: format.number(d.newUsers) },
        { key: "buyersWhoOrdered", value: format.number(d.buyersWhoOrdered) },
        { key: "averageOrders", value: format.number(d.averageOrders, { maximumFractionDigits: 2 }), help: t("help.averageOrders") },
        {
          key: "engagement",
          value: `${format.number(d.engagement.percent)}%`,
          hint: t("ofBuyers", { count: d.engagement.active, total: d.engagement.buyers }),
          help: t("help.engagement"),
        },
        { key: "bounce", value: `${format.number(d.bounce.percent)}%`, hint: t("ofCarted", { count: d.bounce.bounced, total: d.bounce.carted }), help: t("help.bounce") },
        { key: "invoiced", value: `${d.invoicedShare}%` },
        { key: "shipped", value: `${d.shippedShare}%` },
        { key: "carts", value: format.number(d.carts.count) },
        { key: "quotes", value: format.number(d.quotes.count), hint: d.quotes.totalMinor ? money(d.quotes.totalMinor) : undefined },
      ]
    : [];
  return (
    <>
      <Card className="mb-6 py-4">
        <CardContent className="px-5">
          <form onSubmit={apply} className="flex flex-wrap items-end gap-3" data-testid="stats-range">
            <div className="grid gap-1">
              <Label htmlFor="statsFrom">{t("from")}</Label>
              <Input id="statsFrom" type="date" value={range.from} onChange={(e) => setDraft({ ...range, from: e.target.value })} />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="statsTo">{t("to")}</Label>
              <Input id="statsTo" type="date" value={range.to} onChange={(e) => setDraft({ ...range, to: e.target.value })} />
            </div>
            <Button type="submit">{t("apply")}</Button>
            <div className="flex-1" />
            <Button asChild variant="outline">
              <a href={exportHref("csv")} data-testid="export-csv">
                <Download className="size-4" />
                {t("exportCsv")}
              </a>
            </Button>
            <Button asChild variant="outline">
              <a href={exportHref("xlsx")} data-testid="export-xlsx">
                <Download className="size-4" />
                {t("exportXlsx")}
              </a>
            </Button>
          </form>
        </CardContent>
      </Card>
      {stats.isPending && <Skeleton className="h-96 w-full" />}
      {d && (
        <>
          <div className="mb-6 grid gap-4 sm:grid-cols-3 xl:grid-cols-6">
            {kpis.map((k) => (
              <Card key={k.key} className="py-4">
                <CardContent className="px-4">
                  <div className="text-muted-foreground flex items-center gap-1 text-[11px] font-medium uppercase">
                    {t(`kpi.${k.key}`)}
                    {k.help && (
                      <HintTooltip>
                        <TooltipTrigger asChild>
                          <button type="button" className="hover:text-foreground" aria-label={k.help} data-testid={`stats-help-${k.key}`}>
                            <Info className="size-3.5" />
                          </button>
                        </TooltipTrigger>
                        <TooltipContent className="max-w-72 normal-case">{k.help}</TooltipContent>
                      </HintTooltip>
                    )}
                  </div>
                  <div className="mt-1.5 text-lg font-semibold tabular-nums" data-testid={`stats-kpi-${k.key}`}>
                    {k.value}
                  </div>
                  {k.hint && <div className="text-muted-foreground text-[11px]">{k.hint}</div>}
                </CardContent>
              </Card>
            ))}
          </div>
          <div className="mb-6 grid gap-6 xl:grid-cols-3">
            <Card className="xl:col-span-2" data-testid="stats-daily-chart">
              <CardHeader className="border-b">
                <CardTitle>{t("dailyTitle")}</CardTitle>
              </CardHeader>
              <CardContent className="h-80 px-2 py-4">
                <ResponsiveContainer width="100%" height="100%">
                  <ComposedChart data={d.daily} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                    <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="day" tick={AXIS_TICK} tickLine={false} minTickGap={16} />
                    <YAxis yAxisId="sum" tickFormatter={(v: number) => format.number(v / 100, { notation: "compact" })} tick={AXIS_TICK} tickLine={false} axisLine={false} width={56} />
                    <YAxis yAxisId="orders" orientation="right" allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={36} />
                    <Tooltip formatter={(value, name) => (name === t("sumSeries") ? money(Number(value)) : String(value))} />
                    <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
                    <Bar yAxisId="orders" dataKey="orders" name={t("ordersSeries")} fill={SERIES_COLORS.primary} radius={[3, 3, 0, 0]} maxBarSize={24} isAnimationActive={false} />
                    <Line yAxisId="sum" type="monotone" dataKey="totalMinor" name={t("sumSeries")} stroke={SERIES_COLORS.success} strokeWidth={2} dot={false} isAnimationActive={false} />
                  </ComposedChart>
                </ResponsiveContainer>
              </CardContent>
            </Card>
            <Card data-testid="stats-funnel">
              <CardHeader className="border-b">
                <CardTitle>{t("funnelTitle")}</CardTitle>
              </CardHeader>
              <CardContent className="h-80 px-2 py-4">
                <ResponsiveContainer width="100%" height="75%">
                  <BarChart data={d.funnel.map((f) => ({ ...f, label: t(`funnel.${f.step}`) }))} layout="vertical" margin={{ left: 16, right: 16 }}>
                    <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
                    <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={110} />
                    <Tooltip />
                    <Bar dataKey="count" fill={SERIES_COLORS.info} radius={[0, 3, 3, 0]} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
                <ul className="text-muted-foreground mt-2 grid gap-1 px-3 text-xs">
                  {d.funnel.slice(1).map((f) => (
                    <li key={f.step}>
                      {t(`funnel.${f.step}`)}: {t("ofPrevious", { value: f.ofPrevious })}
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          </div>
          <div className="mb-6 grid gap-6 2xl:grid-cols-2">
            <PerformanceTable title={t("perManager")} rows={d.perManager} emptyName={t("noManager")} testId="stats-managers" />
            <PerformanceTable title={t("perRegion")} rows={d.perRegion} emptyName={t("noRegion")} testId="stats-regions" />
            <div className="2xl:col-span-2">
              <LiveFeed />
            </div>
          </div>
          {showDeep && <DeepAnalyticsView from={d.range.from} to={d.range.to} />}
        </>
      )}
    </>
  );
}
