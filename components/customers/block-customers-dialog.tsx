"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/textarea";

/** Block or unblock one customer or a selection, with a reason that goes to the audit log. */
export function BlockCustomersDialog({
  ids,
  label,
  status,
  onOpenChange,
  onDone,
}: {
  ids: string[];
  /** The customer's name, or "3 customers". */
  label: string;
  status: "active" | "blocked";
  onOpenChange: (open: boolean) => void;
  onDone: () => void | Promise<void>;
}) {
  const t = useTranslations("customers");
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<FormError | null>(null);
  const mutation = useMutation(
    trpc.customers.setStatus.mutationOptions({
      onSuccess: async (result) => {
        toast.success(t(status === "blocked" ? "block.done" : "unblock.done", { count: result.changed }));
        await onDone();
        onOpenChange(false);
      },
      onError: (e) => setError(formErrorOf(e)),
    }),
  );
  const blocking = status === "blocked";

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    mutation.mutate({ ids, status, reason });
  }

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t(blocking ? "block.title" : "unblock.title", { name: label })}</DialogTitle>
          <DialogDescription>{t(blocking ? "block.description" : "unblock.description")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" data-testid="block-form">
          <Field id="reason" label={t("block.reason")} error={error?.field === "reason" || error?.field === null ? error.message : null}>
            <Textarea id="reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t(blocking ? "block.reasonPlaceholder" : "unblock.reasonPlaceholder")} rows={3} required minLength={3} />
          </Field>
          {error && error.field && error.field !== "reason" && (
            <p className="text-destructive text-sm" role="alert">
              {error.message}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant={blocking ? "destructive" : "default"} disabled={mutation.isPending} data-testid="block-submit">
              {t(blocking ? "block.submit" : "unblock.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
