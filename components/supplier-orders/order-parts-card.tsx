"use client";
import { useQuery } from "@tanstack/react-query";
import { FileText, Store } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PartStatusBadge } from "./part-status-badge";

/** On a B2B order's page (buyer or staff): the parts its suppliers handle, each with its status, tracking and documents. Renders nothing without parts. */
export function OrderPartsCard({ orderId, staff = false }: { orderId: string; staff?: boolean }) {
  const t = useTranslations("supplierOrders");
  const money = useMoney();
  const trpc = useTRPC();
  const buyerQuery = useQuery(trpc.supplierOrders.orderParts.queryOptions({ orderId }, { enabled: !staff }));
  const staffQuery = useQuery(trpc.supplierOrders.staffOrderParts.queryOptions({ orderId }, { enabled: staff }));
  const parts = (staff ? staffQuery : buyerQuery).data;
  if (!parts || parts.length === 0) return null;
  return (
    <Card data-testid="order-supplier-parts">
      <CardHeader className="border-b">
        <CardTitle>{t("orderParts.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="divide-y">
          {parts.map((p) => (
            <li key={p.id} className="space-y-1 py-3 text-sm" data-testid="order-supplier-part" data-number={p.number}>
              <div className="flex flex-wrap items-center gap-2">
                <Store className="text-muted-foreground size-4" />
                <span className="font-medium">{p.number}</span>
                <span>{p.supplierName}</span>
                <PartStatusBadge status={p.status} testId="order-supplier-part-status" />
                <span className="text-muted-foreground ml-auto">{t("orderParts.lines", { count: p.lines.length })}</span>
                <span className="font-medium">{money(p.totalMinor, p.currency)}</span>
              </div>
              <div className="text-muted-foreground text-xs">{p.lines.map((l) => l.sku).join(", ")}</div>
              {p.trackingNumber && <div>{t("orderParts.tracking", { tracking: `${p.trackingNumber}${p.carrier ? ` (${p.carrier})` : ""}` })}</div>}
              {p.rejectReason && <div className="text-destructive">{t("orderParts.reason", { reason: p.rejectReason })}</div>}
              {staff && p.commissionMinor !== null && <div className="text-muted-foreground text-xs">{t("orderParts.commission", { amount: money(p.commissionMinor, p.currency) })}</div>}
              {p.documents.length > 0 && (
                <div className="flex flex-wrap gap-3">
                  {p.documents.map((d) => (
                    <a key={d.id} href={`/api/supplier/documents/${d.id}`} className="text-primary inline-flex items-center gap-1 underline" data-testid="order-supplier-document">
                      <FileText className="size-3" /> {t(`doc.${d.kind as "waybill"}`)} — {d.fileName}
                    </a>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
