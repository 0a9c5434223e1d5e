"use client";
import { useTranslations } from "next-intl";
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardOverview } from "@/server/domain/dashboard/overview";
import { ChartTooltipBox, SERIES_COLORS } from "./chart-tooltip";
import type { DashboardFormat } from "./use-dashboard-format";

const DEVICE_COLORS: Record<string, string> = {
  desktop: SERIES_COLORS.primary,
  mobile: SERIES_COLORS.success,
  tablet: SERIES_COLORS.warning,
  unknown: "var(--muted-foreground)",
};
const KNOWN = new Set(["desktop", "mobile", "tablet", "unknown"]);

/** The share of orders by the buyer's device type, as a donut with a legend. */
export function DevicesChart({ data, format }: { data: DashboardOverview; format: DashboardFormat }) {
  const t = useTranslations("dashboard.devices");
  const total = data.devices.reduce((sum, d) => sum + d.orders, 0);
  const rows = data.devices.map((d) => ({
    ...d,
    name: KNOWN.has(d.device) ? t(d.device as "desktop") : d.device,
    color: DEVICE_COLORS[d.device] ?? SERIES_COLORS.info,
    share: total > 0 ? (d.orders / total) * 100 : 0,
  }));
  return (
    <Card className="gap-0 py-0" data-testid="widget-devices">
      <CardHeader className="border-b py-4">
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("subtitle")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 px-5 py-5">
        <div className="h-52">
          <ResponsiveContainer width="100%" height="100%">
            <PieChart>
              <Pie data={rows} dataKey="orders" nameKey="name" innerRadius="62%" outerRadius="92%" paddingAngle={2} stroke="var(--card)" isAnimationActive={false}>
                {rows.map((row) => (
                  <Cell key={row.device} fill={row.color} />
                ))}
              </Pie>
              <Tooltip
                content={({ active, payload }) => {
                  const row = payload?.[0]?.payload as (typeof rows)[number] | undefined;
                  return active && row ? <ChartTooltipBox title={row.name} rows={[{ name: t("orders", { count: row.orders }), color: row.color, value: format.percent(row.share).replace(/^\+/, "") }]} /> : null;
                }}
              />
            </PieChart>
          </ResponsiveContainer>
        </div>
        <ul className="grid gap-2 text-sm">
          {rows.map((row) => (
            <li key={row.device} className="flex items-center justify-between gap-2" data-testid="device-row">
              <span className="flex items-center gap-2">
                <span className="size-2.5 rounded-full" style={{ background: row.color }} />
                {row.name}
              </span>
              <span className="text-muted-foreground font-mono text-xs tabular-nums">
                {format.count(row.orders)} · {format.percent(row.share).replace(/^\+/, "")}
              </span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
