"use client";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { formatMinor } from "@/components/companies/format";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CountAndTotals, OrderBucket } from "@/server/domain/statistics/order-buckets";

const BUCKETS: readonly OrderBucket[] = ["new", "inProcessing", "cancelled", "completed"];

/** The deep analytics (admins and directors): buyer activity and the managers' orders by state. */
export function DeepAnalyticsView({ from, to }: { from: string; to: string }) {
  const t = useTranslations("salesStats");
  const locale = useLocale();
  const trpc = useTRPC();
  const deep = useQuery(trpc.statistics.deep.queryOptions({ from, to }));
  const totals = (values: Record<string, number>) =>
    Object.entries(values)
      .map(([currency, minor]) => formatMinor(minor, currency, locale))
      .join(" · ") || "—";
  const cell = (v: CountAndTotals) => (
    <>
      <div className="tabular-nums">{v.orders}</div>
      <div className="text-muted-foreground text-xs tabular-nums">{v.orders ? totals(v.totals) : ""}</div>
    </>
  );
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
        <Card>
          <CardHeader className="border-b">
            <CardTitle>{t("deep.activityTitle")}</CardTitle>
            <CardDescription>{t("deep.activityHint")}</CardDescription>
          </CardHeader>
          <CardContent className="pt-4">
            <div className="overflow-x-auto rounded-md border">
              <Table data-testid="stats-deep-activity">
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
                      <TableCell className="text-right tabular-nums">{totals(d.activity[k].totals)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="border-b">
            <CardTitle>{t("deep.managersTitle")}</CardTitle>
            <CardDescription>{t("deep.managersHint")}</CardDescription>
          </CardHeader>
          <CardContent className="pt-4">
            <div className="overflow-x-auto rounded-md border">
              <Table data-testid="stats-deep-managers">
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
                      <TableCell className="text-right">{cell(m.processed)}</TableCell>
                      {BUCKETS.map((b) => (
                        <TableCell key={b} className="text-right">
                          {cell(m.byBucket[b])}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                  <TableRow className="bg-muted/50 font-semibold" data-testid="stats-deep-shop">
                    <TableCell>{t("deep.shop")}</TableCell>
                    <TableCell className="text-right">{cell(d.shop.processed)}</TableCell>
                    {BUCKETS.map((b) => (
                      <TableCell key={b} className="text-right">
                        {cell(d.shop.byBucket[b])}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableBody>
              </Table>
            </div>
          </CardContent>
        </Card>
      </div>
    </section>
  );
}
