"use client";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, ArrowUpDown, Ban, ChevronLeft, ChevronRight, Eye, MoreHorizontal, Pencil, Plus, Search, ShieldCheck, Trash2, UserCog, Users, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { useAnsweredUrl } from "@/components/hooks/use-answered-url";
import { useTRPC } from "@/components/providers/trpc";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CUSTOMER_PAGE_SIZES, type CustomerSort, type SortDirection } from "@/server/domain/customers/customer-schemas";
import type { CustomerListRow } from "@/server/domain/customers/list-customers";
import { AssignManagerDialog } from "./assign-manager-dialog";
import { BlockCustomersDialog } from "./block-customers-dialog";
import { CustomerFormDialog } from "./customer-form-dialog";
import { formatMoney, initialsOf } from "./customer-format";
import { CustomerStatusBadge } from "./customer-status-badge";
import { DeleteCustomerDialog } from "./delete-customer-dialog";

type StatusFilter = "all" | "active" | "blocked";
const SORTS: readonly CustomerSort[] = ["joined", "orders", "total", "name"];
const PARAMS_OF_FILTERS = ["q", "status", "from", "to", "manager"] as const;
const ANY_MANAGER = "any";

/** The list's state lives in the URL, so a filtered page can be bookmarked, shared and reloaded. */
function useListState() {
  const params = useSearchParams();
  const pathname = usePathname();
  const sortParam = params.get("sort");
  const sort: CustomerSort = SORTS.includes(sortParam as CustomerSort) ? (sortParam as CustomerSort) : "joined";
  const dir: SortDirection = params.get("dir") === "asc" ? "asc" : params.get("dir") === "desc" ? "desc" : sort === "name" ? "asc" : "desc";
  const statusParam = params.get("status");
  const sizeParam = Number(params.get("size"));
  const state = {
    q: params.get("q") ?? "",
    status: (statusParam === "active" || statusParam === "blocked" ? statusParam : "all") as StatusFilter,
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    manager: params.get("manager") ?? "",
    sort,
    dir,
    after: params.get("after") ?? undefined,
    before: params.get("before") ?? undefined,
    pageSize: (CUSTOMER_PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : 20,
    page: Math.max(1, Number(params.get("p")) || 1),
  };
  /** Changes some parameters; anything but paging goes back to the first page. */
  const update = (patch: Record<string, string | null>, paging = false) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    if (!paging) for (const key of ["after", "before", "p"]) next.delete(key);
    const query = next.toString();
    // A shallow update: Next keeps useSearchParams in step with the native history API, and
    // the page (a server component) need not be fetched again for a new filter.
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  };
  return { state, update, hasFilters: PARAMS_OF_FILTERS.some((k) => params.get(k)) };
}

function SortHeader({ column, label, state, onSort, className }: { column: CustomerSort; label: string; state: { sort: CustomerSort; dir: SortDirection }; onSort: (c: CustomerSort) => void; className?: string }) {
  const active = state.sort === column;
  const Icon = !active ? ArrowUpDown : state.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead className={className} aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : undefined}>
      <button type="button" className="hover:text-primary inline-flex items-center gap-1" onClick={() => onSort(column)} data-testid={`sort-${column}`}>
        {label}
        <Icon className={active ? "text-primary size-3.5" : "text-muted-foreground size-3.5"} />
      </button>
    </TableHead>
  );
}

type Dialog =
  | { kind: "add" }
  | { kind: "edit"; id: string }
  | { kind: "status"; ids: string[]; label: string; status: "active" | "blocked" }
  | { kind: "assign"; ids: string[]; label: string; managerId: string | null }
  | { kind: "delete"; row: CustomerListRow };

function EditLoader({ id, canAssign, onClose, onDone }: { id: string; canAssign: boolean; onClose: () => void; onDone: () => Promise<void> }) {
  const trpc = useTRPC();
  const customer = useQuery(trpc.customers.get.queryOptions({ id }));
  if (!customer.data) return null;
  return <CustomerFormDialog customer={customer.data} canAssign={canAssign} onOpenChange={(open) => !open && onClose()} onDone={onDone} />;
}

