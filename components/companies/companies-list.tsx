"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Building2, ChevronLeft, ChevronRight, Network, Plus, Search } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useAnsweredUrl } from "@/components/hooks/use-answered-url";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CompanyFormDialog } from "./company-form-dialog";
import { CompanyStatusBadge } from "./company-status-badge";

const ANY = "any";
const PAGE_SIZE = 20;

function useListState() {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = { q: params.get("q") ?? "", holding: params.get("holding") ?? "", manager: params.get("manager") ?? "", page: Math.max(1, Number(params.get("p")) || 1) };
  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    if (!("p" in patch)) next.delete("p");
    const query = next.toString();
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  };
  return { state, update };
}

function HoldingDialog({ onClose, onDone }: { onClose: () => void; onDone: () => Promise<void> }) {
  const t = useTranslations("companies");
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.companies.createHolding.mutationOptions({
      onSuccess: async (h) => {
        toast.success(t("form.holdingCreated", { name: h.name }));
        await onDone();
        onClose();
      },
      onError: (e) => setError(formErrorOf(e).message),
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name });
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("addHolding")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4">
          <Field id="holdingName" label={t("form.holdingName")} error={error}>
            <Input id="holdingName" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending} data-testid="holding-submit">
              {t("form.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/**
 * Staff list of legal entities, grouped by counterparty: a holding's companies follow each other
 * under its name; a company outside any holding is shown as its own counterparty.
 */
export function CompaniesList({ mayAssign }: { mayAssign: boolean }) {
  const t = useTranslations("companies");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { state, update } = useListState();
  const [searchText, setSearchText] = useState(state.q);
  const [dialog, setDialog] = useState<"company" | "holding" | null>(null);
  const options = useQuery(trpc.companies.formOptions.queryOptions());

  useEffect(() => {
    if (searchText.trim() === state.q.trim()) return;
    const timer = setTimeout(() => update({ q: searchText.trim() || null }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text restarts the pause
  }, [searchText]);

  const list = useQuery({
    ...trpc.companies.list.queryOptions({
      search: state.q || undefined,
      holding: state.holding || undefined,
      managerId: state.manager || undefined,
      page: state.page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const answeredUrl = useAnsweredUrl(list);
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const start = (state.page - 1) * PAGE_SIZE;
  const columns = mayAssign ? 7 : 6;

  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b">
        <CardTitle>{t("listTitle")}</CardTitle>
        <div className="flex gap-2">
          {mayAssign && (
            <Button variant="outline" onClick={() => setDialog("holding")} data-testid="add-holding">
              <Network className="size-4" />
              {t("addHolding")}
            </Button>
          )}
          <Button variant="success" onClick={() => setDialog("company")} data-testid="add-company">
            <Plus className="size-4" />
            {t("add")}
          </Button>
        </div>
      </CardHeader>
      <CardContent className="space-y-4 pt-4">
        <div className="flex flex-wrap items-end gap-3">
          <div className="relative min-w-64 flex-[2]">
            <Search className="text-muted-foreground absolute top-2.5 left-3 size-4" />
            <Input className="pl-9" placeholder={t("searchPlaceholder")} aria-label={t("search")} value={searchText} onChange={(e) => setSearchText(e.target.value)} data-testid="companies-search" />
          </div>
          <Select value={state.holding || ANY} onValueChange={(v) => update({ holding: v === ANY ? null : v })}>
            <SelectTrigger className="w-56" aria-label={t("fields.holding")} data-testid="holding-filter">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ANY}>{t("anyHolding")}</SelectItem>
              <SelectItem value="none">{t("standalone")}</SelectItem>
              {options.data?.holdings.map((h) => (
                <SelectItem key={h.id} value={h.id}>
                  {h.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          {mayAssign && (
            <Select value={state.manager || ANY} onValueChange={(v) => update({ manager: v === ANY ? null : v })}>
              <SelectTrigger className="w-48" aria-label={t("fields.manager")} data-testid="manager-filter">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ANY}>{t("anyManager")}</SelectItem>
                {options.data?.managers.map((m) => (
                  <SelectItem key={m.id} value={m.id}>
                    {m.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        </div>

        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="companies-table" aria-busy={list.isFetching} data-answers={answeredUrl}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("fields.company")}</TableHead>
                <TableHead>{t("fields.counterparty")}</TableHead>
                <TableHead>{t("fields.region")}</TableHead>
                <TableHead>{t("fields.priceType")}</TableHead>
                {mayAssign && <TableHead>{t("fields.manager")}</TableHead>}
                <TableHead className="text-right">{t("fields.members")}</TableHead>
                <TableHead>{t("fields.status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.isPending &&
                Array.from({ length: 5 }, (_, i) => (
                  <TableRow key={i}>
                    <TableCell colSpan={columns}>
                      <Skeleton className="h-7 w-full" />
                    </TableCell>
                  </TableRow>
                ))}
              {list.data && rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={columns} className="py-14">
                    <div className="flex flex-col items-center gap-3 text-center" data-testid="companies-empty">
                      <div className="bg-primary/10 text-primary grid size-14 place-items-center rounded-full">
                        <Building2 className="size-7" />
                      </div>
                      <p className="font-semibold">{t("empty.title")}</p>
                      <p className="text-muted-foreground text-sm">{t("empty.description")}</p>
                    </div>
                  </TableCell>
                </TableRow>
              )}
              {rows.map((row) => (
                <TableRow key={row.id} data-testid="company-row" className="cursor-pointer" onClick={() => router.push(`/companies/${row.id}`)}>
                  <TableCell>
                    <div className="flex items-center gap-3">
                      <div className="bg-primary/10 text-primary grid size-9 shrink-0 place-items-center rounded-md">
                        <Building2 className="size-4" />
                      </div>
                      <div className="min-w-0">
                        <Link href={`/companies/${row.id}`} className="hover:text-primary font-medium" onClick={(e) => e.stopPropagation()} data-testid="company-link">
                          {row.name}
                        </Link>
                        <div className="text-muted-foreground font-mono text-xs">
                          {t("fields.inn")} {row.inn}
                          {row.kpp ? ` · ${t("fields.kpp")} ${row.kpp}` : ""}
                        </div>
                      </div>
                    </div>
                  </TableCell>
                  <TableCell>
                    {row.holdingName ? (
                      <Badge variant="info" data-testid="holding-badge">
                        <Network />
                        {row.holdingName}
                      </Badge>
                    ) : (
                      <Badge variant="outline" className="text-muted-foreground">
                        {t("ownCounterparty")}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>{row.regionName ?? t("fields.none")}</TableCell>
                  <TableCell>{row.priceTypeName ?? t("fields.none")}</TableCell>
                  {mayAssign && <TableCell>{row.managerName ?? <span className="text-muted-foreground">{t("fields.none")}</span>}</TableCell>}
                  <TableCell className="text-right tabular-nums">{row.membersCount}</TableCell>
                  <TableCell>
                    <CompanyStatusBadge status={row.status} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>

        {list.data && total > 0 && (
          <div className="flex items-center justify-between gap-3 text-sm">
            <p className="text-muted-foreground" data-testid="companies-summary">
              {t("pager.summary", { from: start + 1, to: start + rows.length, total })}
            </p>
            <div className="flex items-center gap-2">
              <Button variant="outline" size="sm" disabled={state.page <= 1} onClick={() => update({ p: state.page > 2 ? String(state.page - 1) : null })}>
                <ChevronLeft className="size-4" />
                {t("pager.previous")}
              </Button>
              <span className="bg-primary text-primary-foreground grid h-8 min-w-8 place-items-center rounded-md px-2 font-medium">{state.page}</span>
              <Button variant="outline" size="sm" disabled={start + rows.length >= total} onClick={() => update({ p: String(state.page + 1) })}>
                {t("pager.next")}
                <ChevronRight className="size-4" />
              </Button>
            </div>
          </div>
        )}
      </CardContent>
      {dialog === "company" && (
        <CompanyFormDialog
          company={null}
          onOpenChange={(open) => !open && setDialog(null)}
          onDone={async (saved) => {
            await queryClient.invalidateQueries({ queryKey: trpc.companies.pathKey() });
            router.push(`/companies/${saved.id}`);
          }}
        />
      )}
      {dialog === "holding" && <HoldingDialog onClose={() => setDialog(null)} onDone={() => queryClient.invalidateQueries({ queryKey: trpc.companies.pathKey() })} />}
    </Card>
  );
}
