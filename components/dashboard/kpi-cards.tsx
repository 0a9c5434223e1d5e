"use client";
import { ArrowDownRight, ArrowUpRight, BadgeCheck, DollarSign, ShoppingBag, Wallet, Coins, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { DashboardOverview, Kpi } from "@/server/domain/dashboard/overview";
import type { DashboardFormat } from "./use-dashboard-format";

type Tone = "primary" | "success" | "info" | "warning";

const TONES: Record<Tone, string> = {
  primary: "bg-primary/10 text-primary",
  success: "bg-success/15 text-success",
  info: "bg-info/15 text-info",
  warning: "bg-warning/20 text-warning",
};

function Delta({ kpi }: { kpi: Kpi }) {
  if (kpi.deltaPercent === null) return null;
  const up = kpi.deltaPercent >= 0;
  const Arrow = up ? ArrowUpRight : ArrowDownRight;
  return (
    <span className={cn("flex shrink-0 items-center gap-0.5 text-xs font-medium whitespace-nowrap", up ? "text-success" : "text-destructive")} data-testid="kpi-delta">
      <Arrow className="size-3.5" />
      {kpi.deltaPercent > 0 ? "+" : ""}
      {kpi.deltaPercent.toFixed(2)} %
    </span>
  );
}

function KpiCard({
  id,
  title,
  value,
  hint,
  icon: Icon,
  tone,
  kpi,
  comparedWith,
}: {
  id: string;
  title: string;
  value: string;
  hint: string;
  icon: LucideIcon;
  tone: Tone;
  kpi?: Kpi;
  comparedWith?: string;
}) {
  return (
    <Card className="gap-0 py-5" data-testid={`kpi-${id}`}>
      <CardContent className="flex h-full flex-col px-5">
        <div className="flex items-start justify-between gap-2">
          <p className="text-muted-foreground pt-1 text-xs font-medium tracking-wide uppercase">{title}</p>
          <div className={cn("grid size-10 shrink-0 place-items-center rounded-md", TONES[tone])}>
            <Icon className="size-5" />
          </div>
        </div>
        <h3 className="mt-2 text-2xl font-semibold tracking-tight whitespace-nowrap tabular-nums" data-testid={`kpi-${id}-value`}>
          {value}
        </h3>
        <div className="mt-auto flex items-start gap-2 pt-2">
          {kpi && <Delta kpi={kpi} />}
          <p className="text-muted-foreground line-clamp-2 text-xs" title={hint}>
            {comparedWith ?? hint}
          </p>
        </div>
      </CardContent>
    </Card>
  );
}

/** The row of KPI cards: total sales, net earnings, orders, approved orders, balance. */
export function KpiCards({ data, format }: { data: DashboardOverview; format: DashboardFormat }) {
  const t = useTranslations("dashboard.kpi");
  const { kpis, range } = data;
  const compared = (kpi: Kpi) =>
    kpi.deltaPercent === null ? undefined : t("vsPrevious", { from: format.dayShort(range.previousFrom), to: format.dayShort(range.previousTo) });
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
      <KpiCard id="total-sales" title={t("totalSales")} value={format.money(kpis.totalSales.value)} hint={t("totalSalesHint")} icon={DollarSign} tone="primary" kpi={kpis.totalSales} comparedWith={compared(kpis.totalSales)} />
      <KpiCard id="net-earnings" title={t("netEarnings")} value={format.money(kpis.netEarnings.value)} hint={t("netEarningsHint")} icon={Coins} tone="success" kpi={kpis.netEarnings} comparedWith={compared(kpis.netEarnings)} />
      <KpiCard id="orders" title={t("orders")} value={format.count(kpis.orders.value)} hint={t("ordersHint")} icon={ShoppingBag} tone="info" kpi={kpis.orders} comparedWith={compared(kpis.orders)} />
      <KpiCard id="approved-orders" title={t("approvedOrders")} value={format.count(kpis.approvedOrders.value)} hint={t("approvedOrdersHint")} icon={BadgeCheck} tone="success" kpi={kpis.approvedOrders} comparedWith={compared(kpis.approvedOrders)} />
      <KpiCard id="balance" title={t("balance")} value={format.money(kpis.balanceUsdMinor)} hint={t("balanceHint")} icon={Wallet} tone="warning" />
    </div>
  );
}
