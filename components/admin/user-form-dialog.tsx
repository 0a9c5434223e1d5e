"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ROLES, type Role } from "@/server/auth/roles";
import type { UserSummary } from "@/server/domain/users/manage-users";

interface Draft {
  name: string;
  role: Role;
  username: string;
  email: string;
  phone: string;
  locale: "en" | "ru";
  password: string;
}

const emptyDraft: Draft = { name: "", role: "manager", username: "", email: "", phone: "", locale: "en", password: "" };

function draftOf(user: UserSummary): Draft {
  return {
    name: user.name,
    role: user.role,
    username: user.username ?? "",
    email: user.email ?? "",
    phone: user.phone ?? "",
    locale: user.locale === "ru" ? "ru" : "en",
    password: "",
  };
}

/** Create a user (with a first password) or edit one; the server re-checks everything. */
export function UserFormDialog({ user, open, onOpenChange }: { user: UserSummary | null; open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(user ? draftOf(user) : emptyDraft);
  const [error, setError] = useState<FormError | null>(null);
  const onDone = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
    toast.success(user ? t("users.saved") : t("users.created"));
    onOpenChange(false);
  };
  const create = useMutation(trpc.users.create.mutationOptions({ onSuccess: onDone, onError: (e) => setError(formErrorOf(e)) }));
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: onDone, onError: (e) => setError(formErrorOf(e)) }));
  const pending = create.isPending || update.isPending;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (field: string) => (error?.field === field ? error.message : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const { password, ...fields } = draft;
    if (user) update.mutate({ id: user.id, ...fields });
    else create.mutate({ ...fields, password });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{user ? t("users.editTitle") : t("users.createTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" data-testid="user-form">
          <Field id="name" label={t("users.fields.name")} error={fieldError("name")}>
            <Input id="name" value={draft.name} onChange={(e) => set("name", e.target.value)} required />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="role" label={t("users.fields.role")} error={fieldError("role")}>
              <Select value={draft.role} onValueChange={(v) => set("role", v as Role)}>
                <SelectTrigger id="role" className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {ROLES.map((role) => (
                    <SelectItem key={role} value={role}>
                      {t(`roles.${role}`)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
            <Field id="locale" label={t("users.fields.locale")}>
              <Select value={draft.locale} onValueChange={(v) => set("locale", v === "ru" ? "ru" : "en")}>
                <SelectTrigger id="locale" className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="en">English</SelectItem>
                  <SelectItem value="ru">Русский</SelectItem>
                </SelectContent>
              </Select>
            </Field>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="username" label={t("users.fields.username")} error={fieldError("username")}>
              <Input id="username" value={draft.username} onChange={(e) => set("username", e.target.value)} autoComplete="off" />
            </Field>
            <Field id="email" label={t("users.fields.email")} error={fieldError("email")}>
              <Input id="email" type="email" value={draft.email} onChange={(e) => set("email", e.target.value)} autoComplete="off" />
            </Field>
          </div>
          <Field id="phone" label={t("users.fields.phone")} error={fieldError("phone")}>
            <Input id="phone" value={draft.phone} onChange={(e) => set("phone", e.target.value)} autoComplete="off" />
          </Field>
          {!user && (
            <Field id="password" label={t("users.fields.password")} error={fieldError("password")} hint={t("users.passwordHint")}>
              <Input id="password" type="password" value={draft.password} onChange={(e) => set("password", e.target.value)} autoComplete="new-password" />
            </Field>
          )}
          {error && !error.field && (
            <p className="text-destructive text-sm" role="alert">
              {error.message}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={pending} data-testid="user-form-submit">
              {user ? t("common.save") : t("users.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
