"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

function Figure({ label, value, alert = false, testId }: { label: string; value: string; alert?: boolean; testId?: string }) {
  return (
    <div className="space-y-0.5" data-testid={testId}>
      <div className="text-muted-foreground text-xs">{label}</div>
      <div className={cn("text-lg font-semibold", alert && "text-destructive")}>{value}</div>
    </div>
  );
}

/** The balance figures; `compact` is the widget on the cabinet's home, otherwise the full page with the schedule. */
export function BalanceView({ compact = false }: { compact?: boolean }) {
  const t = useTranslations("ordering.balance");
  const money = useMoney();
  const format = useFormatter();
  const trpc = useTRPC();
  const balance = useQuery(trpc.ordering.balance.queryOptions());
  const [period, setPeriod] = useState({ from: "", to: "" });
  const reconcile = useMutation(trpc.ordering.requestReconciliation.mutationOptions({ onSuccess: () => toast.success(t("requested")), onError: (e) => toast.error(formErrorOf(e).message) }));
  if (balance.isPending) return <Skeleton className="h-32 w-full" />;
  const b = balance.data;
  const body = !b ? (
    <p className="text-muted-foreground text-sm">{t("noCompany")}</p>
  ) : !b.finances ? (
    <div className="space-y-2">
      <Figure label={t("priceType")} value={b.priceType ?? "—"} />
      <p className="text-muted-foreground text-sm">{t("restricted")}</p>
    </div>
  ) : (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4" data-testid="balance-figures">
        <Figure label={t("priceType")} value={b.priceType ?? "—"} />
        <Figure label={t("creditLimit")} value={b.creditLimitMinor === null ? t("noCredit") : money(b.creditLimitMinor, b.currency)} testId="balance-limit" />
        <Figure label={t("debt")} value={money(b.debtMinor, b.currency)} testId="balance-debt" />
        <Figure label={t("overdue")} value={money(b.overdueDebtMinor, b.currency)} alert={b.overdueDebtMinor > 0} testId="balance-overdue" />
        <Figure label={t("daysOverdue")} value={String(b.daysOverdue)} alert={b.daysOverdue > 0} />
        <Figure label={t("openOrders")} value={money(b.openOrdersMinor, b.currency)} />
        <Figure label={t("available")} value={b.availableMinor === null ? "—" : money(b.availableMinor, b.currency)} alert={(b.availableMinor ?? 0) < 0} />
        <Figure label={t("bonuses")} value={money(b.bonusesMinor, b.currency)} />
      </div>
      {!compact && (
        <div className="space-y-2">
          <h3 className="font-medium">{t("schedule")}</h3>
          {b.paymentSchedule.length === 0 ? (
            <p className="text-muted-foreground text-sm">{t("noSchedule")}</p>
          ) : (
            <Table data-testid="payment-schedule">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("dueDate")}</TableHead>
                  <TableHead className="text-right">{t("amount")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {b.paymentSchedule.map((p) => (
                  <TableRow key={p.dueDate + p.amountMinor}>
                    <TableCell>{format.dateTime(new Date(`${p.dueDate}T00:00:00Z`), { dateStyle: "medium" })}</TableCell>
                    <TableCell className="text-right">{money(p.amountMinor, b.currency)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
      )}
    </div>
  );
  return (
    <Card data-testid={compact ? "balance-widget" : "balance-page"}>
      <CardHeader className="flex flex-row items-center justify-between">
        <CardTitle>{compact ? t("widget") : (b?.companyName ?? t("title"))}</CardTitle>
        {compact && (
          <Link href="/b2b/balance" className="text-primary text-sm">
            {t("details")}
          </Link>
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        {body}
        {!compact && b && (
          <form
            className="flex flex-wrap items-end gap-2 border-t pt-3"
            onSubmit={(e) => {
              e.preventDefault();
              reconcile.mutate(period);
            }}
          >
            <span className="text-sm font-medium">{t("reconciliation")}</span>
            <Input type="date" className="w-40" aria-label={t("from")} value={period.from} onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))} required />
            <Input type="date" className="w-40" aria-label={t("to")} value={period.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))} required />
            <Button type="submit" variant="outline" disabled={reconcile.isPending}>
              {t("request")}
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
