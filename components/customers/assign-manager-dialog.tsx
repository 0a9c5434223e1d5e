"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const NOBODY = "none";

/** Admins and directors give customers to any manager; a head only to his team (the server re-checks). */
export function AssignManagerDialog({
  ids,
  label,
  currentManagerId,
  allowNobody,
  onOpenChange,
  onDone,
}: {
  ids: string[];
  label: string;
  currentManagerId: string | null;
  allowNobody: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: () => void | Promise<void>;
}) {
  const t = useTranslations("customers");
  const tRoles = useTranslations("roles");
  const trpc = useTRPC();
  const managers = useQuery(trpc.customers.managers.queryOptions());
  const [managerId, setManagerId] = useState<string>(currentManagerId ?? (allowNobody ? NOBODY : ""));
  const [error, setError] = useState<FormError | null>(null);
  const mutation = useMutation(
    trpc.customers.assignManager.mutationOptions({
      onSuccess: async (result) => {
        toast.success(t("assign.done", { count: result.changed }));
        await onDone();
        onOpenChange(false);
      },
      onError: (e) => setError(formErrorOf(e)),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    mutation.mutate({ ids, managerId: managerId === NOBODY ? null : managerId });
  }

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("assign.title")}</DialogTitle>
          <DialogDescription>{t("assign.description", { name: label })}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" data-testid="assign-form">
          <Field id="managerId" label={t("fields.manager")} error={error?.message}>
            <Select value={managerId} onValueChange={setManagerId}>
              <SelectTrigger id="managerId" className="w-full" data-testid="assign-manager-select">
                <SelectValue placeholder={t("assign.choose")} />
              </SelectTrigger>
              <SelectContent>
                {allowNobody && <SelectItem value={NOBODY}>{t("assign.nobody")}</SelectItem>}
                {managers.data?.map((m) => (
                  <SelectItem key={m.id} value={m.id}>
                    {m.name} · {tRoles(m.role)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={mutation.isPending || managerId === ""} data-testid="assign-submit">
              {t("assign.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
