"use client";
import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, ChartTooltipBox, GRID_STROKE, SERIES_COLORS } from "@/components/dashboard/chart-tooltip";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export interface StatisticsPeriod {
  from: string;
  to: string;
  granularity: "day" | "week";
}

/** The supplier's sales for a period kept in the URL (?from&to&granularity): KPI cards, turnover chart, top products, CSV. */
export function SupplierStatistics({ period }: { period: StatisticsPeriod }) {
  const t = useTranslations("supplierOrders.stats");
  const format = useFormatter();
  const money = useMoney();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [draft, setDraft] = useState(period);
  const stats = useQuery(trpc.supplierOrders.statistics.queryOptions(period));
  const go = (next: StatisticsPeriod) => router.replace(`${pathname}?${new URLSearchParams({ ...next }).toString()}`);
  const query = new URLSearchParams({ ...period }).toString();
  const data = stats.data;
  const kpis = data
    ? [
        { key: "orders", label: t("orders"), value: format.number(data.orders) },
        { key: "revenue", label: t("revenue"), value: money(data.revenueMinor, data.currency) },
        { key: "average", label: t("average"), value: money(data.averageMinor, data.currency) },
        { key: "commission", label: t("commission"), value: money(data.commissionMinor, data.currency) },
      ]
    : [];
  return (
    <div className="space-y-4">
      <Card>
        <CardContent>
          <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => (e.preventDefault(), go(draft))} data-testid="stats-period">
            <label className="grid gap-1 text-xs">
              {t("from")}
              <Input type="date" className="w-40" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} data-testid="stats-from" />
            </label>
            <label className="grid gap-1 text-xs">
              {t("to")}
              <Input type="date" className="w-40" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} data-testid="stats-to" />
            </label>
            <div className="flex rounded-md border">
              {(["day", "week"] as const).map((g) => (
                <button
                  key={g}
                  type="button"
                  onClick={() => (setDraft({ ...draft, granularity: g }), go({ ...draft, granularity: g }))}
                  className={`px-3 py-1.5 text-sm ${period.granularity === g ? "bg-primary text-primary-foreground" : ""}`}
                  data-testid={`stats-${g}`}
                >
                  {t(g)}
                </button>
              ))}
            </div>
            <Button type="submit">{t("apply")}</Button>
            <Button asChild variant="outline" className="ml-auto">
              <a href={`/api/supplier/statistics?${query}`} data-testid="stats-csv">
                <Download className="size-4" /> {t("export")}
              </a>
            </Button>
          </form>
        </CardContent>
      </Card>
      {!data ? (
        <Skeleton className="h-96 w-full" />
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            {kpis.map((k) => (
              <Card key={k.key} data-testid={`kpi-${k.key}`}>
                <CardContent>
                  <div className="text-muted-foreground text-xs font-medium uppercase">{k.label}</div>
                  <div className="mt-2 text-2xl font-semibold tabular-nums" data-testid={`kpi-${k.key}-value`}>
                    {k.value}
                  </div>
                </CardContent>
              </Card>
            ))}
          </div>
          <Card className="gap-0 py-0">
            <CardHeader className="border-b py-4">
              <CardTitle>{t("turnover")}</CardTitle>
            </CardHeader>
            <CardContent className="h-80 px-2 py-4" data-testid="stats-chart">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data.series} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                  <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="bucket" tickFormatter={(d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { day: "numeric", month: "short" })} tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} minTickGap={8} />
                  <YAxis tickFormatter={(v: number) => format.number(v / 100, { notation: "compact" })} tick={AXIS_TICK} tickLine={false} axisLine={false} width={56} />
                  <Tooltip
                    cursor={{ fill: "var(--muted)", opacity: 0.5 }}
                    content={({ active, payload, label }) => {
                      const row = payload?.[0]?.payload as (typeof data.series)[number] | undefined;
                      return active && row ? (
                        <ChartTooltipBox
                          title={format.dateTime(new Date(`${String(label)}T00:00:00Z`), { dateStyle: "medium" })}
                          rows={[
                            { name: t("revenue"), color: SERIES_COLORS.primary, value: money(row.revenueMinor, data.currency) },
                            { name: t("orders"), color: SERIES_COLORS.success, value: String(row.orders) },
                          ]}
                        />
                      ) : null;
                    }}
                  />
                  <Bar dataKey="revenueMinor" name={t("revenue")} fill={SERIES_COLORS.primary} radius={[3, 3, 0, 0]} maxBarSize={24} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="border-b">
              <CardTitle>{t("topProducts")}</CardTitle>
            </CardHeader>
            <CardContent>
              {data.topProducts.length === 0 ? (
                <p className="text-muted-foreground text-sm">{t("empty")}</p>
              ) : (
                <Table data-testid="stats-top">
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("sku")}</TableHead>
                      <TableHead>{t("product")}</TableHead>
                      <TableHead className="text-right">{t("quantity")}</TableHead>
                      <TableHead className="text-right">{t("ordersCount")}</TableHead>
                      <TableHead className="text-right">{t("revenueCol")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.topProducts.map((p) => (
                      <TableRow key={p.sku}>
                        <TableCell className="font-mono text-xs">{p.sku}</TableCell>
                        <TableCell className="whitespace-normal">{p.name}</TableCell>
                        <TableCell className="text-right">{format.number(p.quantity)}</TableCell>
                        <TableCell className="text-right">{p.orders}</TableCell>
                        <TableCell className="text-right font-medium">{money(p.revenueMinor, data.currency)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </>
      )}
    </div>
  );
}
