"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, MoreHorizontal, Pencil, Plus, Power, Search } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { PaginationBar } from "@/components/ui/pagination-bar";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ROLES, type Role } from "@/server/auth/roles";
import type { UserSummary } from "@/server/domain/users/manage-users";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { UserFormDialog } from "./user-form-dialog";

const PAGE_SIZE = 20;
type StatusFilter = "all" | "active" | "inactive";

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | "any">("any");
  const [status, setStatus] = useState<StatusFilter>("all");
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<UserSummary | "new" | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);

  const list = useQuery({
    ...trpc.users.list.queryOptions({ search: search || undefined, role: role === "any" ? undefined : role, status, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: async (user) => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        toast.success(user.isActive ? t("users.activated", { name: user.name }) : t("users.deactivated", { name: user.name }));
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );

  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b">
        <CardTitle>{t("users.listTitle")}</CardTitle>
        <Button onClick={() => setEditing("new")} data-testid="add-user" variant="success">
          <Plus className="size-4" />
          {t("users.add")}
        </Button>
      </CardHeader>
      <CardContent className="space-y-4 pt-4">
        <div className="flex flex-wrap gap-3">
          <div className="relative min-w-56 flex-1">
            <Search className="text-muted-foreground absolute top-2.5 left-3 size-4" />
            <Input
              className="pl-9"
              placeholder={t("users.searchPlaceholder")}
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setPage(1);
              }}
              data-testid="users-search"
            />
          </div>
          <Select value={role} onValueChange={(v) => { setRole(v as Role | "any"); setPage(1); }}>
            <SelectTrigger className="w-48" aria-label={t("users.fields.role")}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="any">{t("users.anyRole")}</SelectItem>
              {ROLES.map((r) => (
                <SelectItem key={r} value={r}>
                  {t(`roles.${r}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <Select value={status} onValueChange={(v) => { setStatus(v as StatusFilter); setPage(1); }}>
            <SelectTrigger className="w-40" aria-label={t("users.fields.status")}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">{t("users.status.all")}</SelectItem>
              <SelectItem value="active">{t("users.status.active")}</SelectItem>
              <SelectItem value="inactive">{t("users.status.inactive")}</SelectItem>
            </SelectContent>
          </Select>
        </div>

        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="users-table">
            <TableHeader className="bg-muted/50">
              <TableRow>
                <TableHead>{t("users.fields.name")}</TableHead>
                <TableHead>{t("users.fields.login")}</TableHead>
                <TableHead>{t("users.fields.role")}</TableHead>
                <TableHead>{t("users.fields.lastLogin")}</TableHead>
                <TableHead>{t("users.fields.status")}</TableHead>
                <TableHead className="w-12" />
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.isPending &&
                Array.from({ length: 5 }, (_, i) => (
                  <TableRow key={i}>
                    <TableCell colSpan={6}>
                      <Skeleton className="h-6 w-full" />
                    </TableCell>
                  </TableRow>
                ))}
              {list.data?.rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6} className="text-muted-foreground py-10 text-center">
                    {t("users.none")}
                  </TableCell>
                </TableRow>
              )}
              {list.data?.rows.map((user) => (
                <TableRow key={user.id} data-testid="user-row">
                  <TableCell>
                    <div className="font-medium">{user.name}</div>
                    {user.totpEnabled && <div className="text-muted-foreground text-xs">{t("users.twoFactorOn")}</div>}
                  </TableCell>
                  <TableCell className="text-sm">
                    <div>{user.username ?? user.email ?? user.phone}</div>
                    {user.username && user.email && <div className="text-muted-foreground text-xs">{user.email}</div>}
                  </TableCell>
                  <TableCell>
                    <Badge variant="secondary">{t(`roles.${user.role}`)}</Badge>
                  </TableCell>
                  <TableCell className="text-muted-foreground text-sm">
                    {user.lastLoginAt ? format.dateTime(user.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}
                  </TableCell>
                  <TableCell>
                    <Badge variant={user.isActive ? "success" : "destructive"}>{user.isActive ? t("users.status.active") : t("users.status.inactive")}</Badge>
                  </TableCell>
                  <TableCell>
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button variant="ghost" size="icon" aria-label={t("common.actions")} data-testid="user-actions">
                          <MoreHorizontal className="size-4" />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent align="end">
                        <DropdownMenuItem onSelect={() => setEditing(user)}>
                          <Pencil className="size-4" />
                          {t("common.edit")}
                        </DropdownMenuItem>
                        <DropdownMenuItem onSelect={() => setResetting(user)}>
                          <KeyRound className="size-4" />
                          {t("users.resetPassword")}
                        </DropdownMenuItem>
                        {user.id !== currentUserId && (
                          <DropdownMenuItem
                            data-testid="toggle-active"
                            onSelect={() => setActive.mutate({ id: user.id, active: !user.isActive })}
                            className={user.isActive ? "text-destructive" : undefined}
                          >
                            <Power className="size-4" />
                            {user.isActive ? t("users.deactivate") : t("users.activate")}
                          </DropdownMenuItem>
                        )}
                      </DropdownMenuContent>
                    </DropdownMenu>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        {list.data && (
          <PaginationBar
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPageChange={setPage}
            labels={{
              previous: t("common.previous"),
              next: t("common.next"),
              summary: t("common.shownOf", { shown: list.data.rows.length, total: list.data.total }),
            }}
          />
        )}
      </CardContent>
      {editing && (
        <UserFormDialog
          key={editing === "new" ? "new" : editing.id}
          user={editing === "new" ? null : editing}
          open
          onOpenChange={(open) => !open && setEditing(null)}
        />
      )}
      {resetting && <ResetPasswordDialog user={resetting} onOpenChange={(open) => !open && setResetting(null)} />}
    </Card>
  );
}
