"use client";
import { useMutation } from "@tanstack/react-query";
import { CheckCircle2, Loader2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** The invited colleague chooses a password; the server switches the login on. */
export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("suppliers.invitation");
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<FormError | null>(null);
  const accept = useMutation(trpc.suppliers.acceptInvitation.mutationOptions({ onError: (e) => setError(formErrorOf(e)) }));

  if (!token) {
    return (
      <p className="text-destructive text-center text-sm" role="alert">
        {t("missing")}
      </p>
    );
  }
  if (accept.isSuccess) {
    return (
      <div className="flex flex-col items-center gap-3 py-4 text-center" data-testid="set-password-done">
        <div className="bg-success/15 text-success grid size-14 place-items-center rounded-full">
          <CheckCircle2 className="size-7" />
        </div>
        <h2 className="text-lg font-semibold">{t("doneTitle")}</h2>
        <p className="text-muted-foreground text-sm">{t("doneText", { email: accept.data.email ?? "" })}</p>
        <Button asChild>
          <Link href="/login">{t("toLogin")}</Link>
        </Button>
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== confirm) {
      setError({ field: "confirm", message: t("mismatch") });
      return;
    }
    setError(null);
    accept.mutate({ token, password });
  };
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <form onSubmit={submit} className="grid gap-4" data-testid="set-password-form" noValidate>
      <Field id="password" label={t("password")} error={fieldError("password")}>
        <Input id="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={Boolean(fieldError("password"))} />
      </Field>
      <Field id="confirm" label={t("confirm")} error={fieldError("confirm")}>
        <Input id="confirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} aria-invalid={Boolean(fieldError("confirm"))} />
      </Field>
      {error && error.field !== "password" && error.field !== "confirm" && (
        <p className="text-destructive text-sm" role="alert">
          {error.message}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={accept.isPending} data-testid="set-password-submit">
        {accept.isPending && <Loader2 className="size-4 animate-spin" />}
        {t("submit")}
      </Button>
    </form>
  );
}
