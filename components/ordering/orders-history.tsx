"use client";
import { useQuery } from "@tanstack/react-query";
import { FileText } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { EmptyState } from "@/components/layout/empty-state";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const B2B_ORDER_STATUSES = ["new", "confirmed", "assembling", "shipped", "delivered", "cancelled"] as const;
const SELECT = "border-input bg-background h-9 rounded-md border px-3 text-sm";

/** The orders history (buyer) or the staff B2B orders list: filters by status, dates, number and company. */
export function OrdersHistory({ staff = false }: { staff?: boolean }) {
  const t = useTranslations("ordering.orders");
  const format = useFormatter();
  const money = useMoney();
  const trpc = useTRPC();
  const [filters, setFilters] = useState({ status: "", from: "", to: "", number: "", companyId: "" });
  const input = {
    status: (filters.status || undefined) as (typeof B2B_ORDER_STATUSES)[number] | undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    number: filters.number || undefined,
    companyId: filters.companyId || undefined,
  };
  const buyerList = useQuery(trpc.ordering.orders.queryOptions(input, { enabled: !staff }));
  const staffList = useQuery(trpc.ordering.staffOrders.queryOptions(input, { enabled: staff }));
  const list = staff ? staffList : buyerList;
  const companies = new Map((list.data?.rows ?? []).map((r) => [r.companyId, r.companyName]));
  const set = (key: keyof typeof filters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: e.target.value }));
  const base = staff ? "/b2b-orders" : "/b2b/orders";
  return (
    <Card>
      <CardContent className="space-y-3">
        <div className="flex flex-wrap gap-2" data-testid="orders-filters">
          <Input className="w-40" placeholder={t("search")} aria-label={t("search")} value={filters.number} onChange={set("number")} data-testid="filter-number" />
          <select className={SELECT} value={filters.status} onChange={set("status")} aria-label={t("status")} data-testid="filter-status">
            <option value="">{t("allStatuses")}</option>
            {B2B_ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`st.${s}`)}
              </option>
            ))}
          </select>
          <Input type="date" className="w-40" aria-label={t("from")} value={filters.from} onChange={set("from")} />
          <Input type="date" className="w-40" aria-label={t("to")} value={filters.to} onChange={set("to")} />
          {companies.size > 1 || filters.companyId ? (
            <select className={SELECT} value={filters.companyId} onChange={set("companyId")} aria-label={t("company")}>
              <option value="">{t("allCompanies")}</option>
              {[...companies].map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          ) : null}
        </div>
        {!list.data ? (
          <Skeleton className="h-40 w-full" />
        ) : list.data.rows.length === 0 ? (
          <EmptyState icon={FileText} title={t("empty")} description="" testId="orders-empty" />
        ) : (
          <Table data-testid="orders-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("number")}</TableHead>
                <TableHead>{t("date")}</TableHead>
                <TableHead>{t("company")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead>{t("source")}</TableHead>
                <TableHead className="text-right">{t("total")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.rows.map((row) => (
                <TableRow key={row.id} data-testid="order-row" data-number={row.number}>
                  <TableCell>
                    <Link href={`${base}/${row.id}`} className="font-medium underline-offset-2 hover:underline">
                      {row.number}
                    </Link>
                    <span className="text-muted-foreground ml-2 text-xs">{t(`part.${row.availability}`)}</span>
                  </TableCell>
                  <TableCell>{format.dateTime(row.createdAt, { dateStyle: "medium" })}</TableCell>
                  <TableCell>{row.companyName}</TableCell>
                  <TableCell>
                    <Badge variant={row.status === "cancelled" ? "destructive" : "secondary"}>{t(`st.${row.status}`)}</Badge>
                  </TableCell>
                  <TableCell>
                    <Badge variant="outline" data-testid="order-source">
                      {t(row.source)}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-right">{money(row.totalMinor, row.currency)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
