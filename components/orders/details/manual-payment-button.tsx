"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { PaymentMethod } from "@/server/domain/orders/order-statuses";

/** The seed's "Manual payment": a card goes through the cascade again, link methods get a new link. */
export function ManualPaymentButton({ orderId, method }: { orderId: string; method: PaymentMethod }) {
  const t = useTranslations("orders.details");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const pay = useMutation(
    trpc.payments.manualPayment.mutationOptions({
      onSuccess: async (result) => {
        setOpen(false);
        if (result.result === "approved") toast.success(result.message);
        else if (result.result === "pending") toast.info(result.message);
        else toast.error(result.message);
        await queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
      },
      onError: (error) => toast.error(formErrorOf(error).message),
    }),
  );
  return (
    <>
      <Button size="sm" variant="outline" className="mt-3 w-full" onClick={() => setOpen(true)} data-testid="manual-payment">
        <RefreshCw className="size-4" />
        {t("manualPayment")}
      </Button>
      {open && (
        <Dialog open onOpenChange={setOpen}>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>{t("manualPayment")}</DialogTitle>
              <DialogDescription>{method === "credit_card" ? t("manualPaymentCard") : t("manualPaymentLink")}</DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button variant="outline" onClick={() => setOpen(false)}>
                {t("cancel")}
              </Button>
              <Button disabled={pay.isPending} onClick={() => pay.mutate({ orderId })} data-testid="manual-payment-confirm">
                {t("confirm")}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      )}
    </>
  );
}
