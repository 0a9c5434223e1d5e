"use client";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardOverview } from "@/server/domain/dashboard/overview";
import { AXIS_TICK, ChartTooltipBox, GRID_STROKE, SERIES_COLORS } from "./chart-tooltip";
import type { DashboardFormat } from "./use-dashboard-format";

/** Approved, pending and declined sums for each of the last 14 days of the range. */
export function TurnoverChart({ data, format }: { data: DashboardOverview; format: DashboardFormat }) {
  const t = useTranslations("dashboard.turnover");
  const series = [
    { key: "approved", name: t("approved"), color: SERIES_COLORS.success },
    { key: "pending", name: t("pending"), color: SERIES_COLORS.warning },
    { key: "declined", name: t("declined"), color: SERIES_COLORS.danger },
  ] as const;
  return (
    <Card className="h-full gap-0 py-0" data-testid="widget-turnover">
      <CardHeader className="border-b py-4">
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("subtitle")}</CardDescription>
      </CardHeader>
      <CardContent className="min-h-80 flex-1 px-2 py-4">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.turnover} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} barGap={2}>
            <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(d: string) => format.dayShort(d)} tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} minTickGap={8} />
            <YAxis tickFormatter={(v: number) => format.compactMoney(v)} tick={AXIS_TICK} tickLine={false} axisLine={false} width={64} />
            <Tooltip
              cursor={{ fill: "var(--muted)", opacity: 0.5 }}
              content={({ active, payload, label }) =>
                active && payload?.length ? (
                  <ChartTooltipBox
                    title={format.dayLong(String(label))}
                    rows={series.map((s) => ({ name: s.name, color: s.color, value: format.money((payload[0]?.payload as DashboardOverview["turnover"][number])[s.key]) }))}
                  />
                ) : null
              }
            />
            <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12, paddingTop: 8 }} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} radius={[3, 3, 0, 0]} maxBarSize={14} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}
