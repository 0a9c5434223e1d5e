"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { CallCenterStatus, OrderStatus } from "@/server/domain/orders/order-statuses";

type Variant = "default" | "secondary" | "destructive" | "success" | "warning" | "info" | "outline";

export const ORDER_STATUS_VARIANT: Record<OrderStatus, Variant> = {
  pending: "warning",
  approved: "success",
  declined: "destructive",
  cancelled: "secondary",
  call_center: "info",
  packed: "default",
  shipped: "default",
  reshipped: "default",
  delivered: "success",
  refunded: "secondary",
  chargeback: "destructive",
  closed: "secondary",
};

const CC_VARIANT: Record<CallCenterStatus, Variant> = {
  new_inquiry: "info",
  resolved: "success",
  awaiting_response: "warning",
  cancelled: "secondary",
  failed: "destructive",
  closed: "secondary",
  refund_initiated: "warning",
  reship_initiated: "warning",
  refunded: "secondary",
  reshipped: "default",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations("orderStatus");
  return (
    <Badge variant={ORDER_STATUS_VARIANT[status]} className="uppercase" data-testid="order-status">
      {t(status)}
    </Badge>
  );
}

export function CallCenterBadge({ status }: { status: CallCenterStatus | null }) {
  const t = useTranslations("orders.callCenterStatus");
  if (!status) return <span className="text-muted-foreground">—</span>;
  return (
    <Badge variant={CC_VARIANT[status]} data-testid="cc-status">
      {t(status)}
    </Badge>
  );
}
