"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Building2, FileText, Link2, Network, Pencil, Plus, Trash2, UserPlus, Users } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { CompanyDetails } from "@/server/domain/companies/companies";
import type { ContractRow } from "@/server/domain/companies/contracts";
import { CompanyFormDialog } from "./company-form-dialog";
import { CompanyStatusBadge } from "./company-status-badge";
import { ContractFormDialog } from "./contract-form-dialog";
import { formatMinor } from "./format";
import { AccessLevelSelect, AttachMemberDialog, NewAccountDialog } from "./member-dialogs";
import { RequisitesList } from "./requisites-list";

function Empty({ icon: Icon, text }: { icon: typeof Users; text: string }) {
  return (
    <div className="text-muted-foreground flex flex-col items-center gap-2 py-10 text-sm">
      <div className="bg-primary/10 text-primary grid size-12 place-items-center rounded-full">
        <Icon className="size-6" />
      </div>
      {text}
    </div>
  );
}

export function ContractsTable({ rows, actions }: { rows: Array<Pick<ContractRow, "id" | "number" | "title" | "priceTypeName" | "currency" | "isDefault" | "validFrom" | "validTo"> & { paymentTermsDays: number | null; creditLimitMinor: number | null }>; actions?: (row: ContractRow["id"]) => ReactNode }) {
  const t = useTranslations("companies.contracts");
  const locale = useLocale();
  const format = useFormatter();
  const date = (d: string | null) => (d ? format.dateTime(new Date(`${d}T00:00:00`), { dateStyle: "medium" }) : "…");
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table data-testid="contracts-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t("number")}</TableHead>
            <TableHead>{t("priceType")}</TableHead>
            <TableHead>{t("currency")}</TableHead>
            <TableHead>{t("paymentTerms")}</TableHead>
            <TableHead className="text-right">{t("creditLimit")}</TableHead>
            <TableHead>{t("validity")}</TableHead>
            {actions && <TableHead className="w-24" />}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((c) => (
            <TableRow key={c.id} data-testid="contract-row">
              <TableCell>
                <div className="flex items-center gap-2 font-medium">
                  {c.number}
                  {c.isDefault && <Badge variant="success">{t("default")}</Badge>}
                </div>
                {c.title && <div className="text-muted-foreground text-xs">{c.title}</div>}
              </TableCell>
              <TableCell>{c.priceTypeName ?? "—"}</TableCell>
              <TableCell>{c.currency}</TableCell>
              <TableCell>{c.paymentTermsDays === null ? "—" : t("days", { days: c.paymentTermsDays })}</TableCell>
              <TableCell className="text-right tabular-nums">{c.paymentTermsDays === null ? "—" : c.creditLimitMinor === null ? t("noCredit") : formatMinor(c.creditLimitMinor, c.currency, locale)}</TableCell>
              <TableCell className="text-sm whitespace-nowrap">
                {c.validFrom || c.validTo ? `${date(c.validFrom)} — ${date(c.validTo)}` : "—"}
              </TableCell>
              {actions && <TableCell>{actions(c.id)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function ContractsPanel({ companyId }: { companyId: string }) {
  const t = useTranslations("companies.contracts");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const contracts = useQuery(trpc.companies.contracts.queryOptions({ companyId }));
  const [editing, setEditing] = useState<ContractRow | "new" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.companies.pathKey() });
  const remove = useMutation(
    trpc.companies.deleteContract.mutationOptions({
      onSuccess: async () => {
        toast.success(t("deleted"));
        await refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const rows = contracts.data ?? [];
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between border-b">
        <CardTitle>{t("title")}</CardTitle>
        <Button size="sm" variant="success" onClick={() => setEditing("new")} data-testid="add-contract">
          <Plus className="size-4" />
          {t("add")}
        </Button>
      </CardHeader>
      <CardContent className="pt-4">
        {contracts.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : rows.length === 0 ? (
          <Empty icon={FileText} text={t("empty")} />
        ) : (
          <ContractsTable
            rows={rows}
            actions={(id) => {
              const row = rows.find((r) => r.id === id)!;
              return (
                <div className="flex justify-end gap-1">
                  <Button size="icon" variant="ghost" aria-label={t("edit")} onClick={() => setEditing(row)}>
                    <Pencil className="size-4" />
                  </Button>
                  <Button size="icon" variant="ghost" aria-label={t("delete")} onClick={() => window.confirm(t("deleteConfirm", { number: row.number })) && remove.mutate({ id })}>
                    <Trash2 className="text-destructive size-4" />
                  </Button>
                </div>
              );
            }}
          />
        )}
      </CardContent>
      {editing && <ContractFormDialog companyId={companyId} contract={editing === "new" ? null : editing} onClose={() => setEditing(null)} onDone={refresh} />}
    </Card>
  );
}

function MembersPanel({ companyId }: { companyId: string }) {
  const t = useTranslations("companies.members");
  const format = useFormatter();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.companies.members.queryOptions({ companyId }));
  const [dialog, setDialog] = useState<"attach" | "create" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.companies.pathKey() });
  const update = useMutation(trpc.companies.updateMember.mutationOptions({ onSuccess: async () => { toast.success(t("updated")); await refresh(); }, onError: (e) => toast.error(e.message) }));
  const detach = useMutation(trpc.companies.detachMember.mutationOptions({ onSuccess: async () => { toast.success(t("detached")); await refresh(); }, onError: (e) => toast.error(e.message) }));
  const rows = members.data ?? [];
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2 border-b">
        <CardTitle>{t("title")}</CardTitle>
        <div className="flex gap-2">
          <Button size="sm" variant="outline" onClick={() => setDialog("attach")} data-testid="attach-member">
            <Link2 className="size-4" />
            {t("attach")}
          </Button>
          <Button size="sm" variant="success" onClick={() => setDialog("create")} data-testid="create-member">
            <UserPlus className="size-4" />
            {t("createUser")}
          </Button>
        </div>
      </CardHeader>
      <CardContent className="pt-4">
        {members.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : rows.length === 0 ? (
          <Empty icon={Users} text={t("empty")} />
        ) : (
          <div className="overflow-x-auto rounded-md border">
            <Table data-testid="members-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("name")}</TableHead>
                  <TableHead className="w-64">{t("accessLevel")}</TableHead>
                  <TableHead>{t("owner")}</TableHead>
                  <TableHead>{t("lastLogin")}</TableHead>
                  <TableHead className="w-28" />
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((m) => (
                  <TableRow key={m.userId} data-testid="member-row">
                    <TableCell>
                      <div className="flex items-center gap-2 font-medium">
                        {m.name}
                        {m.isDefault && <Badge variant="info">{t("default")}</Badge>}
                        {!m.isActive && <Badge variant="destructive">{t("inactive")}</Badge>}
                      </div>
                      <div className="text-muted-foreground text-xs">
                        {m.email}
                        {m.phone ? ` · +${m.phone}` : ""}
                      </div>
                    </TableCell>
                    <TableCell>
                      <AccessLevelSelect id={`level-${m.userId}`} value={m.accessLevel} onChange={(accessLevel) => update.mutate({ companyId, userId: m.userId, accessLevel })} />
                    </TableCell>
                    <TableCell>
                      <Switch checked={m.isOwner} aria-label={t("owner")} onCheckedChange={(isOwner) => update.mutate({ companyId, userId: m.userId, isOwner })} />
                    </TableCell>
                    <TableCell className="text-sm">{m.lastLoginAt ? format.dateTime(m.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")}</TableCell>
                    <TableCell className="text-right">
                      <Button size="sm" variant="ghost" onClick={() => window.confirm(t("detachConfirm", { name: m.name })) && detach.mutate({ companyId, userId: m.userId })}>
                        {t("detach")}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
      {dialog === "attach" && (
        <AttachMemberDialog
          onClose={() => setDialog(null)}
          submit={async (fields) => {
            await client.companies.attachMember.mutate({ companyId, ...fields });
            toast.success(t("attached", { name: fields.email }));
            await refresh();
          }}
        />
      )}
      {dialog === "create" && (
        <NewAccountDialog
          title={t("createTitle")}
          allowOwner
          onClose={() => setDialog(null)}
          submit={async (fields) => {
            const result = await client.companies.createMember.mutate({ companyId, ...fields });
            await refresh();
            return result;
          }}
        />
      )}
    </Card>
  );
}

function ApplicationsPanel({ companyId }: { companyId: string }) {
  const t = useTranslations("companies.applications");
  const format = useFormatter();
  const trpc = useTRPC();
  const apps = useQuery(trpc.companies.applications.queryOptions({ status: "all" }));
  const rows = (apps.data ?? []).filter((a) => a.companyId === companyId || a.matchingCompanyId === companyId);
  return (
    <Card>
      <CardHeader className="border-b">
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="pt-4">
        {rows.length === 0 ? (
          <Empty icon={FileText} text={t("empty")} />
        ) : (
          <ul className="divide-y">
            {rows.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                <div>
                  <div className="font-medium">{a.name}</div>
                  <div className="text-muted-foreground text-xs">
                    {a.email} · {format.dateTime(a.createdAt, { dateStyle: "medium" })}
                  </div>
                </div>
                <Badge variant={a.status === "approved" ? "success" : a.status === "rejected" ? "destructive" : "warning"}>{t(`statusLabel.${a.status}`)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** The staff company card: requisites, contracts, users and applications in tabs. */
export function CompanyCard({ initial }: { initial: CompanyDetails }) {
  const t = useTranslations("companies");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const company = useQuery({ ...trpc.companies.get.queryOptions({ id: initial.id }), initialData: initial });
  const counts = useQuery(trpc.companies.counts.queryOptions({ id: initial.id }));
  const [editing, setEditing] = useState(false);
  const c = company.data;
  return (
    <div className="grid gap-6 xl:grid-cols-[320px_1fr]">
      <Card className="h-fit">
        <CardContent className="flex flex-col items-center gap-3 text-center">
          <div className="bg-primary/10 text-primary grid size-16 place-items-center rounded-full">
            <Building2 className="size-8" />
          </div>
          <div>
            <h2 className="text-lg font-semibold" data-testid="company-name">
              {c.name}
            </h2>
            <p className="text-muted-foreground text-sm">{c.kind ? t(`kind.${c.kind}`) : ""}</p>
          </div>
          <div className="flex flex-wrap justify-center gap-2">
            <CompanyStatusBadge status={c.status} />
            {c.holdingName ? (
              <Badge variant="info">
                <Network />
                {t("card.inHolding", { name: c.holdingName })}
              </Badge>
            ) : (
              <Badge variant="outline">{t("ownCounterparty")}</Badge>
            )}
          </div>
          <dl className="mt-2 grid w-full gap-2 text-left text-sm">
            {[
              [t("fields.region"), c.regionName],
              [t("fields.priceType"), c.priceTypeName],
              [t("fields.manager"), c.managerName],
              [t("fields.members"), counts.data?.members],
              [t("fields.contracts"), counts.data?.contracts],
            ].map(([label, value]) => (
              <div key={String(label)} className="flex justify-between gap-3 border-b pb-2 last:border-0">
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="font-medium">{value ?? t("fields.notSet")}</dd>
              </div>
            ))}
          </dl>
          <Button className="w-full" variant="outline" onClick={() => setEditing(true)} data-testid="edit-company">
            <Pencil className="size-4" />
            {t("card.edit")}
          </Button>
        </CardContent>
      </Card>
      <Tabs defaultValue="requisites" className="min-w-0">
        <TabsList>
          <TabsTrigger value="requisites">{t("card.tabs.requisites")}</TabsTrigger>
          <TabsTrigger value="contracts" data-testid="tab-contracts">
            {t("card.tabs.contracts")}
          </TabsTrigger>
          <TabsTrigger value="members" data-testid="tab-members">
            {t("card.tabs.members")}
          </TabsTrigger>
          <TabsTrigger value="applications">{t("card.tabs.applications")}</TabsTrigger>
        </TabsList>
        <TabsContent value="requisites">
          <Card>
            <CardHeader className="border-b">
              <CardTitle className="flex items-center gap-2">
                <FileText className="text-primary size-4" />
                {t("form.requisites")}
              </CardTitle>
            </CardHeader>
            <CardContent className="pt-4">
              <RequisitesList company={c} />
            </CardContent>
          </Card>
        </TabsContent>
        <TabsContent value="contracts">
          <ContractsPanel companyId={c.id} />
        </TabsContent>
        <TabsContent value="members">
          <MembersPanel companyId={c.id} />
        </TabsContent>
        <TabsContent value="applications">
          <ApplicationsPanel companyId={c.id} />
        </TabsContent>
      </Tabs>
      {editing && <CompanyFormDialog company={c} onOpenChange={(open) => !open && setEditing(false)} onDone={() => queryClient.invalidateQueries({ queryKey: trpc.companies.pathKey() })} />}
    </div>
  );
}
