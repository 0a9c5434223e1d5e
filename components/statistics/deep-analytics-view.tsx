"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CountAndTotals, OrderBucket } from "@/server/domain/statistics/order-buckets";
import { CurrencyTotals, StatsTableCard } from "./stats-table-card";

const BUCKETS: readonly OrderBucket[] = ["new", "inProcessing", "cancelled", "completed"];

/** The deep analytics (admins and directors): buyer activity and the managers' orders by state. */
export function DeepAnalyticsView({ from, to }: { from: string; to: string }) {
  const t = useTranslations("salesStats");
  const trpc = useTRPC();
  const deep = useQuery(trpc.statistics.deep.queryOptions({ from, to }));
  /** A processed column and one per state: a manager's row and the whole shop's alike. */
  const stateCells = (row: { processed: CountAndTotals; byBucket: Record<OrderBucket, CountAndTotals> }) =>
    [row.processed, ...BUCKETS.map((b) => row.byBucket[b])].map((v, i) => (
      <TableCell key={i} className="text-right">
        <div className="tabular-nums">{v.orders}</div>
        <div className="text-muted-foreground text-xs tabular-nums">{v.orders ? <CurrencyTotals totals={v.totals} /> : null}</div>
      </TableCell>
    ));
  if (deep.isPending) return <Skeleton className="mb-6 h-64 w-full" />;
  const d = deep.data;
  if (!d) return null;
  return (
    <section className="mb-6 grid gap-6" data-testid="stats-deep">
      <div className="flex items-center gap-2">
        <h2 className="text-lg font-semibold">{t("deep.title")}</h2>
        <Badge variant="secondary">{t("deep.adminsOnly")}</Badge>
      </div>
      <div className="grid gap-6">
        <StatsTableCard title={t("deep.activityTitle")} hint={t("deep.activityHint")} testId="stats-deep-activity">
          <TableHeader>
            <TableRow>
              <TableHead />
              <TableHead className="text-right">{t("deep.count")}</TableHead>
              <TableHead className="text-right">{t("deep.products")}</TableHead>
              <TableHead className="text-right">{t("col.sum")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(["carts", "quotes", "orders"] as const).map((k) => (
              <TableRow key={k}>
                <TableCell className="font-medium">{t(`deep.${k}`)}</TableCell>
                <TableCell className="text-right tabular-nums">{d.activity[k].count}</TableCell>
                <TableCell className="text-right tabular-nums">{d.activity[k].products}</TableCell>
                <TableCell className="text-right tabular-nums">
                  <CurrencyTotals totals={d.activity[k].totals} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </StatsTableCard>
        <StatsTableCard title={t("deep.managersTitle")} hint={t("deep.managersHint")} testId="stats-deep-managers">
          <TableHeader>
            <TableRow>
              <TableHead>{t("col.name")}</TableHead>
              <TableHead className="text-right">{t("deep.processed")}</TableHead>
              {BUCKETS.map((b) => (
                <TableHead key={b} className="text-right">
                  {t(`deep.bucket.${b}`)}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {d.perManager.map((m) => (
              <TableRow key={m.id ?? "none"}>
                <TableCell className="font-medium">{m.name || t("noManager")}</TableCell>
                {stateCells(m)}
              </TableRow>
            ))}
            <TableRow className="bg-muted/50 font-semibold" data-testid="stats-deep-shop">
              <TableCell>{t("deep.shop")}</TableCell>
              {stateCells(d.shop)}
            </TableRow>
          </TableBody>
        </StatsTableCard>
      </div>
    </section>
  );
}
