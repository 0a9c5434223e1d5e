"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ExternalLink, Users } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formatMinor } from "@/components/companies/format";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** A company's users with an on/off switch for each account; the full management is the company card. */
function CompanyUsersDialog({ company, onClose }: { company: { id: string; name: string }; onClose: () => void }) {
  const t = useTranslations("workplace");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.companies.members.queryOptions({ companyId: company.id }));
  const setActive = useMutation(
    trpc.workplace.setMemberActive.mutationOptions({
      onSuccess: async (result) => {
        toast.success(result.isActive ? t("activated") : t("deactivated"));
        await queryClient.invalidateQueries({ queryKey: trpc.companies.members.queryKey({ companyId: company.id }) });
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("usersTitle", { company: company.name })}</DialogTitle>
        </DialogHeader>
        <p className="text-muted-foreground text-sm">
          {t("manageInCard")}{" "}
          <Link href={`/companies/${company.id}`} className="text-primary inline-flex items-center gap-1 font-medium">
            {t("openCard")} <ExternalLink className="size-3" />
          </Link>
        </p>
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="company-users-table">
            <TableBody>
              {members.isPending && (
                <TableRow>
                  <TableCell>
                    <Skeleton className="h-10 w-full" />
                  </TableCell>
                </TableRow>
              )}
              {members.data?.map((m) => (
                <TableRow key={m.userId}>
                  <TableCell>
                    <div className="font-medium">{m.name}</div>
                    <div className="text-muted-foreground text-xs">{[m.email, m.phone ? `+${m.phone}` : null].filter(Boolean).join(" · ")}</div>
                  </TableCell>
                  <TableCell>L{m.accessLevel}</TableCell>
                  <TableCell>
                    <Badge variant={m.isActive ? "success" : "secondary"}>{m.isActive ? t("active") : t("inactive")}</Badge>
                  </TableCell>
                  <TableCell className="text-right">
                    <Button size="sm" variant="outline" disabled={setActive.isPending} onClick={() => setActive.mutate({ companyId: company.id, userId: m.userId, active: !m.isActive })}>
                      {m.isActive ? t("deactivate") : t("activate")}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </DialogContent>
    </Dialog>
  );
}

/** The companies in the manager's scope with the figures he works from. */
export function MyCompaniesCard() {
  const t = useTranslations("workplace");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const list = useQuery(trpc.workplace.companies.queryOptions({ q: q || undefined }));
  const [usersOf, setUsersOf] = useState<{ id: string; name: string } | null>(null);
  const rows = list.data?.companies ?? [];
  const money = (minor: number | null, currency: string | null) => (minor === null ? t("none") : formatMinor(minor, currency ?? "RUB", locale));
  const totals = rows.reduce(
    (sum, r) => ({ debt: sum.debt + (r.debtMinor ?? 0), overdue: sum.overdue + ((r.overdueDebtMinor ?? 0) > 0 ? 1 : 0), open: sum.open + r.openOrders }),
    { debt: 0, overdue: 0, open: 0 },
  );
  const kpis = [
    { key: "companies", value: format.number(rows.length) },
    { key: "debt", value: formatMinor(totals.debt, "RUB", locale) },
    { key: "overdue", value: format.number(totals.overdue) },
    { key: "openOrders", value: format.number(totals.open) },
  ] as const;
  return (
    <>
      <div className="mb-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {kpis.map((k) => (
          <Card key={k.key} className="py-4">
            <CardContent className="px-5">
              <div className="text-muted-foreground text-xs font-medium uppercase">{t(`kpi.${k.key}`)}</div>
              <div className="mt-2 text-2xl font-semibold tabular-nums" data-testid={`workplace-kpi-${k.key}`}>
                {k.value}
              </div>
            </CardContent>
          </Card>
        ))}
      </div>
      <Card className="mb-6">
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b">
          <CardTitle>{t("companiesTitle")}</CardTitle>
          <Input className="w-64" placeholder={t("search")} value={q} onChange={(e) => setQ(e.target.value)} data-testid="workplace-search" />
        </CardHeader>
        <CardContent className="pt-4">
          <div className="overflow-x-auto rounded-md border">
            <Table data-testid="workplace-companies" aria-busy={list.isFetching}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("col.company")}</TableHead>
                  <TableHead className="text-right">{t("col.debt")}</TableHead>
                  <TableHead className="text-right">{t("col.overdue")}</TableHead>
                  <TableHead className="text-right">{t("col.creditLimit")}</TableHead>
                  <TableHead>{t("col.lastOrder")}</TableHead>
                  <TableHead className="text-right">{t("col.openOrders")}</TableHead>
                  <TableHead className="text-right" data-testid="slot-quotes">{t("col.openQuotes")}</TableHead>
                  <TableHead className="text-right" data-testid="slot-claims">{t("col.openClaims")}</TableHead>
                  <TableHead className="w-28" />
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.isPending && (
                  <TableRow>
                    <TableCell colSpan={9}>
                      <Skeleton className="h-16 w-full" />
                    </TableCell>
                  </TableRow>
                )}
                {list.data && rows.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={9} className="text-muted-foreground py-8 text-center">
                      {t("empty")}
                    </TableCell>
                  </TableRow>
                )}
                {rows.map((r) => (
                  <TableRow key={r.id} data-testid="workplace-company-row">
                    <TableCell>
                      <Link href={`/companies/${r.id}`} className="text-primary font-medium hover:underline">
                        {r.name}
                      </Link>
                      <div className="text-muted-foreground text-xs">
                        {r.inn}
                        {r.regionName ? ` · ${r.regionName}` : ""}
                      </div>
                      <div className="text-muted-foreground text-xs">
                        {t("col.manager")}: {r.managerName ?? t("none")}
                      </div>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{money(r.debtMinor, r.currency)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {(r.overdueDebtMinor ?? 0) > 0 ? <Badge variant="destructive">{money(r.overdueDebtMinor, r.currency)}</Badge> : t("none")}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{r.currency ? (r.creditLimitMinor === null ? t("noLimit") : money(r.creditLimitMinor, r.currency)) : t("none")}</TableCell>
                    <TableCell>
                      {r.lastOrderAt ? (
                        <>
                          <div>{format.dateTime(new Date(r.lastOrderAt), { dateStyle: "medium" })}</div>
                          <div className="text-muted-foreground text-xs tabular-nums">{money(r.lastOrderTotalMinor, r.lastOrderCurrency)}</div>
                        </>
                      ) : (
                        t("none")
                      )}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{r.openOrders}</TableCell>
                    <TableCell className="text-right tabular-nums">{r.openQuotes}</TableCell>
                    <TableCell className="text-right tabular-nums">{r.openClaims}</TableCell>
                    <TableCell className="text-right">
                      <Button size="sm" variant="outline" onClick={() => setUsersOf({ id: r.id, name: r.name })} data-testid="workplace-users">
                        <Users className="size-4" />
                        {r.members}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </CardContent>
      </Card>
      {usersOf && <CompanyUsersDialog company={usersOf} onClose={() => setUsersOf(null)} />}
    </>
  );
}
