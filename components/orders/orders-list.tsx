"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, FileSpreadsheet, FileText, PackageSearch, Truck } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { EmptyState } from "@/components/layout/empty-state";
import { useAnsweredUrl } from "@/components/hooks/use-answered-url";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CALL_CENTER_STATUSES, ORDER_STATUSES, type CallCenterStatus, type OrderStatus } from "@/server/domain/orders/order-statuses";
import { ImportTrackingButton } from "@/components/fulfilment/import-tracking-button";
import { BulkActions, BulkResultDialog, type BulkResult } from "./bulk-actions";
import { useMoney } from "./money";
import { OrdersFilters } from "./orders-filters";
import { CallCenterBadge, OrderStatusBadge } from "./status-badges";
import { exportHref, filtersOf, listQueryOf, ordersUrl, readOrdersUrl, type OrdersUrlState } from "./url-state";

const SEND_ALL_BATCH = 500;

interface StatusTabsProps<T extends string> {
  values: readonly T[];
  current?: T;
  counts?: Record<string, number>;
  cap: number;
  /** The counts stopped at the cap (a broad search): each figure is a lower bound. */
  partial?: boolean;
  label: (value: T) => string;
  onSelect: (value?: T) => void;
  allLabel?: string;
}

function StatusTabs<T extends string>({ values, current, counts, cap, partial = false, label, onSelect, allLabel }: StatusTabsProps<T>) {
  const format = useFormatter();
  const t = useTranslations("orders.tabs");
  const shown = (n: number | undefined): string | null => {
    if (n === undefined) return "…";
    if (n > cap) return t("countCapped", { cap: format.number(cap) });
    if (partial) return n === 0 ? null : t("countCapped", { cap: format.number(n) });
    return format.number(n);
  };
  const tab = (key: string, text: string, active: boolean, count: string | null, onClick: () => void) => (
    <button
      key={key}
      type="button"
      role="tab"
      aria-selected={active}
      onClick={onClick}
      data-testid={`tab-${key}`}
      className={`flex items-center gap-1.5 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors ${active ? "border-primary text-primary" : "text-muted-foreground hover:text-foreground border-transparent"}`}
    >
      {text}
      {count !== null && <span className={`rounded-full px-1.5 text-[11px] ${active ? "bg-primary/15" : "bg-muted"}`}>{count}</span>}
    </button>
  );
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + Math.min(n, cap + 1), 0) : undefined;
  return (
    <div role="tablist" className="-mb-px flex overflow-x-auto border-b">
      {allLabel !== undefined && tab("all", allLabel, current === undefined, shown(total), () => onSelect(undefined))}
      {values.map((value) => tab(value, label(value), current === value, shown(counts?.[value]), () => onSelect(value)))}
    </div>
  );
}

