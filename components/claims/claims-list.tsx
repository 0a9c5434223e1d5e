"use client";
import { useQuery } from "@tanstack/react-query";
import { MessageSquareWarning, Plus } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { EmptyState } from "@/components/layout/empty-state";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CLAIM_STATUS_LIST } from "@/server/domain/claims/claim-rules";
import { ClaimStatusBadge } from "./claim-status-badge";

const SELECT = "border-input bg-background h-9 rounded-md border px-3 text-sm";

/** The buyer's claims or the manager's queue (scoped on the server), filtered by status. */
export function ClaimsList({ staff = false }: { staff?: boolean }) {
  const t = useTranslations("claims");
  const format = useFormatter();
  const trpc = useTRPC();
  const [status, setStatus] = useState("");
  const input = { status: (status || undefined) as (typeof CLAIM_STATUS_LIST)[number] | undefined };
  const buyerList = useQuery(trpc.claims.mine.queryOptions(input, { enabled: !staff }));
  const staffList = useQuery(trpc.claims.list.queryOptions(input, { enabled: staff }));
  const list = staff ? staffList : buyerList;
  const base = staff ? "/claims" : "/b2b/claims";
  return (
    <Card>
      <CardContent className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <select className={SELECT} value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t("col.status")} data-testid="claims-filter-status">
            <option value="">{t("allStatuses")}</option>
            {CLAIM_STATUS_LIST.map((s) => (
              <option key={s} value={s}>
                {t(`st.${s}`)}
              </option>
            ))}
          </select>
          {!staff ? (
            <Button asChild size="sm">
              <Link href="/b2b/claims/new" data-testid="claim-new">
                <Plus className="size-4" /> {t("new")}
              </Link>
            </Button>
          ) : null}
        </div>
        {!list.data ? (
          <Skeleton className="h-40 w-full" />
        ) : list.data.length === 0 ? (
          <EmptyState icon={MessageSquareWarning} title={t("empty")} description="" testId="claims-empty" />
        ) : (
          <Table data-testid="claims-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("col.number")}</TableHead>
                <TableHead>{t("col.date")}</TableHead>
                <TableHead>{t("col.kind")}</TableHead>
                <TableHead>{t("col.order")}</TableHead>
                <TableHead>{t("col.company")}</TableHead>
                <TableHead>{t("col.reason")}</TableHead>
                <TableHead>{t("col.status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.map((row) => (
                <TableRow key={row.id} data-testid="claim-row" data-number={row.number}>
                  <TableCell>
                    <Link href={`${base}/${row.id}`} className="font-medium underline-offset-2 hover:underline">
                      {row.number}
                    </Link>
                  </TableCell>
                  <TableCell>{format.dateTime(row.createdAt, { dateStyle: "medium" })}</TableCell>
                  <TableCell>{t(`kind.${row.kind}`)}</TableCell>
                  <TableCell>{row.orderNumber}</TableCell>
                  <TableCell>{row.companyName}</TableCell>
                  <TableCell className="max-w-64 truncate">{row.reason}</TableCell>
                  <TableCell>
                    <ClaimStatusBadge status={row.status} />
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
