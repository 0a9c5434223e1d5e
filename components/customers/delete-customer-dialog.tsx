"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/**
 * Only a customer who never ordered can be deleted. For one with orders the dialog says why not
 * and offers to block instead: the orders must keep their customer.
 */
export function DeleteCustomerDialog({
  customer,
  onOpenChange,
  onDone,
  onBlockInstead,
}: {
  customer: { id: string; name: string; ordersCount: number; status: "active" | "blocked" };
  onOpenChange: (open: boolean) => void;
  onDone: () => void | Promise<void>;
  onBlockInstead: () => void;
}) {
  const t = useTranslations("customers");
  const trpc = useTRPC();
  const mutation = useMutation(
    trpc.customers.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(t("delete.done", { name: customer.name }));
        await onDone();
        onOpenChange(false);
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  const hasOrders = customer.ordersCount > 0;
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-md" data-testid="delete-dialog">
        <DialogHeader>
          <DialogTitle>{t("delete.title", { name: customer.name })}</DialogTitle>
          <DialogDescription>{hasOrders ? t("delete.hasOrders", { count: customer.ordersCount }) : t("delete.description")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
            {t("cancel")}
          </Button>
          {hasOrders ? (
            customer.status === "active" && (
              <Button type="button" variant="destructive" onClick={onBlockInstead} data-testid="block-instead">
                {t("delete.blockInstead")}
              </Button>
            )
          ) : (
            <Button type="button" variant="destructive" disabled={mutation.isPending} onClick={() => mutation.mutate({ id: customer.id })} data-testid="delete-submit">
              {t("delete.submit")}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