/** Velzon's customer list: search and filters, a sortable table with selection, bulk actions and keyset paging. */
export function CustomersList({ canAssign, showManager, allowNoManager }: { canAssign: boolean; showManager: boolean; allowNoManager: boolean }) {
  const t = useTranslations("customers");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { state, update, hasFilters } = useListState();
  const [searchText, setSearchText] = useState(state.q);
  const managers = useQuery({ ...trpc.customers.managers.queryOptions(), enabled: canAssign });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog | null>(null);

  // Typing updates the URL after a pause, not on every key.
  useEffect(() => {
    if (searchText.trim() === state.q.trim()) return;
    const timer = setTimeout(() => update({ q: searchText.trim() || null }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text should restart the pause
  }, [searchText]);

  const input = {
    search: state.q || undefined,
    status: state.status,
    joinedFrom: state.from || undefined,
    joinedTo: state.to || undefined,
    managerId: state.manager || undefined,
    sort: state.sort,
    dir: state.dir,
    after: state.after,
    before: state.before,
    pageSize: state.pageSize,
  };
  const list = useQuery({ ...trpc.customers.list.queryOptions(input), placeholderData: keepPreviousData });
  const answeredUrl = useAnsweredUrl(list);
  const rows = useMemo(() => list.data?.rows ?? [], [list.data]);
  const pageIds = rows.map((r) => r.id);
  const selectedOnPage = pageIds.filter((id) => selected.has(id));
  const allSelected = pageIds.length > 0 && selectedOnPage.length === pageIds.length;
  const columns = showManager ? 11 : 10;
  // With the manager column the table is wider: the country gives way on narrower screens.
  const countryClass = showManager ? "hidden min-[1700px]:table-cell" : undefined;

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.customers.pathKey() });
    setSelected(new Set());
  };
  const onSort = (column: CustomerSort) => {
    const dir = state.sort === column ? (state.dir === "asc" ? "desc" : "asc") : column === "name" ? "asc" : "desc";
    update({ sort: column, dir });
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const nameOf = (row: CustomerListRow) => `${row.firstName} ${row.lastName}`;
  const selectedLabel = t("selectedCount", { count: selectedOnPage.length });
  const start = (state.page - 1) * state.pageSize + 1;

  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b">
        <CardTitle>{t("listTitle")}</CardTitle>
        <Button onClick={() => setDialog({ kind: "add" })} data-testid="add-customer" variant="success">
          <Plus className="size-4" />
          {t("add")}
        </Button>
      </CardHeader>
      <CardContent className="space-y-4 pt-4">
        <div className="flex flex-wrap items-end gap-3" data-testid="customer-filters">
          <div className="relative min-w-64 flex-[2]">
            <Search className="text-muted-foreground absolute top-2.5 left-3 size-4" />
            <Input className="pl-9" placeholder={t("searchPlaceholder")} value={searchText} onChange={(e) => setSearchText(e.target.value)} data-testid="customers-search" aria-label={t("search")} />
          </div>
          <div className="flex items-center gap-2">
            <Input type="date" className="w-40 dark:[color-scheme:dark]" value={state.from} max={state.to || undefined} onChange={(e) => update({ from: e.target.value || null })} aria-label={t("joinedFrom")} data-testid="joined-from" />
            <span className="text-muted-foreground text-sm">—</span>
            <Input type="date" className="w-40 dark:[color-scheme:dark]" value={state.to} min={state.from || undefined} onChange={(e) => update({ to: e.target.value || null })} aria-label={t("joinedTo")} data-testid="joined-to" />
          </div>
          <Select value={state.status} onValueChange={(v) => update({ status: v === "all" ? null : v })}>
            <SelectTrigger className="w-40" aria-label={t("fields.status")} data-testid="status-filter">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">{t("status.all")}</SelectItem>
              <SelectItem value="active">{t("status.active")}</SelectItem>
              <SelectItem value="blocked">{t("status.blocked")}</SelectItem>
            </SelectContent>
          </Select>
          {canAssign && (
            <Select value={state.manager || ANY_MANAGER} onValueChange={(v) => update({ manager: v === ANY_MANAGER ? null : v })}>
              <SelectTrigger className="w-48" aria-label={t("fields.manager")} data-testid="manager-filter">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ANY_MANAGER}>{t("anyManager")}</SelectItem>
                {managers.data?.map((m) => (
                  <SelectItem key={m.id} value={m.id}>
                    {m.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
          {hasFilters && (
            <Button
              variant="ghost"
              onClick={() => {
                setSearchText("");
                update({ q: null, status: null, from: null, to: null, manager: null });
              }}
              data-testid="clear-filters"
            >
              <X className="size-4" />
              {t("clearFilters")}
            </Button>
          )}
        </div>

        {selectedOnPage.length > 0 && (
          <div className="bg-primary/5 flex flex-wrap items-center gap-2 rounded-md border px-3 py-2 text-sm" data-testid="bulk-bar">
            <span className="font-medium">{selectedLabel}</span>
            <div className="ml-auto flex flex-wrap gap-2">
              <Button size="sm" variant="outline" onClick={() => setDialog({ kind: "status", ids: selectedOnPage, label: selectedLabel, status: "blocked" })} data-testid="bulk-block">
                <Ban className="size-4" />
                {t("actions.block")}
              </Button>
              <Button size="sm" variant="outline" onClick={() => setDialog({ kind: "status", ids: selectedOnPage, label: selectedLabel, status: "active" })} data-testid="bulk-unblock">
                <ShieldCheck className="size-4" />
                {t("actions.unblock")}
              </Button>
              {canAssign && (
                <Button size="sm" variant="outline" onClick={() => setDialog({ kind: "assign", ids: selectedOnPage, label: selectedLabel, managerId: null })} data-testid="bulk-assign">
                  <UserCog className="size-4" />
                  {t("actions.assign")}
                </Button>
              )}
            </div>
          </div>
        )}

        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="customers-table" aria-busy={list.isFetching} data-answers={answeredUrl}>
            <TableHeader>
              <TableRow>
                <TableHead className="w-10">
                  <Checkbox
                    checked={allSelected ? true : selectedOnPage.length > 0 ? "indeterminate" : false}
                    onCheckedChange={(v) => setSelected(v === true ? new Set(pageIds) : new Set())}
                    aria-label={t("selectAll")}
                    data-testid="select-all"
                  />
                </TableHead>
                <SortHeader column="name" label={t("fields.customer")} state={state} onSort={onSort} />
                <TableHead>{t("fields.email")}</TableHead>
                <TableHead>{t("fields.phone")}</TableHead>
                <TableHead className={countryClass}>{t("fields.country")}</TableHead>
                <SortHeader column="joined" label={t("fields.joined")} state={state} onSort={onSort} />
                <SortHeader column="orders" label={t("fields.orders")} state={state} onSort={onSort} className="text-right" />
                <SortHeader column="total" label={t("fields.totalUsd")} state={state} onSort={onSort} className="text-right" />
                {showManager && <TableHead>{t("fields.manager")}</TableHead>}
                <TableHead>{t("fields.status")}</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">{t("fields.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.isPending &&
                Array.from({ length: 6 }, (_, i) => (
                  <TableRow key={i}>
                    <TableCell colSpan={columns}>
                      <Skeleton className="h-7 w-full" />
                    </TableCell>
                  </TableRow>
                ))}
              {list.data && rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={columns} className="py-14">
                    <div className="flex flex-col items-center gap-3 text-center" data-testid="customers-empty">
                      <div className="bg-primary/10 text-primary grid size-12 place-items-center rounded-full">
                        <Users className="size-6" />
                      </div>
                      <div className="font-semibold">{hasFilters ? t("empty.filteredTitle") : t("empty.title")}</div>
                      <p className="text-muted-foreground max-w-sm text-sm whitespace-normal">{hasFilters ? t("empty.filteredText") : t("empty.text")}</p>
                    </div>
                  </TableCell>
                </TableRow>
              )}
              {rows.map((row) => (
                <TableRow key={row.id} data-testid="customer-row" data-state={selected.has(row.id) ? "selected" : undefined} className={list.isPlaceholderData ? "opacity-60" : undefined}>
                  <TableCell>
                    <Checkbox checked={selected.has(row.id)} onCheckedChange={(v) => toggle(row.id, v === true)} aria-label={t("selectOne", { name: nameOf(row) })} data-testid="select-row" />
                  </TableCell>
                  <TableCell>
                    <Link href={`/customers/${row.id}`} prefetch={false} className="group flex items-center gap-2.5" data-testid="customer-link">
                      <Avatar className="size-8">
                        <AvatarFallback className="bg-primary/10 text-primary text-xs font-semibold">{initialsOf(row.firstName, row.lastName)}</AvatarFallback>
                      </Avatar>
                      <span className="group-hover:text-primary max-w-44 truncate font-medium">{nameOf(row)}</span>
                    </Link>
                  </TableCell>
                  <TableCell className="text-muted-foreground max-w-56 truncate" title={row.email}>
                    {row.email}
                  </TableCell>
                  <TableCell>{row.phone ?? "—"}</TableCell>
                  <TableCell className={countryClass}>{row.country ?? "—"}</TableCell>
                  <TableCell>{format.dateTime(row.createdAt, { day: "2-digit", month: "short", year: "numeric" })}</TableCell>
                  <TableCell className="text-right tabular-nums">{format.number(row.ordersCount)}</TableCell>
                  <TableCell className="text-right font-medium tabular-nums">{formatMoney(format, row.totalUsdMinor, "USD")}</TableCell>
                  {showManager && <TableCell className="text-muted-foreground">{row.managerName ?? t("noManager")}</TableCell>}
                  <TableCell>
                    <CustomerStatusBadge status={row.status} />
                  </TableCell>
                  <TableCell>
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button variant="ghost" size="icon" aria-label={t("fields.actions")} data-testid="customer-actions">
                          <MoreHorizontal className="size-4" />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent align="end">
                        <DropdownMenuItem onSelect={() => router.push(`/customers/${row.id}`)}>
                          <Eye className="size-4" />
                          {t("actions.view")}
                        </DropdownMenuItem>
                        <DropdownMenuItem onSelect={() => setDialog({ kind: "edit", id: row.id })} data-testid="action-edit">
                          <Pencil className="size-4" />
                          {t("actions.edit")}
                        </DropdownMenuItem>
                        {row.status === "active" ? (
                          <DropdownMenuItem onSelect={() => setDialog({ kind: "status", ids: [row.id], label: nameOf(row), status: "blocked" })} data-testid="action-block">
                            <Ban className="size-4" />
                            {t("actions.block")}
                          </DropdownMenuItem>
                        ) : (
                          <DropdownMenuItem onSelect={() => setDialog({ kind: "status", ids: [row.id], label: nameOf(row), status: "active" })} data-testid="action-unblock">
                            <ShieldCheck className="size-4" />
                            {t("actions.unblock")}
                          </DropdownMenuItem>
                        )}
                        {canAssign && (
                          <DropdownMenuItem onSelect={() => setDialog({ kind: "assign", ids: [row.id], label: nameOf(row), managerId: row.managerId })} data-testid="action-assign">
                            <UserCog className="size-4" />
                            {t("actions.assign")}
                          </DropdownMenuItem>
                        )}
                        <DropdownMenuSeparator />
                        <DropdownMenuItem className="text-destructive" onSelect={() => setDialog({ kind: "delete", row })} data-testid="action-delete">
                          <Trash2 className="size-4" />
                          {t("actions.delete")}
                        </DropdownMenuItem>
                      </DropdownMenuContent>
                    </DropdownMenu>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>

        {list.data && (
          <div className="flex flex-col items-center justify-between gap-3 text-sm sm:flex-row" data-testid="customers-pager">
            <p className="text-muted-foreground" data-testid="customers-summary">
              {rows.length === 0
                ? t("pager.none")
                : t(list.data.totalCapped ? "pager.summaryCapped" : "pager.summary", {
                    from: format.number(start),
                    to: format.number(start + rows.length - 1),
                    total: format.number(list.data.total),
                  })}
            </p>
            <div className="flex items-center gap-2">
              <Select value={String(state.pageSize)} onValueChange={(v) => update({ size: v })}>
                <SelectTrigger className="h-8 w-28" aria-label={t("pager.pageSize")}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {CUSTOMER_PAGE_SIZES.map((size) => (
                    <SelectItem key={size} value={String(size)}>
                      {t("pager.perPage", { size })}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              <Button
                variant="outline"
                size="sm"
                // A cursor belongs to the rows on screen: while other rows load (a new sort), it would be wrong.
                disabled={!list.data.prevCursor || list.isPlaceholderData}
                onClick={() => update({ before: list.data.prevCursor, after: null, p: state.page > 2 ? String(state.page - 1) : null }, true)}
                data-testid="page-prev"
              >
                <ChevronLeft className="size-4" />
                {t("pager.previous")}
              </Button>
              <span className="bg-primary text-primary-foreground grid h-8 min-w-8 place-items-center rounded-md px-2 font-medium" aria-current="page" data-testid="page-number">
                {state.page}
              </span>
              <Button
                variant="outline"
                size="sm"
                disabled={!list.data.nextCursor || list.isPlaceholderData}
                onClick={() => update({ after: list.data.nextCursor, before: null, p: String(state.page + 1) }, true)}
                data-testid="page-next"
              >
                {t("pager.next")}
                <ChevronRight className="size-4" />
              </Button>
            </div>
          </div>
        )}
      </CardContent>

      {dialog?.kind === "add" && (
        <CustomerFormDialog
          customer={null}
          canAssign={canAssign}
          onOpenChange={(open) => !open && setDialog(null)}
          onDone={refresh}
        />
      )}
      {dialog?.kind === "edit" && <EditLoader id={dialog.id} canAssign={canAssign} onClose={() => setDialog(null)} onDone={refresh} />}
      {dialog?.kind === "status" && (
        <BlockCustomersDialog ids={dialog.ids} label={dialog.label} status={dialog.status} onOpenChange={(open) => !open && setDialog(null)} onDone={refresh} />
      )}
      {dialog?.kind === "assign" && (
        <AssignManagerDialog
          ids={dialog.ids}
          label={dialog.label}
          currentManagerId={dialog.managerId}
          allowNobody={allowNoManager}
          onOpenChange={(open) => !open && setDialog(null)}
          onDone={refresh}
        />
      )}
      {dialog?.kind === "delete" && (
        <DeleteCustomerDialog
          customer={{ id: dialog.row.id, name: nameOf(dialog.row), ordersCount: dialog.row.ordersCount, status: dialog.row.status }}
          onOpenChange={(open) => !open && setDialog(null)}
          onDone={refresh}
          onBlockInstead={() => setDialog({ kind: "status", ids: [dialog.row.id], label: nameOf(dialog.row), status: "blocked" })}
        />
      )}
    </Card>
  );
}
