"use client";
import { useQuery } from "@tanstack/react-query";
import { Download, Wallet } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { EmptyState } from "@/components/layout/empty-state";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** A statement's payout status: pending, or paid with its date and payment reference. */
export function PayoutBadge({ status, paidAt, reference }: { status: "pending" | "paid"; paidAt: string | null; reference: string | null }) {
  const t = useTranslations("supplierOrders.finance");
  return status === "paid" ? (
    <span className="inline-flex flex-col">
      <Badge className="w-fit bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200" data-testid="payout-status" data-status="paid">
        {t("paidStatus")}
      </Badge>
      <span className="text-muted-foreground text-xs">{t("paidOn", { date: paidAt ?? "", reference: reference ?? "" })}</span>
    </span>
  ) : (
    <Badge variant="secondary" className="bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200" data-testid="payout-status" data-status="pending">
      {t("pending")}
    </Badge>
  );
}

function StatementRows({ statementId }: { statementId: string }) {
  const t = useTranslations("supplierOrders.finance");
  const format = useFormatter();
  const money = useMoney();
  const trpc = useTRPC();
  const details = useQuery(trpc.supplierOrders.statement.queryOptions({ statementId }));
  if (!details.data) return <Skeleton className="h-24 w-full" />;
  const { statement, rows } = details.data;
  return (
    <Table data-testid="statement-rows">
      <TableHeader>
        <TableRow>
          <TableHead>{t("part")}</TableHead>
          <TableHead>{t("buyer")}</TableHead>
          <TableHead>{t("delivered")}</TableHead>
          <TableHead className="text-right">{t("sales")}</TableHead>
          <TableHead className="text-right">{t("commission")}</TableHead>
          <TableHead className="text-right">{t("payout")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{r.partNumber}</TableCell>
            <TableCell className="whitespace-normal">{r.companyName}</TableCell>
            <TableCell>{format.dateTime(r.deliveredAt, { dateStyle: "medium" })}</TableCell>
            <TableCell className="text-right">{money(r.salesMinor, statement.currency)}</TableCell>
            <TableCell className="text-right">{money(r.commissionMinor, statement.currency)}</TableCell>
            <TableCell className="text-right font-medium">{money(r.payoutMinor, statement.currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The supplier's finance page: what is due and paid, the monthly statements with their rows and XLSX. */
export function SupplierFinance() {
  const t = useTranslations("supplierOrders.finance");
  const format = useFormatter();
  const money = useMoney();
  const trpc = useTRPC();
  const statements = useQuery(trpc.supplierOrders.statements.queryOptions());
  const [openId, setOpenId] = useState<string | null>(null);
  if (!statements.data) return <Skeleton className="h-96 w-full" />;
  const { rows, dueMinor, paidMinor } = statements.data;
  const currency = rows[0]?.currency ?? "RUB";
  const month = (start: string) => format.dateTime(new Date(`${start}T00:00:00Z`), { month: "long", year: "numeric" });
  const selected = rows.find((r) => r.id === openId);
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Card data-testid="finance-due">
          <CardContent>
            <div className="text-muted-foreground text-xs font-medium uppercase">{t("due")}</div>
            <div className="mt-2 text-2xl font-semibold tabular-nums">{money(dueMinor, currency)}</div>
          </CardContent>
        </Card>
        <Card data-testid="finance-paid">
          <CardContent>
            <div className="text-muted-foreground text-xs font-medium uppercase">{t("paid")}</div>
            <div className="mt-2 text-2xl font-semibold tabular-nums">{money(paidMinor, currency)}</div>
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader className="border-b">
          <CardTitle>{t("statements")}</CardTitle>
        </CardHeader>
        <CardContent>
          {rows.length === 0 ? (
            <EmptyState icon={Wallet} title={t("empty")} description="" testId="statements-empty" />
          ) : (
            <Table data-testid="statements">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("period")}</TableHead>
                  <TableHead className="text-right">{t("parts")}</TableHead>
                  <TableHead className="text-right">{t("sales")}</TableHead>
                  <TableHead className="text-right">{t("commission")}</TableHead>
                  <TableHead className="text-right">{t("payout")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((s) => (
                  <TableRow key={s.id} data-testid="statement-row" data-period={s.periodStart.slice(0, 7)}>
                    <TableCell className="font-medium capitalize">{month(s.periodStart)}</TableCell>
                    <TableCell className="text-right">{s.partsCount}</TableCell>
                    <TableCell className="text-right">{money(s.salesMinor, s.currency)}</TableCell>
                    <TableCell className="text-right">{money(s.commissionMinor, s.currency)}</TableCell>
                    <TableCell className="text-right font-semibold">{money(s.payoutMinor, s.currency)}</TableCell>
                    <TableCell>
                      <PayoutBadge status={s.payoutStatus} paidAt={s.paidAt} reference={s.paymentReference} />
                    </TableCell>
                    <TableCell className="space-x-2 text-right">
                      <Button size="sm" variant="ghost" onClick={() => setOpenId(openId === s.id ? null : s.id)} data-testid="statement-open">
                        {t("open")}
                      </Button>
                      <Button asChild size="sm" variant="outline">
                        <a href={`/api/supplier/statements/${s.id}/xlsx`} data-testid="statement-xlsx">
                          <Download className="size-4" /> {t("download")}
                        </a>
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {selected && (
        <Card>
          <CardHeader className="border-b">
            <CardTitle className="capitalize">{t("rows", { period: month(selected.periodStart) })}</CardTitle>
          </CardHeader>
          <CardContent>
            <StatementRows statementId={selected.id} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
