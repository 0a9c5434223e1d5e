"use client";
import { useQuery } from "@tanstack/react-query";
import { FileSignature } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { EmptyState } from "@/components/layout/empty-state";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { QUOTE_STATUS_LIST as QUOTE_STATUSES } from "@/server/domain/quotes/quote-math";
import { QuoteStatusBadge } from "./quote-status-badge";

const SELECT = "border-input bg-background h-9 rounded-md border px-3 text-sm";

/** The buyer's quotes or the manager's queue (scoped on the server), filtered by status. */
export function QuotesList({ staff = false }: { staff?: boolean }) {
  const t = useTranslations("quotes");
  const format = useFormatter();
  const money = useMoney();
  const trpc = useTRPC();
  const [status, setStatus] = useState("");
  const input = { status: (status || undefined) as (typeof QUOTE_STATUSES)[number] | undefined };
  const buyerList = useQuery(trpc.quotes.mine.queryOptions(input, { enabled: !staff }));
  const staffList = useQuery(trpc.quotes.list.queryOptions(input, { enabled: staff }));
  const list = staff ? staffList : buyerList;
  const base = staff ? "/quotes" : "/b2b/quotes";
  return (
    <Card>
      <CardContent className="space-y-3">
        <select className={SELECT} value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t("col.status")} data-testid="quotes-filter-status">
          <option value="">{t("allStatuses")}</option>
          {QUOTE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`st.${s}`)}
            </option>
          ))}
        </select>
        {!list.data ? (
          <Skeleton className="h-40 w-full" />
        ) : list.data.length === 0 ? (
          <EmptyState icon={FileSignature} title={t("empty")} description={staff ? t("emptyStaff") : t("emptyBuyer")} testId="quotes-empty" />
        ) : (
          <Table data-testid="quotes-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("col.number")}</TableHead>
                <TableHead>{t("col.date")}</TableHead>
                <TableHead>{t("col.company")}</TableHead>
                <TableHead>{staff ? t("col.buyer") : t("col.manager")}</TableHead>
                <TableHead>{t("col.status")}</TableHead>
                <TableHead>{t("col.validUntil")}</TableHead>
                <TableHead className="text-right">{t("col.total")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.map((row) => (
                <TableRow key={row.id} data-testid="quote-row" data-number={row.number}>
                  <TableCell>
                    <Link href={`${base}/${row.id}`} className="font-medium underline-offset-2 hover:underline">
                      {row.number}
                    </Link>
                  </TableCell>
                  <TableCell>{format.dateTime(row.createdAt, { dateStyle: "medium" })}</TableCell>
                  <TableCell>{row.companyName}</TableCell>
                  <TableCell>{(staff ? row.buyerName : row.managerName) ?? "—"}</TableCell>
                  <TableCell>
                    <QuoteStatusBadge status={row.status} />
                  </TableCell>
                  <TableCell>{row.validUntil ? format.dateTime(row.validUntil, { dateStyle: "medium" }) : "—"}</TableCell>
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
