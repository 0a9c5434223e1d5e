"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";

export function ChangePasswordCard() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<FormError | null>(null);
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => {
        toast.success(t("passwordChanged"));
        setCurrent("");
        setNew("");
        setRepeat("");
      },
      onError: (e) => setError(formErrorOf(e)),
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    if (newPassword !== repeat) {
      setError({ field: "repeat", message: t("passwordsDiffer") });
      return;
    }
    setError(null);
    change.mutate({ currentPassword, newPassword });
  }
  const fieldError = (f: string) => (error?.field === f ? error.message : null);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("passwordTitle")}</CardTitle>
        <CardDescription>{t("passwordText")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="grid gap-4" data-testid="change-password-form">
          <Field id="currentPassword" label={t("currentPassword")} error={fieldError("currentPassword")}>
            <Input id="currentPassword" type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
          </Field>
          <Field id="newPassword" label={t("newPassword")} error={fieldError("newPassword")}>
            <Input id="newPassword" type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} />
          </Field>
          <Field id="repeat" label={t("repeatPassword")} error={fieldError("repeat")}>
            <Input id="repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
          </Field>
          {error && !error.field && <p className="text-destructive text-sm">{error.message}</p>}
          <div>
            <Button type="submit" disabled={change.isPending || !currentPassword || !newPassword}>
              {t("changePassword")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
