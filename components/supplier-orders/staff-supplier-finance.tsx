"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PayoutBadge } from "./supplier-finance";

const SELECT = "border-input bg-background h-9 rounded-md border px-3 text-sm";
const percentOf = (bp: number) => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)} %`;

function CommissionRules() {
  const t = useTranslations("supplierOrders.staff");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules = useQuery(trpc.supplierOrders.commissionRules.queryOptions());
  const targets = useQuery(trpc.supplierOrders.commissionTargets.queryOptions());
  const [target, setTarget] = useState<"default" | "supplier" | "category">("supplier");
  const [ref, setRef] = useState("");
  const [percent, setPercent] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.supplierOrders.commissionRules.queryKey() });
  const onError = (e: unknown) => toast.error(formErrorOf(e).message);
  const save = useMutation(trpc.supplierOrders.saveCommissionRule.mutationOptions({ onSuccess: async () => (setPercent(""), refresh()), onError }));
  const remove = useMutation(trpc.supplierOrders.deleteCommissionRule.mutationOptions({ onSuccess: refresh, onError }));
  const options = target === "supplier" ? (targets.data?.suppliers ?? []) : target === "category" ? (targets.data?.categories ?? []) : [];
  return (
    <Card>
      <CardHeader className="border-b">
        <CardTitle>{t("rules")}</CardTitle>
        <CardDescription>{t("rulesHint")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {!rules.data ? (
          <Skeleton className="h-24 w-full" />
        ) : rules.data.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("noRules")}</p>
        ) : (
          <Table data-testid="commission-rules">
            <TableHeader>
              <TableRow>
                <TableHead>{t("target")}</TableHead>
                <TableHead className="text-right">{t("percent")}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {rules.data.map((r) => (
                <TableRow key={r.id} data-testid="commission-rule">
                  <TableCell>{r.supplierName ? `${t("supplier")}: ${r.supplierName}` : r.categoryName ? `${t("category")}: ${r.categoryName}` : t("default")}</TableCell>
                  <TableCell className="text-right font-medium">{percentOf(r.percentBp)}</TableCell>
                  <TableCell className="text-right">
                    <Button size="icon" variant="ghost" aria-label={t("delete")} onClick={() => remove.mutate({ ruleId: r.id })}>
                      <Trash2 className="size-4" />
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <form
          className="flex flex-wrap items-end gap-2 border-t pt-3"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ target, percent, supplierId: target === "supplier" ? ref || undefined : undefined, categoryId: target === "category" ? ref || undefined : undefined });
          }}
        >
          <select className={SELECT} value={target} onChange={(e) => (setTarget(e.target.value as typeof target), setRef(""))} aria-label={t("target")} data-testid="rule-target">
            <option value="default">{t("default")}</option>
            <option value="supplier">{t("supplier")}</option>
            <option value="category">{t("category")}</option>
          </select>
          {target !== "default" && (
            <select className={`${SELECT} max-w-72`} value={ref} onChange={(e) => setRef(e.target.value)} aria-label={target === "supplier" ? t("supplier") : t("category")} data-testid="rule-ref">
              <option value="">—</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
          <Input className="w-28" placeholder="10.5" aria-label={t("percent")} value={percent} onChange={(e) => setPercent(e.target.value)} data-testid="rule-percent" />
          <Button type="submit" disabled={save.isPending} data-testid="rule-save">
            {t("save")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

function MarkPaid({ statementId, onDone }: { statementId: string; onDone: () => void }) {
  const t = useTranslations("supplierOrders.staff");
  const trpc = useTRPC();
  const [paidAt, setPaidAt] = useState(new Date().toISOString().slice(0, 10));
  const [reference, setReference] = useState("");
  const mark = useMutation(trpc.supplierOrders.markPaid.mutationOptions({ onSuccess: onDone, onError: (e) => toast.error(formErrorOf(e).message) }));
  return (
    <form className="flex flex-wrap items-center justify-end gap-1" onSubmit={(e) => (e.preventDefault(), mark.mutate({ statementId, paidAt, reference }))}>
      <Input type="date" className="h-8 w-36" aria-label={t("paidAt")} value={paidAt} onChange={(e) => setPaidAt(e.target.value)} />
      <Input className="h-8 w-32" placeholder={t("reference")} aria-label={t("reference")} value={reference} onChange={(e) => setReference(e.target.value)} data-testid="paid-reference" />
      <Button size="sm" type="submit" disabled={mark.isPending} data-testid="mark-paid">
        {t("markPaid")}
      </Button>
    </form>
  );
}

function Statements() {
  const t = useTranslations("supplierOrders.staff");
  const tf = useTranslations("supplierOrders.finance");
  const format = useFormatter();
  const money = useMoney();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<"" | "pending" | "paid">("");
  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const [period, setPeriod] = useState(lastMonth);
  const list = useQuery(trpc.supplierOrders.allStatements.queryOptions({ status: status || undefined }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.supplierOrders.allStatements.queryKey() });
  const generate = useMutation(
    trpc.supplierOrders.generateStatements.mutationOptions({
      onSuccess: async (r) => (toast.success(t("generated", { count: r.length })), refresh()),
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b">
        <CardTitle>{t("statements")}</CardTitle>
        <form className="flex flex-wrap items-center gap-2" onSubmit={(e) => (e.preventDefault(), generate.mutate({ period }))}>
          <select className={SELECT} value={status} onChange={(e) => setStatus(e.target.value as typeof status)} aria-label={tf("status")}>
            <option value="">{t("allStatuses")}</option>
            <option value="pending">{tf("pending")}</option>
            <option value="paid">{tf("paidStatus")}</option>
          </select>
          <Input type="month" className="w-40" aria-label={t("month")} value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="generate-period" />
          <Button type="submit" disabled={generate.isPending} data-testid="generate-statements">
            {t("generate")}
          </Button>
        </form>
      </CardHeader>
      <CardContent>
        {!list.data ? (
          <Skeleton className="h-24 w-full" />
        ) : list.data.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("noStatements")}</p>
        ) : (
          <Table data-testid="staff-statements">
            <TableHeader>
              <TableRow>
                <TableHead>{t("supplierCol")}</TableHead>
                <TableHead>{tf("period")}</TableHead>
                <TableHead className="text-right">{tf("parts")}</TableHead>
                <TableHead className="text-right">{tf("sales")}</TableHead>
                <TableHead className="text-right">{tf("commission")}</TableHead>
                <TableHead className="text-right">{tf("payout")}</TableHead>
                <TableHead>{tf("status")}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.map((s) => (
                <TableRow key={s.id} data-testid="staff-statement" data-supplier={s.supplierName} data-period={s.periodStart.slice(0, 7)}>
                  <TableCell className="whitespace-normal">{s.supplierName}</TableCell>
                  <TableCell className="capitalize">{format.dateTime(new Date(`${s.periodStart}T00:00:00Z`), { month: "long", year: "numeric" })}</TableCell>
                  <TableCell className="text-right">{s.partsCount}</TableCell>
                  <TableCell className="text-right">{money(s.salesMinor, s.currency)}</TableCell>
                  <TableCell className="text-right">{money(s.commissionMinor, s.currency)}</TableCell>
                  <TableCell className="text-right font-semibold">{money(s.payoutMinor, s.currency)}</TableCell>
                  <TableCell>
                    <PayoutBadge status={s.payoutStatus} paidAt={s.paidAt} reference={s.paymentReference} />
                  </TableCell>
                  <TableCell className="text-right">
                    <div className="flex items-center justify-end gap-1">
                      {s.payoutStatus === "pending" && <MarkPaid statementId={s.id} onDone={refresh} />}
                      <Button asChild size="icon" variant="ghost" aria-label={tf("download")}>
                        <a href={`/api/supplier/statements/${s.id}/xlsx`}>
                          <Download className="size-4" />
                        </a>
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

/** Staff: commission rules, monthly statements (built on demand) and their payouts. */
export function StaffSupplierFinance() {
  return (
    <div className="space-y-4">
      <CommissionRules />
      <Statements />
    </div>
  );
}
