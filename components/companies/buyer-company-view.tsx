"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Building2, Crown, FileText, Lock, ShieldCheck, UserPlus, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/layout/empty-state";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ContractsTable } from "./company-card";
import { NewAccountDialog } from "./member-dialogs";
import { RequisitesList } from "./requisites-list";

function EmployeesCard({ companyId, ownLevel, selfId }: { companyId: string; ownLevel: number; selfId: string | null }) {
  const t = useTranslations("companies");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const employees = useQuery(trpc.buyerAccount.employees.queryOptions({ companyId }));
  const [adding, setAdding] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.buyerAccount.employees.queryKey({ companyId }) });
  const toggle = useMutation(
    trpc.buyerAccount.setEmployeeActive.mutationOptions({
      onSuccess: async (r) => {
        toast.success(r.isActive ? t("buyer.activated") : t("buyer.deactivated"));
        await refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const rows = employees.data ?? [];
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between border-b">
        <CardTitle className="flex items-center gap-2">
          <Users className="text-primary size-4" />
          {t("buyer.employees")}
        </CardTitle>
        <Button size="sm" variant="success" onClick={() => setAdding(true)} data-testid="add-employee">
          <UserPlus className="size-4" />
          {t("buyer.addEmployee")}
        </Button>
      </CardHeader>
      <CardContent className="pt-4">
        {employees.isPending ? (
          <Skeleton className="h-20 w-full" />
        ) : (
          <div className="overflow-x-auto rounded-md border">
            <Table data-testid="employees-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("members.name")}</TableHead>
                  <TableHead>{t("members.accessLevel")}</TableHead>
                  <TableHead>{t("fields.status")}</TableHead>
                  <TableHead className="w-32" />
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((e) => (
                  <TableRow key={e.userId} data-testid="employee-row">
                    <TableCell>
                      <div className="flex items-center gap-2 font-medium">
                        {e.name}
                        {e.isOwner && <Crown className="text-warning size-4" aria-label={t("members.owner")} />}
                        {e.userId === selfId && <span className="text-muted-foreground text-xs">({t("buyer.you")})</span>}
                      </div>
                      <div className="text-muted-foreground text-xs">{e.email}</div>
                    </TableCell>
                    <TableCell>{t("members.level", { level: e.accessLevel })}</TableCell>
                    <TableCell>
                      <Badge variant={e.isActive ? "success" : "destructive"}>{e.isActive ? t("members.active") : t("members.inactive")}</Badge>
                    </TableCell>
                    <TableCell className="text-right">
                      {!e.isOwner && (
                        <Button size="sm" variant="outline" disabled={toggle.isPending} onClick={() => toggle.mutate({ companyId, userId: e.userId, active: !e.isActive })} data-testid="toggle-employee">
                          {e.isActive ? t("buyer.deactivate") : t("buyer.activate")}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
      {adding && (
        <NewAccountDialog
          title={t("buyer.employeeTitle")}
          allowOwner={false}
          maxLevel={ownLevel}
          onClose={() => setAdding(false)}
          submit={async (fields) => {
            const result = await client.buyerAccount.createEmployee.mutate({ companyId, name: fields.name, email: fields.email, phone: fields.phone, password: fields.password, accessLevel: fields.accessLevel });
            toast.success(t("buyer.employeeCreated", { name: fields.name }));
            await refresh();
            return result;
          }}
        />
      )}
    </Card>
  );
}

/** The buyer's active company: requisites, contracts (terms by access level) and, for owners, the employees. */
export function BuyerCompanyView() {
  const t = useTranslations("companies");
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const data = useQuery(trpc.buyerAccount.company.queryOptions({}));
  if (data.isPending) return <Skeleton className="h-64 w-full" />;
  if (!data.data) return <EmptyState icon={Building2} title={t("buyer.noCompany")} description={t("buyer.noCompanyHint")} testId="no-company" />;
  const { company, membership, sees, contracts } = data.data;
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader className="border-b">
          <CardTitle className="flex flex-wrap items-center gap-2">
            <Building2 className="text-primary size-4" />
            <span data-testid="buyer-company-name">{company.name}</span>
            {membership.isOwner && (
              <Badge variant="warning">
                <Crown />
                {t("buyer.owner")}
              </Badge>
            )}
            <Badge variant="info">
              <ShieldCheck />
              {t("buyer.yourAccess", { level: membership.accessLevel })}
            </Badge>
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-4 pt-4">
          <RequisitesList company={company} />
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-muted-foreground text-xs">{t("fields.region")}</dt>
              <dd>{company.regionName ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground text-xs">{t("buyer.manager")}</dt>
              <dd>
                {company.managerName ?? "—"}
                {company.managerEmail && <span className="text-muted-foreground"> · {company.managerEmail}</span>}
              </dd>
            </div>
            {sees.individualPrices && (
              <div>
                <dt className="text-muted-foreground text-xs">{t("fields.priceType")}</dt>
                <dd>{company.priceTypeName ?? "—"}</dd>
              </div>
            )}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="border-b">
          <CardTitle className="flex items-center gap-2">
            <FileText className="text-primary size-4" />
            {t("buyer.contracts")}
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-3 pt-4">
          {!sees.finances && (
            <Alert>
              <Lock className="size-4" />
              <AlertDescription data-testid="finance-hidden">{sees.individualPrices ? t("buyer.hiddenFinance") : `${t("buyer.hiddenPrices")} ${t("buyer.hiddenFinance")}`}</AlertDescription>
            </Alert>
          )}
          {contracts.length === 0 ? <p className="text-muted-foreground text-sm">{t("contracts.empty")}</p> : <ContractsTable rows={contracts.map((c) => ({ ...c, priceTypeName: c.priceTypeName }))} />}
        </CardContent>
      </Card>
      {membership.isOwner && <EmployeesCard companyId={company.id} ownLevel={membership.accessLevel} selfId={me.data?.user.id ?? null} />}
    </div>
  );
}
