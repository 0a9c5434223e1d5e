"use client";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardOverview } from "@/server/domain/dashboard/overview";
import { AXIS_TICK, ChartTooltipBox, GRID_STROKE, SERIES_COLORS } from "./chart-tooltip";
import type { DashboardFormat } from "./use-dashboard-format";

/** Net earnings of the 12 calendar months ending with the range's last month; the last two are named above the chart. */
export function MonthlyChart({ data, format }: { data: DashboardOverview; format: DashboardFormat }) {
  const t = useTranslations("dashboard.monthly");
  const months = data.monthly;
  const current = months[months.length - 1];
  const previous = months[months.length - 2];
  return (
    <Card className="gap-0 py-0" data-testid="widget-monthly">
      <CardHeader className="border-b py-4">
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("subtitle")}</CardDescription>
      </CardHeader>
      <div className="grid grid-cols-2 border-b">
        {[
          { label: current ? format.monthLong(current.month) : t("thisMonth"), value: current?.netEarnings ?? 0 },
          { label: previous ? format.monthLong(previous.month) : t("lastMonth"), value: previous?.netEarnings ?? 0 },
        ].map((m) => (
          <div key={m.label} className="border-r border-dashed px-5 py-3 last:border-r-0">
            <div className="text-muted-foreground text-xs">{m.label}</div>
            <div className="text-lg font-semibold tabular-nums">{format.money(m.value)}</div>
          </div>
        ))}
      </div>
      <CardContent className="h-64 px-2 py-4">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={months} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tickFormatter={(m: string) => format.monthShort(m)} tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_STROKE }} />
            <YAxis tickFormatter={(v: number) => format.compactMoney(v)} tick={AXIS_TICK} tickLine={false} axisLine={false} width={64} />
            <Tooltip
              cursor={{ fill: "var(--muted)", opacity: 0.5 }}
              content={({ active, payload, label }) =>
                active && payload?.length ? (
                  <ChartTooltipBox title={format.monthLong(String(label))} rows={[{ name: t("title"), color: SERIES_COLORS.primary, value: format.money(Number(payload[0]?.value ?? 0)) }]} />
                ) : null
              }
            />
            <Bar dataKey="netEarnings" radius={[4, 4, 0, 0]} maxBarSize={36} isAnimationActive={false}>
              {months.map((m, i) => (
                <Cell key={m.month} fill={SERIES_COLORS.primary} fillOpacity={i === months.length - 1 ? 1 : 0.55} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}
