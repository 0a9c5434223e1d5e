"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { UserSummary } from "@/server/domain/users/manage-users";

export function ResetPasswordDialog({ user, onOpenChange }: { user: UserSummary; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: () => {
        toast.success(t("users.passwordReset"));
        onOpenChange(false);
      },
      onError: (e) => setError(formErrorOf(e).message),
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    reset.mutate({ id: user.id, password });
  }
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("users.resetTitle", { name: user.name })}</DialogTitle>
          <DialogDescription>{t("users.resetText")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4">
          <Field id="new-password" label={t("users.fields.password")} error={error} hint={t("users.passwordHint")}>
            <Input id="new-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={reset.isPending || password.length === 0}>
              {t("users.resetSubmit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
