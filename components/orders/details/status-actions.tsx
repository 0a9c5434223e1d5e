"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { OrderStatus } from "@/server/domain/orders/order-statuses";

/**
 * The seed's buttons on Order Details; only allowed moves are enabled. "Send to shipper" (Packed
 * once the shipper accepts), tracking numbers and Reship live on the Logistic details card.
 */
const BUTTONS: ReadonlyArray<{ status: OrderStatus; variant: "success" | "destructive" | "outline" | "default" }> = [
  { status: "approved", variant: "success" },
  { status: "declined", variant: "destructive" },
  { status: "cancelled", variant: "outline" },
  { status: "closed", variant: "outline" },
  { status: "call_center", variant: "outline" },
  { status: "shipped", variant: "outline" },
  { status: "reshipped", variant: "outline" },
  { status: "delivered", variant: "outline" },
  { status: "refunded", variant: "outline" },
  { status: "chargeback", variant: "destructive" },
  { status: "pending", variant: "outline" },
];

export function StatusActions({ orderId, allowed }: { orderId: string; allowed: readonly OrderStatus[] }) {
  const t = useTranslations("orders");
  const tStatus = useTranslations("orderStatus");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<OrderStatus | null>(null);
  const [note, setNote] = useState("");
  const change = useMutation(
    trpc.orders.changeStatus.mutationOptions({
      onSuccess: async (result) => {
        toast.success(t("details.changed", { status: tStatus(result.to) }));
        setTarget(null);
        setNote("");
        await queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
      },
      onError: (error) => toast.error(formErrorOf(error).message),
    }),
  );
  const refund = useMutation(
    trpc.payments.refund.mutationOptions({
      onSuccess: async (result) => {
        toast.success(t("details.changed", { status: tStatus(result.to) }));
        setTarget(null);
        setNote("");
        await queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
      },
      onError: async (error) => {
        toast.error(formErrorOf(error).message);
        await queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
      },
    }),
  );
  const submit = (status: OrderStatus) => {
    const payload = { orderId, note: note.trim() || undefined };
    // A refund goes through the processor that took the payment; everything else is a status change.
    if (status === "refunded") refund.mutate(payload);
    else change.mutate({ ...payload, status });
  };
  const label = (status: OrderStatus) => (status === "call_center" ? t("bulk.call_center") : status === "packed" ? t("bulk.packed") : tStatus(status));
  return (
    <div className="flex flex-wrap gap-2" data-testid="status-actions">
      {BUTTONS.map(({ status, variant }) => (
        <Button key={status} size="sm" variant={variant} disabled={!allowed.includes(status)} onClick={() => setTarget(status)} data-testid={`status-${status}`}>
          {label(status)}
        </Button>
      ))}
      {target && (
        <Dialog open onOpenChange={(open) => !open && setTarget(null)}>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>{label(target)}</DialogTitle>
              <DialogDescription>{t("details.statusActions")}</DialogDescription>
            </DialogHeader>
            <div className="grid gap-2">
              <Label htmlFor="status-note">{t("details.note")}</Label>
              <Textarea id="status-note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} data-testid="status-note" />
            </div>
            <DialogFooter>
              <Button variant="outline" onClick={() => setTarget(null)}>
                {t("bulk.close")}
              </Button>
              <Button disabled={change.isPending || refund.isPending} onClick={() => submit(target)} data-testid="status-confirm">
                {t("details.confirm")}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      )}
    </div>
  );
}
