"use client";
import { useQuery } from "@tanstack/react-query";
import { ShoppingBag } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { EmptyState } from "@/components/layout/empty-state";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { PartStatusBadge } from "./part-status-badge";

const STATUSES = ["new", "confirmed", "shipped", "delivered", "rejected"] as const;
const PAGE_SIZE = 20;

/** The supplier's orders (its parts of buyers' orders): status tabs with counts, search, pages. */
export function SupplierOrdersList() {
  const t = useTranslations("supplierOrders");
  const format = useFormatter();
  const money = useMoney();
  const trpc = useTRPC();
  const [status, setStatus] = useState<(typeof STATUSES)[number] | "">("");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const list = useQuery(trpc.supplierOrders.list.queryOptions({ status: status || undefined, search: search || undefined, page, pageSize: PAGE_SIZE }));
  const counts = list.data?.counts ?? {};
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const tab = (value: (typeof STATUSES)[number] | "", label: string, count: number) => (
    <button
      key={value || "all"}
      type="button"
      onClick={() => (setStatus(value), setPage(1))}
      data-testid={`tab-${value || "all"}`}
      className={cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium", status === value ? "border-primary text-primary" : "text-muted-foreground hover:text-foreground border-transparent")}
    >
      {label} <span className="bg-muted ml-1 rounded px-1.5 text-xs">{count}</span>
    </button>
  );
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b">
        <CardTitle>{t("list.title")}</CardTitle>
        <Input className="w-72" placeholder={t("list.search")} aria-label={t("list.search")} value={search} onChange={(e) => (setSearch(e.target.value), setPage(1))} data-testid="orders-search" />
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="flex flex-wrap border-b" role="tablist">
          {tab("", t("list.all"), all)}
          {STATUSES.map((s) => tab(s, t(`status.${s}`), counts[s] ?? 0))}
        </div>
        {!list.data ? (
          <Skeleton className="h-40 w-full" />
        ) : list.data.rows.length === 0 ? (
          <EmptyState icon={ShoppingBag} title={t("list.empty")} description="" testId="orders-empty" />
        ) : (
          <Table data-testid="supplier-orders">
            <TableHeader>
              <TableRow>
                <TableHead>{t("list.number")}</TableHead>
                <TableHead>{t("list.date")}</TableHead>
                <TableHead>{t("list.buyer")}</TableHead>
                <TableHead className="text-right">{t("list.lines")}</TableHead>
                <TableHead className="text-right">{t("list.total")}</TableHead>
                <TableHead className="text-right">{t("list.commission")}</TableHead>
                <TableHead>{t("list.status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.rows.map((row) => (
                <TableRow key={row.id} data-testid="supplier-order-row" data-number={row.number}>
                  <TableCell>
                    <Link href={`/supplier/orders/${row.id}`} className="text-primary font-medium hover:underline">
                      {row.number}
                    </Link>
                  </TableCell>
                  <TableCell>{format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}</TableCell>
                  <TableCell className="whitespace-normal">{row.companyName}</TableCell>
                  <TableCell className="text-right">{row.lines}</TableCell>
                  <TableCell className="text-right font-medium">{money(row.totalMinor, row.currency)}</TableCell>
                  <TableCell className="text-muted-foreground text-right">{money(row.commissionMinor, row.currency)}</TableCell>
                  <TableCell>
                    <PartStatusBadge status={row.status} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {pages > 1 && (
          <div className="flex items-center justify-end gap-2 text-sm">
            <span className="text-muted-foreground">{t("list.page", { page, pages })}</span>
            <Button size="sm" variant="outline" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t("list.prev")}
            </Button>
            <Button size="sm" variant="outline" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t("list.next")}
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