/** The staff orders list; for the call-center operator, the queue of orders in its status. */
export function OrdersList({ operator, canManage, canExport }: { operator: boolean; canManage: boolean; canExport: boolean }) {
  const t = useTranslations("orders");
  const tStatus = useTranslations("orderStatus");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const money = useMoney();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const state = useMemo(() => readOrdersUrl(new URLSearchParams(params.toString())), [params]);
  const [selected, setSelected] = useState<string[]>([]);
  const [confirmSendAll, setConfirmSendAll] = useState(false);
  const [sendAllResults, setSendAllResults] = useState<BulkResult[] | null>(null);

  const navigate = useCallback(
    (patch: Partial<OrdersUrlState>, keepPage = false) => {
      const next = { ...state, ...patch };
      if (!keepPage) Object.assign(next, { cursor: undefined, before: undefined });
      setSelected([]);
      router.replace(ordersUrl(next).replace("/orders", pathname), { scroll: false });
    },
    [state, router, pathname],
  );

  const list = useQuery({ ...trpc.orders.list.queryOptions(listQueryOf(state, operator)), placeholderData: keepPreviousData });
  const answeredUrl = useAnsweredUrl(list);
  const filters = filtersOf(state);
  const statusCounts = useQuery({ ...trpc.orders.statusCounts.queryOptions(filters), enabled: !operator, placeholderData: keepPreviousData });
  const queueCounts = useQuery({ ...trpc.orders.callCenterCounts.queryOptions(filters), enabled: operator, placeholderData: keepPreviousData });
  const counts = operator ? queueCounts.data : statusCounts.data;

  const sendAll = useMutation(
    trpc.orders.sendAllPaidToShipper.mutationOptions({
      onSuccess: async (outcome) => {
        setConfirmSendAll(false);
        const sent = outcome.results.filter((r) => r.ok).length;
        toast.success(t("sendAllPaidDone", { count: sent }));
        if (outcome.remaining) toast.info(t("sendAllPaidMore"));
        if (outcome.results.some((r) => !r.ok)) setSendAllResults(outcome.results);
        await queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
      },
      onError: (error) => toast.error(formErrorOf(error).message),
    }),
  );

  const rows = list.data?.rows ?? [];
  const numberOf = (orderId: string) => {
    const row = rows.find((r) => r.id === orderId);
    return row ? `#${row.number}` : orderId;
  };
  const allOnPage = rows.length > 0 && rows.every((row) => selected.includes(row.id));
  const toggle = (id: string, on: boolean) => setSelected((current) => (on ? [...new Set([...current, id])] : current.filter((x) => x !== id)));
  const ago = (date: Date | string | null) => (date ? format.relativeTime(new Date(date), now) : t("never"));

  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b">
        <CardTitle>{operator ? t("queueTitle") : t("listTitle")}</CardTitle>
        <div className="flex flex-wrap gap-2">
          {canManage && (
            <Button variant="success" size="sm" onClick={() => setConfirmSendAll(true)} disabled={selected.length > 0} data-testid="send-all-paid">
              <Truck className="size-4" />
              {t("sendAllPaid")}
            </Button>
          )}
          {canManage && <ImportTrackingButton />}
          {canExport && (
            <>
              <Button variant="outline" size="sm" asChild>
                <a href={exportHref(state, "csv")} data-testid="export-csv" download>
                  <FileText className="size-4" />
                  {t("export.csv")}
                </a>
              </Button>
              <Button variant="outline" size="sm" asChild>
                <a href={exportHref(state, "xlsx")} data-testid="export-xlsx" download>
                  <FileSpreadsheet className="size-4" />
                  {t("export.xlsx")}
                </a>
              </Button>
            </>
          )}
        </div>
      </CardHeader>
      <CardContent className="space-y-4 pt-4">
        <OrdersFilters state={state} onChange={navigate} operator={operator} />
        {operator ? (
          <StatusTabs<CallCenterStatus> values={CALL_CENTER_STATUSES.filter((s) => s !== "refunded" && s !== "reshipped")} current={state.cc} counts={counts?.byStatus} cap={counts?.cap ?? 10_000} label={(s) => t(`callCenterStatus.${s}`)} onSelect={(cc) => navigate({ cc })} allLabel={t("tabs.all")} />
        ) : (
          <StatusTabs<OrderStatus> values={ORDER_STATUSES} current={state.status} counts={counts?.byStatus} cap={counts?.cap ?? 10_000} partial={counts?.partial} label={(s) => tStatus(s)} onSelect={(status) => navigate({ status })} allLabel={t("tabs.all")} />
        )}
        {canManage && selected.length > 0 && <BulkActions selected={selected} numberOf={numberOf} onDone={() => setSelected([])} />}
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="orders-table" aria-busy={list.isFetching} data-answers={answeredUrl}>
            <TableHeader className="bg-muted/50">
              <TableRow>
                {canManage && (
                  <TableHead className="w-10">
                    <Checkbox checked={allOnPage} onCheckedChange={(on) => setSelected(on ? rows.map((r) => r.id) : [])} aria-label={t("columns.selectAll")} data-testid="select-all" />
                  </TableHead>
                )}
                <TableHead>{t("columns.order")}</TableHead>
                <TableHead>{t("columns.customer")}</TableHead>
                <TableHead>{t("columns.product")}</TableHead>
                <TableHead>{t("columns.date")}</TableHead>
                <TableHead className="text-right">{t("columns.amount")}</TableHead>
                <TableHead>{t("columns.payment")}</TableHead>
                {!operator && <TableHead>{t("columns.status")}</TableHead>}
                <TableHead>{t("columns.callCenter")}</TableHead>
                {operator && <TableHead>{t("columns.age")}</TableHead>}
                {operator && <TableHead>{t("columns.lastContact")}</TableHead>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.isLoading &&
                Array.from({ length: 8 }, (_, i) => (
                  <TableRow key={i}>
                    <TableCell colSpan={10}>
                      <Skeleton className="h-6 w-full" />
                    </TableCell>
                  </TableRow>
                ))}
              {rows.map((row) => (
                <TableRow key={row.id} data-testid="order-row" data-order-id={row.id} data-state={selected.includes(row.id) ? "selected" : undefined}>
                  {canManage && (
                    <TableCell>
                      <Checkbox checked={selected.includes(row.id)} onCheckedChange={(on) => toggle(row.id, on === true)} aria-label={`${t("columns.select")} #${row.number}`} data-testid="select-row" />
                    </TableCell>
                  )}
                  <TableCell>
                    <Link href={`/orders/${row.id}`} className="text-primary font-semibold hover:underline" data-testid="order-link">
                      #{row.number}
                    </Link>
                    <div className="text-muted-foreground font-mono text-xs">{row.shopOrderId}</div>
                  </TableCell>
                  <TableCell>
                    <div className="font-medium">
                      {row.customerFirstName} {row.customerLastName}
                    </div>
                    <div className="text-muted-foreground text-xs">{row.customerEmail}</div>
                  </TableCell>
                  <TableCell className="max-w-56">
                    <div className="truncate">{row.firstItemName}</div>
                    {row.itemsCount > 1 && <div className="text-muted-foreground text-xs">{t("moreItems", { count: row.itemsCount - 1 })}</div>}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {format.dateTime(new Date(row.createdAt), { day: "2-digit", month: "short", year: "numeric" })}
                    <div className="text-muted-foreground text-xs">{format.dateTime(new Date(row.createdAt), { hour: "2-digit", minute: "2-digit" })}</div>
                  </TableCell>
                  <TableCell className="text-right whitespace-nowrap">
                    <div className="font-medium">{money(row.totalMinor, row.currency)}</div>
                    {row.currency !== "USD" && <div className="text-muted-foreground text-xs">{money(row.totalUsdMinor, "USD")}</div>}
                  </TableCell>
                  <TableCell>
                    {t(`paymentMethod.${row.paymentMethod}`)}
                    {row.cardBrand && <div className="text-muted-foreground text-xs capitalize">{row.cardBrand}</div>}
                  </TableCell>
                  {!operator && (
                    <TableCell>
                      <OrderStatusBadge status={row.status} />
                    </TableCell>
                  )}
                  <TableCell>
                    <CallCenterBadge status={row.callCenterStatus} />
                  </TableCell>
                  {operator && <TableCell className="whitespace-nowrap">{ago(row.callCenterAt ?? row.createdAt)}</TableCell>}
                  {operator && <TableCell className="whitespace-nowrap">{ago(row.callCenterContactAt)}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        {!list.isLoading && rows.length === 0 && <EmptyState icon={PackageSearch} title={t("empty.title")} description={t("empty.text")} testId="orders-empty" />}
        <div className="flex items-center justify-end gap-2">
          <Button variant="outline" size="sm" disabled={!list.data?.previousCursor} onClick={() => navigate({ cursor: list.data?.previousCursor ?? undefined, before: true }, true)} data-testid="page-previous">
            <ChevronLeft className="size-4" />
            {tCommon("previous")}
          </Button>
          <Button variant="outline" size="sm" disabled={!list.data?.nextCursor} onClick={() => navigate({ cursor: list.data?.nextCursor ?? undefined, before: undefined }, true)} data-testid="page-next">
            {tCommon("next")}
            <ChevronRight className="size-4" />
          </Button>
        </div>
      </CardContent>
      {confirmSendAll && (
        <Dialog open onOpenChange={(open) => !open && setConfirmSendAll(false)}>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>{t("sendAllPaidTitle")}</DialogTitle>
              <DialogDescription>{t("sendAllPaidText", { batch: SEND_ALL_BATCH })}</DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button variant="outline" onClick={() => setConfirmSendAll(false)}>
                {t("bulk.close")}
              </Button>
              <Button variant="success" disabled={sendAll.isPending} onClick={() => sendAll.mutate()} data-testid="send-all-confirm">
                {t("bulk.run")}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      )}
      {sendAllResults && <BulkResultDialog dispatch results={sendAllResults} numberOf={numberOf} onClose={() => setSendAllResults(null)} />}
    </Card>
  );
}
