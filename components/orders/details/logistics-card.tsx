"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, ExternalLink, PackageCheck, Repeat, Send, Truck } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { OrderDetails } from "@/server/domain/orders/order-details";

type Shipment = OrderDetails["logistics"]["shipments"][number];
type Action = "send" | "reship" | "tracking" | "delivered";

const STATUS_VARIANT: Record<Shipment["status"], "default" | "secondary" | "destructive" | "outline" | "success"> = {
  queued: "secondary",
  accepted: "default",
  refused: "destructive",
  failed: "destructive",
  shipped: "default",
  delivered: "success",
  cancelled: "outline",
};

function ShipmentRow({ shipment }: { shipment: Shipment }) {
  const t = useTranslations("fulfilment.logistics");
  const format = useFormatter();
  const date = (value: Date | string | null) => (value ? format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" }) : null);
  const latest = shipment.deliveredAt ?? shipment.shippedAt ?? shipment.acceptedAt ?? shipment.createdAt;
  return (
    <li className="space-y-1 rounded-md border p-2 text-sm" data-testid="shipment-row">
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium">
          {t(`kind.${shipment.kind}`)} · {shipment.shipperName}
        </span>
        <Badge variant={STATUS_VARIANT[shipment.status]} data-testid="shipment-status">
          {t(`status.${shipment.status}`)}
        </Badge>
      </div>
      {shipment.trackingNumber && (
        <div className="flex items-center gap-2">
          <span className="font-mono" data-testid="shipment-tracking">
            {shipment.trackingNumber}
          </span>
          {shipment.carrier && <span className="text-muted-foreground">{shipment.carrier}</span>}
          {shipment.trackingUrl && (
            <a href={shipment.trackingUrl} target="_blank" rel="noreferrer" className="text-primary inline-flex items-center gap-1 hover:underline">
              {t("track")} <ExternalLink className="size-3" />
            </a>
          )}
        </div>
      )}
      <div className="text-muted-foreground text-xs">{date(latest)}</div>
      {shipment.lastError && (shipment.status === "refused" || shipment.status === "failed" || shipment.status === "queued") && (
        <div className="text-destructive text-xs" data-testid="shipment-error">
          {shipment.lastError}
        </div>
      )}
    </li>
  );
}

/** Logistic details on Order Details: shipper, shipments, and Send to shipper / Send tracking number / Reship / Delivered. */
export function LogisticsCard({ details }: { details: OrderDetails }) {
  const t = useTranslations("fulfilment.logistics");
  const tOrders = useTranslations("orders.details");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { order, logistics } = details;
  const [action, setAction] = useState<Action | null>(null);
  const [tracking, setTracking] = useState("");
  const [carrier, setCarrier] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const done = async (message: string) => {
    toast.success(message);
    setAction(null);
    setTracking("");
    setCarrier("");
    setFieldError(null);
    await queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
  };
  const failed = (error: unknown) => {
    const e = formErrorOf(error);
    if (e.field === "trackingNumber") setFieldError(e.message);
    else toast.error(e.message);
  };
  const send = useMutation(trpc.fulfilment.sendToShipper.mutationOptions({ onSuccess: (r) => done(t("queued", { shipper: r.shipper })), onError: failed }));
  const reship = useMutation(trpc.fulfilment.reship.mutationOptions({ onSuccess: (r) => done(t("queued", { shipper: r.shipper })), onError: failed }));
  const addTracking = useMutation(trpc.fulfilment.addTracking.mutationOptions({ onSuccess: () => done(t("trackingSaved")), onError: failed }));
  const delivered = useMutation(trpc.fulfilment.markDelivered.mutationOptions({ onSuccess: () => done(t("deliveredSaved")), onError: failed }));
  const pending = send.isPending || reship.isPending || addTracking.isPending || delivered.isPending;
  const confirm = () => {
    if (action === "send") send.mutate({ orderId: order.id });
    else if (action === "reship") reship.mutate({ orderId: order.id });
    else if (action === "delivered") delivered.mutate({ orderId: order.id });
    else if (action === "tracking") addTracking.mutate({ orderId: order.id, trackingNumber: tracking, carrier: carrier.trim() || undefined });
  };
  const manage = details.canManageStatus;
  return (
    <Card data-testid="logistics-card">
      <CardHeader className="border-b">
        <CardTitle className="flex items-center gap-2">
          <Truck className="size-4" />
          {tOrders("logistics")}
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 pt-3">
        <div className="space-y-1 text-sm">
          <div className="flex justify-between gap-3">
            <span className="text-muted-foreground">{tOrders("deliveryMethod")}</span>
            <span className="font-medium">{order.deliveryMethodId === 2 ? tOrders("ems") : order.deliveryMethodId === 1 ? tOrders("airmail") : tOrders("none")}</span>
          </div>
          <div className="flex justify-between gap-3">
            <span className="text-muted-foreground">{t("shipper")}</span>
            <span className="font-medium" data-testid="order-shipper">
              {logistics.shipper?.name ?? tOrders("none")}
            </span>
          </div>
          <div className="flex justify-between gap-3">
            <span className="text-muted-foreground">{tOrders("trackingNumber")}</span>
            <span className="font-mono font-medium" data-testid="tracking-number">
              {order.trackingNumber ?? <span className="text-muted-foreground font-sans font-normal">{tOrders("noTracking")}</span>}
            </span>
          </div>
        </div>
        {logistics.shipments.length > 0 && (
          <ul className="space-y-2" data-testid="shipments">
            {[...logistics.shipments].reverse().map((s) => (
              <ShipmentRow key={s.id} shipment={s} />
            ))}
          </ul>
        )}
        {manage && (
          <div className="grid gap-2" data-testid="logistics-actions">
            <Button size="sm" disabled={!logistics.canSendToShipper} onClick={() => setAction("send")} data-testid="send-to-shipper">
              <Send className="size-4" />
              {t("send")}
            </Button>
            <Button size="sm" variant="outline" disabled={!logistics.canAddTracking} onClick={() => setAction("tracking")} data-testid="add-tracking">
              <PackageCheck className="size-4" />
              {t("addTracking")}
            </Button>
            <Button size="sm" variant="outline" disabled={!logistics.canReship} onClick={() => setAction("reship")} data-testid="reship">
              <Repeat className="size-4" />
              {t("reship")}
            </Button>
            <Button size="sm" variant="outline" disabled={!logistics.canMarkDelivered} onClick={() => setAction("delivered")} data-testid="mark-delivered">
              <CircleCheck className="size-4" />
              {t("delivered")}
            </Button>
          </div>
        )}
      </CardContent>
      {action && (
        <Dialog open onOpenChange={(open) => !open && setAction(null)}>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>{t(`confirm.${action}.title`)}</DialogTitle>
              <DialogDescription>{t(`confirm.${action}.text`)}</DialogDescription>
            </DialogHeader>
            {action === "tracking" && (
              <div className="grid gap-3">
                <div className="grid gap-1.5">
                  <Label htmlFor="tracking-input">{tOrders("trackingNumber")}</Label>
                  <Input id="tracking-input" value={tracking} maxLength={64} onChange={(e) => setTracking(e.target.value)} aria-invalid={fieldError !== null} data-testid="tracking-input" />
                  {fieldError && <p className="text-destructive text-xs" data-testid="tracking-error">{fieldError}</p>}
                </div>
                <div className="grid gap-1.5">
                  <Label htmlFor="carrier-input">{t("carrier")}</Label>
                  <Input id="carrier-input" value={carrier} maxLength={100} placeholder={t("carrierPlaceholder")} onChange={(e) => setCarrier(e.target.value)} data-testid="carrier-input" />
                </div>
              </div>
            )}
            <DialogFooter>
              <Button variant="outline" onClick={() => setAction(null)}>
                {tOrders("cancel")}
              </Button>
              <Button disabled={pending || (action === "tracking" && tracking.trim() === "")} onClick={confirm} data-testid="logistics-confirm">
                {tOrders("confirm")}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      )}
    </Card>
  );
}
