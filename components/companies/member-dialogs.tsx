"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { SecretOnceDialog } from "@/components/admin/secret-once-dialog";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export function AccessLevelSelect({ id, value, onChange, max = 3 }: { id: string; value: number; onChange: (level: number) => void; max?: number }) {
  const t = useTranslations("companies.members");
  return (
    <Select value={String(value)} onValueChange={(v) => onChange(Number(v))}>
      <SelectTrigger id={id} className="w-full" data-testid={`select-${id}`}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {([1, 2, 3] as const)
          .filter((level) => level <= max)
          .map((level) => (
            <SelectItem key={level} value={String(level)}>
              {t(`levels.${level}`)}
            </SelectItem>
          ))}
      </SelectContent>
    </Select>
  );
}

export interface AccountFields {
  name: string;
  email: string;
  phone: string;
  password: string;
  accessLevel: number;
  isOwner: boolean;
}

/**
 * A new buyer account for a company (staff, or a company owner for an employee). Without a typed
 * password the server generates one, shown here once.
 */
export function NewAccountDialog({
  title,
  allowOwner,
  maxLevel = 3,
  submit,
  onClose,
}: {
  title: string;
  allowOwner: boolean;
  maxLevel?: number;
  submit: (fields: AccountFields) => Promise<{ password: string | null }>;
  onClose: () => void;
}) {
  const t = useTranslations("companies");
  const [draft, setDraft] = useState<AccountFields>({ name: "", email: "", phone: "", password: "", accessLevel: 1, isOwner: false });
  const [error, setError] = useState<FormError | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ password: string } | null>(null);
  const set = <K extends keyof AccountFields>(key: K, value: AccountFields[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (field: string) => (error?.field === field ? error.message : null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setPending(true);
    try {
      const result = await submit(draft);
      if (result.password) setCreated({ password: result.password });
      else onClose();
    } catch (e) {
      setError(formErrorOf(e));
    } finally {
      setPending(false);
    }
  }

  if (created) {
    return (
      <SecretOnceDialog
        title={t("members.passwordTitle")}
        fields={[
          { label: t("members.loginLabel"), value: draft.email.trim().toLowerCase(), testId: "new-account-login" },
          { label: t("members.passwordLabel"), value: created.password, testId: "new-account-password" },
        ]}
        texts={{ description: t("members.passwordDescription", { name: draft.name }), copy: t("members.copy"), copied: t("members.copied"), done: t("members.done") }}
        doneTestId="new-account-done"
        onClose={onClose}
      />
    );
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" data-testid="new-account-form" noValidate>
          <Field id="accountName" label={t("members.name")} error={fieldError("name")}>
            <Input id="accountName" value={draft.name} onChange={(e) => set("name", e.target.value)} autoComplete="off" />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="accountEmail" label={t("members.email")} error={fieldError("email")}>
              <Input id="accountEmail" type="email" value={draft.email} onChange={(e) => set("email", e.target.value)} autoComplete="off" />
            </Field>
            <Field id="accountPhone" label={t("members.phone")} error={fieldError("phone")}>
              <Input id="accountPhone" value={draft.phone} onChange={(e) => set("phone", e.target.value)} autoComplete="off" />
            </Field>
          </div>
          <Field id="accountPassword" label={t("members.password")} error={fieldError("password")} hint={t("members.passwordHint")}>
            <Input id="accountPassword" type="password" value={draft.password} onChange={(e) => set("password", e.target.value)} autoComplete="new-password" />
          </Field>
          <Field id="accountLevel" label={t("members.accessLevel")} error={fieldError("accessLevel")}>
            <AccessLevelSelect id="accountLevel" value={draft.accessLevel} max={maxLevel} onChange={(v) => set("accessLevel", v)} />
          </Field>
          {allowOwner && (
            <div className="flex items-center gap-2">
              <Checkbox id="accountOwner" checked={draft.isOwner} onCheckedChange={(v) => set("isOwner", v === true)} />
              <Label htmlFor="accountOwner" className="font-normal">
                {t("members.makeOwner")}
              </Label>
            </div>
          )}
          {error && !["name", "email", "phone", "password", "accessLevel"].includes(error.field ?? "") && (
            <p className="text-destructive text-sm" role="alert">
              {error.message}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" disabled={pending} data-testid="new-account-submit">
              {t("form.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Staff attach an existing buyer account by its e-mail. */
export function AttachMemberDialog({ submit, onClose }: { submit: (fields: { email: string; accessLevel: number; isOwner: boolean }) => Promise<unknown>; onClose: () => void }) {
  const t = useTranslations("companies");
  const [email, setEmail] = useState("");
  const [accessLevel, setAccessLevel] = useState(1);
  const [isOwner, setIsOwner] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setPending(true);
    try {
      await submit({ email, accessLevel, isOwner });
      onClose();
    } catch (e) {
      setError(formErrorOf(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("members.attachTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" data-testid="attach-form" noValidate>
          <Field id="attachEmail" label={t("members.email")} error={error?.field === "email" || !error?.field ? (error?.message ?? null) : null} hint={t("members.attachHint")}>
            <Input id="attachEmail" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
          </Field>
          <Field id="attachLevel" label={t("members.accessLevel")}>
            <AccessLevelSelect id="attachLevel" value={accessLevel} onChange={setAccessLevel} />
          </Field>
          <div className="flex items-center gap-2">
            <Checkbox id="attachOwner" checked={isOwner} onCheckedChange={(v) => setIsOwner(v === true)} />
            <Label htmlFor="attachOwner" className="font-normal">
              {t("members.makeOwner")}
            </Label>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" disabled={pending} data-testid="attach-submit">
              {t("members.attach")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
