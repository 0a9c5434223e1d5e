"use client";
import { useQuery } from "@tanstack/react-query";
import { Factory, Search } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { SupplierStatusBadge } from "./supplier-status-badge";

const TABS = ["pending", "approved", "rejected", "blocked", "all"] as const;
type Tab = (typeof TABS)[number];

/** Supplier applications and suppliers by status, searchable by name, INN or e-mail. */
export function SuppliersReviewList() {
  const t = useTranslations("suppliers.review");
  const format = useFormatter();
  const trpc = useTRPC();
  const [status, setStatus] = useState<Tab>("pending");
  const [search, setSearch] = useState("");
  const list = useQuery(trpc.suppliers.list.queryOptions({ status, search: search.trim() || undefined }));
  const rows = list.data?.rows ?? [];
  const counts = list.data?.counts ?? {};
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b">
        <CardTitle>{t("title")}</CardTitle>
        <div className="flex flex-wrap items-center gap-3">
          <div className="relative">
            <Search className="text-muted-foreground absolute top-2.5 left-2.5 size-4" />
            <Input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t("search")} className="w-64 pl-8" data-testid="suppliers-search" />
          </div>
          <Tabs value={status} onValueChange={(v) => setStatus(v as Tab)}>
            <TabsList>
              {TABS.map((s) => (
                <TabsTrigger key={s} value={s} data-testid={`suppliers-tab-${s}`}>
                  {t(`tabs.${s}`)}
                  {s !== "all" && counts[s] ? <span className="text-muted-foreground ml-1 text-xs">{counts[s]}</span> : null}
                </TabsTrigger>
              ))}
            </TabsList>
          </Tabs>
        </div>
      </CardHeader>
      <CardContent className="pt-4">
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="suppliers-table" aria-busy={list.isFetching}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("company")}</TableHead>
                <TableHead>{t("contact")}</TableHead>
                <TableHead>{t("received")}</TableHead>
                <TableHead>{t("statusColumn")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.isPending && (
                <TableRow>
                  <TableCell colSpan={4}>
                    <Skeleton className="h-16 w-full" />
                  </TableCell>
                </TableRow>
              )}
              {list.data && rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={4} className="py-12">
                    <div className="text-muted-foreground flex flex-col items-center gap-2 text-sm" data-testid="suppliers-empty">
                      <div className="bg-primary/10 text-primary grid size-12 place-items-center rounded-full">
                        <Factory className="size-6" />
                      </div>
                      {t("empty")}
                    </div>
                  </TableCell>
                </TableRow>
              )}
              {rows.map((s) => (
                <TableRow key={s.id} data-testid="supplier-row">
                  <TableCell>
                    <Link href={`/suppliers/${s.id}`} className="text-primary font-medium hover:underline">
                      {s.name}
                    </Link>
                    <div className="text-muted-foreground font-mono text-xs">
                      {t("inn")} {s.inn}
                      {s.kpp ? ` · ${t("kpp")} ${s.kpp}` : ""}
                    </div>
                  </TableCell>
                  <TableCell>
                    <div>{s.contactName ?? "—"}</div>
                    <div className="text-muted-foreground text-xs">{s.contactEmail}</div>
                  </TableCell>
                  <TableCell className="text-sm">{format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "short" })}</TableCell>
                  <TableCell>
                    <SupplierStatusBadge status={s.status} />
                    {s.reason && <p className="text-muted-foreground mt-1 max-w-64 truncate text-xs">{s.reason}</p>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </CardContent>
    </Card>
  );
}
