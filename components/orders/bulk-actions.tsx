"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { OrderStatus } from "@/server/domain/orders/order-statuses";

/** What every bulk action reports per order (status changes, refunds, dispatches). */
export type BulkResult = { orderId: string; ok: true } | { orderId: string; ok: false; error: string };

/** The seed's bulk buttons, in its order; "Send to shipper" queues paid orders for their shipper (Packed once it accepts). */
export const BULK_STATUSES = ["approved", "declined", "pending", "closed", "refunded", "chargeback", "packed", "call_center"] as const satisfies readonly OrderStatus[];
type BulkStatus = (typeof BULK_STATUSES)[number];

export function BulkResultDialog({ results, onClose, numberOf, dispatch = false }: { results: BulkResult[]; onClose: () => void; numberOf: (orderId: string) => string; dispatch?: boolean }) {
  const t = useTranslations("orders.bulk");
  const ok = results.filter((r) => r.ok).length;
  const refused = results.filter((r): r is Extract<BulkResult, { ok: false }> => !r.ok);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="bulk-result">
        <DialogHeader>
          <DialogTitle>{t("resultTitle")}</DialogTitle>
          <DialogDescription>
            <span className="text-success font-medium" data-testid="bulk-succeeded">{t(dispatch ? "queued" : "succeeded", { count: ok })}</span>
            {refused.length > 0 && <span className="text-destructive ms-3 font-medium" data-testid="bulk-refused">{t("refused", { count: refused.length })}</span>}
          </DialogDescription>
        </DialogHeader>
        {refused.length > 0 && (
          <ul className="max-h-72 space-y-1 overflow-y-auto text-sm">
            {refused.map((r) => (
              <li key={r.orderId} className="flex gap-2">
                <span className="font-mono">{numberOf(r.orderId)}</span>
                <span className="text-muted-foreground">{r.error}</span>
              </li>
            ))}
          </ul>
        )}
        <DialogFooter>
          <Button onClick={onClose}>{t("close")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** The action bar over the table while rows are selected. */
export function BulkActions({ selected, onDone, numberOf }: { selected: string[]; onDone: () => void; numberOf: (orderId: string) => string }) {
  const t = useTranslations("orders");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<BulkStatus | null>(null);
  const [results, setResults] = useState<{ rows: BulkResult[]; dispatch: boolean } | null>(null);
  const bulk = useMutation(
    trpc.orders.bulkChangeStatus.mutationOptions({
      onSuccess: async (outcome, input) => {
        setConfirming(null);
        setResults({ rows: outcome, dispatch: input.status === "packed" });
        await queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
      },
      onError: (error) => toast.error(formErrorOf(error).message),
    }),
  );
  return (
    <div className="bg-primary/5 flex flex-wrap items-center gap-2 rounded-md border px-3 py-2" data-testid="bulk-bar">
      <span className="me-2 text-sm font-medium">{t("selected", { count: selected.length })}</span>
      {BULK_STATUSES.map((status) => (
        <Button key={status} size="sm" variant={status === "declined" || status === "chargeback" ? "destructive" : status === "approved" ? "success" : "outline"} onClick={() => setConfirming(status)} data-testid={`bulk-${status}`}>
          {t(`bulk.${status}`)}
        </Button>
      ))}
      <Button size="sm" variant="ghost" onClick={onDone}>
        {t("clearSelection")}
      </Button>
      {confirming && (
        <Dialog open onOpenChange={(open) => !open && setConfirming(null)}>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>{t("bulk.confirmTitle", { action: t(`bulk.${confirming}`), count: selected.length })}</DialogTitle>
              <DialogDescription>{t("bulk.confirmText")}</DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button variant="outline" onClick={() => setConfirming(null)}>
                {t("bulk.close")}
              </Button>
              <Button disabled={bulk.isPending} onClick={() => bulk.mutate({ orderIds: selected, status: confirming })} data-testid="bulk-confirm">
                {t("bulk.run")}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      )}
      {results && (
        <BulkResultDialog
          results={results.rows}
          dispatch={results.dispatch}
          numberOf={numberOf}
          onClose={() => {
            setResults(null);
            onDone();
          }}
        />
      )}
    </div>
  );
}
