"use client";
import { useTranslations } from "next-intl";
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardOverview } from "@/server/domain/dashboard/overview";
import { AXIS_TICK, ChartTooltipBox, GRID_STROKE, SERIES_COLORS } from "./chart-tooltip";
import type { DashboardFormat } from "./use-dashboard-format";

/** Revenue per day, week or month: paid orders (bars, right axis), net earnings, declines and refunds (US dollars). */
export function RevenueChart({ data, format }: { data: DashboardOverview; format: DashboardFormat }) {
  const t = useTranslations("dashboard.revenue");
  const bucket = data.range.bucket;
  const label = (start: string) => (bucket === "month" ? format.monthYear(start) : format.dayShort(start));
  const title = (start: string) => (bucket === "month" ? format.monthLong(start) : bucket === "week" ? t("weekOf", { day: format.dayLong(start) }) : format.dayLong(start));
  const totals = data.revenue.reduce(
    (sum, b) => ({ paidOrders: sum.paidOrders + b.paidOrders, netEarnings: sum.netEarnings + b.netEarnings, declines: sum.declines + b.declines, refunds: sum.refunds + b.refunds }),
    { paidOrders: 0, netEarnings: 0, declines: 0, refunds: 0 },
  );
  const series = [
    { key: "paidOrders", name: t("orders"), color: SERIES_COLORS.primary, value: format.count(totals.paidOrders) },
    { key: "netEarnings", name: t("netEarnings"), color: SERIES_COLORS.success, value: format.money(totals.netEarnings) },
    { key: "declines", name: t("declines"), color: SERIES_COLORS.danger, value: format.money(totals.declines) },
    { key: "refunds", name: t("refunds"), color: SERIES_COLORS.warning, value: format.money(totals.refunds) },
  ] as const;
  return (
    <Card className="h-full gap-0 py-0" data-testid="widget-revenue">
      <CardHeader className="flex flex-row items-center justify-between border-b py-4">
        <CardTitle>{t("title")}</CardTitle>
        <span className="text-muted-foreground text-xs">{t(`bucket.${bucket}`)}</span>
      </CardHeader>
      <div className="bg-muted/40 grid grid-cols-2 border-b sm:grid-cols-4">
        {series.map((s) => (
          <div key={s.key} className="border-r border-dashed px-4 py-3 text-center last:border-r-0">
            <div className="text-base font-semibold tabular-nums" data-testid={`revenue-total-${s.key}`}>
              {s.value}
            </div>
            <div className="text-muted-foreground text-xs">{s.name}</div>
          </div>
        ))}
      </div>
      <CardContent className="min-h-80 flex-1 px-2 py-4">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data.revenue} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="start" tickFormatter={label} tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} minTickGap={16} />
            <YAxis yAxisId="usd" tickFormatter={(v: number) => format.compactMoney(v)} tick={AXIS_TICK} tickLine={false} axisLine={false} width={64} />
            <YAxis yAxisId="orders" orientation="right" allowDecimals={false} tickFormatter={(v: number) => format.compactCount(v)} tick={AXIS_TICK} tickLine={false} axisLine={false} width={44} />
            <Tooltip
              cursor={{ fill: "var(--muted)", opacity: 0.5 }}
              content={({ active, payload, label: start }) =>
                active && payload?.length ? (
                  <ChartTooltipBox
                    title={title(String(start))}
                    rows={series.map((s) => {
                      const row = payload[0]?.payload as DashboardOverview["revenue"][number];
                      return { name: s.name, color: s.color, value: s.key === "paidOrders" ? format.count(row.paidOrders) : format.money(row[s.key]) };
                    })}
                  />
                ) : null
              }
            />
            <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12, paddingTop: 8 }} />
            <Bar yAxisId="orders" dataKey="paidOrders" name={t("orders")} fill={SERIES_COLORS.primary} radius={[3, 3, 0, 0]} maxBarSize={28} fillOpacity={0.85} isAnimationActive={false} />
            <Area yAxisId="usd" type="monotone" dataKey="netEarnings" name={t("netEarnings")} stroke={SERIES_COLORS.success} fill={SERIES_COLORS.success} fillOpacity={0.12} strokeWidth={2} isAnimationActive={false} />
            <Line yAxisId="usd" type="monotone" dataKey="declines" name={t("declines")} stroke={SERIES_COLORS.danger} strokeWidth={2} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
            <Line yAxisId="usd" type="monotone" dataKey="refunds" name={t("refunds")} stroke={SERIES_COLORS.warning} strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}
