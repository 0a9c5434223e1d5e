"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, FileText } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { fileToBase64 } from "@/components/fulfilment/download";
import { formErrorOf } from "@/components/forms/trpc-error";
import { PageHeader } from "@/components/layout/page-header";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { OrderPartsCard } from "@/components/supplier-orders/order-parts-card";

const SELECT = "border-input bg-background h-9 rounded-md border px-3 text-sm";
const DOC_KINDS = ["waybill", "upd", "vat_invoice", "invoice", "contract", "other"] as const;

function AttachDocument({ orderId, shipments }: { orderId: string; shipments: Array<{ id: string; number: string }> }) {
  const t = useTranslations("ordering");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<(typeof DOC_KINDS)[number]>("waybill");
  const [number, setNumber] = useState("");
  const [shipmentId, setShipmentId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const attach = useMutation(
    trpc.ordering.staffAttachDocument.mutationOptions({
      onSuccess: async () => {
        toast.success(t("order.attached"));
        setFile(null);
        setNumber("");
        await queryClient.invalidateQueries({ queryKey: trpc.ordering.pathKey() });
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <form
      className="flex flex-wrap items-end gap-2 border-t pt-3"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        attach.mutate({ orderId, shipmentId: shipmentId || undefined, kind, number: number || undefined, fileName: file.name, contentType: file.type || "application/octet-stream", contentBase64: await fileToBase64(file) });
      }}
    >
      <select className={SELECT} value={kind} onChange={(e) => setKind(e.target.value as (typeof DOC_KINDS)[number])} aria-label={t("order.kind")}>
        {DOC_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`orders.doc.${k}`)}
          </option>
        ))}
      </select>
      {shipments.length > 0 && (
        <select className={SELECT} value={shipmentId} onChange={(e) => setShipmentId(e.target.value)} aria-label={t("order.shipments")}>
          <option value="">—</option>
          {shipments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.number}
            </option>
          ))}
        </select>
      )}
      <Input className="w-32" placeholder={t("order.docNumber")} aria-label={t("order.docNumber")} value={number} onChange={(e) => setNumber(e.target.value)} />
      <Input className="w-64" type="file" aria-label={t("order.file")} onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="attach-file" />
      <Button type="submit" disabled={!file || attach.isPending} data-testid="attach-submit">
        {t("order.upload")}
      </Button>
    </form>
  );
}

/** One B2B order: lines, totals with VAT, reservation, shipments, documents; buyer actions or staff actions. */
export function OrderDetails({ orderId, staff = false }: { orderId: string; staff?: boolean }) {
  const t = useTranslations("ordering");
  const format = useFormatter();
  const money = useMoney();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const buyerQuery = useQuery(trpc.ordering.order.queryOptions({ orderId }, { enabled: !staff }));
  const staffQuery = useQuery(trpc.ordering.staffOrder.queryOptions({ orderId }, { enabled: staff }));
  const details = staff ? staffQuery : buyerQuery;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.ordering.pathKey() });
  const onError = (e: unknown) => toast.error(formErrorOf(e).message);
  const cancel = useMutation(trpc.ordering.cancel.mutationOptions({ onSuccess: async () => (toast.success(t("order.cancelled")), refresh()), onError }));
  const repeat = useMutation(
    trpc.ordering.repeat.mutationOptions({
      onSuccess: async (r) => {
        toast.success(t("order.repeated", { cart: r.cartName }));
        await refresh();
        router.push("/b2b/cart");
      },
      onError,
    }),
  );
  const setStatus = useMutation(trpc.ordering.staffSetStatus.mutationOptions({ onSuccess: refresh, onError }));
  const createShipment = useMutation(trpc.ordering.staffCreateShipment.mutationOptions({ onSuccess: refresh, onError }));
  const shipmentStatus = useMutation(trpc.ordering.staffShipmentStatus.mutationOptions({ onSuccess: refresh, onError }));

  if (!details.data) return <Skeleton className="h-96 w-full" />;
  const { order, lines, shipments, documents, reservations, siblings, events } = details.data;
  const open = reservations.filter((r) => !r.releasedAt);
  const released = reservations.find((r) => r.releasedAt);
  const shipNext: Record<string, Array<"assembling" | "shipped" | "delivered" | "cancelled">> = { planned: ["assembling", "cancelled"], assembling: ["shipped", "cancelled"], shipped: ["delivered"] };
  return (
    <>
      <PageHeader
        title={t("order.title", { number: order.number })}
        crumbs={staff ? [{ label: t("orders.staffTitle"), href: "/b2b-orders" }, { label: order.number }] : [{ label: t("crumb") }, { label: t("orders.title"), href: "/b2b/orders" }, { label: order.number }]}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="outline">
              <a href={`/api/b2b/orders/${order.id}/invoice`} data-testid="invoice-download">
                <Download className="size-4" /> {t("order.invoice")}
              </a>
            </Button>
            {!staff && (
              <Button variant="outline" onClick={() => repeat.mutate({ orderId })} data-testid="order-repeat">
                {t("order.repeat")}
              </Button>
            )}
            {!staff && details.data.canCancel && (
              <Button variant="destructive" onClick={() => cancel.mutate({ orderId })} data-testid="order-cancel">
                {t("order.cancel")}
              </Button>
            )}
          </div>
        }
      />
      <div className="grid gap-4 xl:grid-cols-[1fr_360px]">
        <div className="min-w-0 space-y-4">
          <Card>
            <CardHeader>
              <CardTitle>{t("order.lines")}</CardTitle>
            </CardHeader>
            <CardContent>
              <Table data-testid="order-lines">
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("cart.sku")}</TableHead>
                    <TableHead>{t("cart.product")}</TableHead>
                    <TableHead className="text-right">{t("cart.quantity")}</TableHead>
                    <TableHead className="text-right">{t("cart.price")}</TableHead>
                    <TableHead className="text-right">{t("cart.total")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {lines.map((l) => (
                    <TableRow key={l.id} data-testid="order-line" data-sku={l.sku}>
                      <TableCell className="font-mono text-xs">{l.sku}</TableCell>
                      <TableCell className="whitespace-normal">{l.name}</TableCell>
                      <TableCell className="text-right">
                        {format.number(l.quantity)} {l.unit}
                      </TableCell>
                      <TableCell className="text-right">{money(l.unitMinor, order.currency)}</TableCell>
                      <TableCell className="text-right">{money(l.lineTotalMinor, order.currency)}</TableCell>
                    </TableRow>
                  ))}
                  <TableRow>
                    <TableCell colSpan={4} className="text-right font-medium">
                      {t("orders.total")}
                      <div className="text-muted-foreground text-xs font-normal">
                        {t("order.vat")} {money(order.vatMinor, order.currency)}
                      </div>
                    </TableCell>
                    <TableCell className="text-right font-semibold" data-testid="order-total">
                      {money(order.totalMinor, order.currency)}
                    </TableCell>
                  </TableRow>
                </TableBody>
              </Table>
            </CardContent>
          </Card>
          <OrderPartsCard orderId={orderId} staff={staff} />
          <Card>
            <CardHeader className="flex flex-row items-center justify-between">
              <CardTitle>{t("order.shipments")}</CardTitle>
              {staff && order.status !== "cancelled" && (
                <Button size="sm" variant="outline" onClick={() => createShipment.mutate({ orderId })} data-testid="create-shipment">
                  {t("order.createShipment")}
                </Button>
              )}
            </CardHeader>
            <CardContent>
              {shipments.length === 0 ? (
                <p className="text-muted-foreground text-sm">{t("order.noShipments")}</p>
              ) : (
                <ul className="divide-y" data-testid="shipments">
                  {shipments.map((s) => (
                    <li key={s.id} className="flex flex-wrap items-center gap-2 py-2 text-sm" data-testid="shipment">
                      <span className="font-medium">{s.number}</span>
                      <Badge variant="secondary">{t(`orders.ship.${s.status}`)}</Badge>
                      {s.plannedDate && <span className="text-muted-foreground">{s.plannedDate}</span>}
                      {staff &&
                        (shipNext[s.status] ?? []).map((to) => (
                          <Button key={to} size="sm" variant="ghost" onClick={() => shipmentStatus.mutate({ shipmentId: s.id, status: to })}>
                            → {t(`orders.ship.${to}`)}
                          </Button>
                        ))}
                      {documents
                        .filter((d) => d.shipmentId === s.id)
                        .map((d) => (
                          <a key={d.id} href={`/api/b2b/documents/${d.id}`} className="text-primary inline-flex items-center gap-1 underline">
                            <FileText className="size-3" /> {t(`orders.doc.${d.kind}`)} {d.number}
                          </a>
                        ))}
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("order.documents")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3">
              {documents.length === 0 ? (
                <p className="text-muted-foreground text-sm">{t("order.noDocuments")}</p>
              ) : (
                <ul className="space-y-1 text-sm" data-testid="documents">
                  {documents.map((d) => (
                    <li key={d.id} data-testid="document">
                      <a href={`/api/b2b/documents/${d.id}`} className="text-primary inline-flex items-center gap-1 underline">
                        <FileText className="size-4" /> {t(`orders.doc.${d.kind}`)} {d.number ?? ""} — {d.fileName}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {staff && <AttachDocument orderId={orderId} shipments={shipments} />}
            </CardContent>
          </Card>
        </div>
        <div className="space-y-4">
          <Card>
            <CardHeader>
              <CardTitle>{t("order.details")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-2 text-sm">
              <div className="flex flex-wrap gap-2">
                <Badge variant={order.status === "cancelled" ? "destructive" : "default"} data-testid="order-status">
                  {t(`orders.st.${order.status}`)}
                </Badge>
                <Badge variant="outline">{t(`orders.${order.source}`)}</Badge>
                <Badge variant="outline" data-testid="order-part">
                  {t(`orders.part.${order.availability}`)}
                </Badge>
              </div>
              <div>
                {t("orders.company")}: {order.companyName}
              </div>
              <div>
                {t("order.delivery")}: {t(`checkout.${order.deliveryMethod}`)}
              </div>
              {order.warehouseName && (
                <div>
                  {t("order.warehouse")}: {order.warehouseName}
                </div>
              )}
              {order.consignee && (
                <div>
                  {t("order.consignee")}: {order.consignee}, {order.address}
                </div>
              )}
              {order.shipmentDate && (
                <div>
                  {t("order.shipmentDate")}: {order.shipmentDate}
                </div>
              )}
              {open.length > 0 && order.reservedUntil && <div data-testid="order-reservation">{t("order.reservation", { date: format.dateTime(order.reservedUntil, { dateStyle: "medium", timeStyle: "short" }) })}</div>}
              {open.length === 0 && released && <div className="text-muted-foreground">{t("order.reservationReleased", { reason: released.releaseReason ?? "" })}</div>}
              {siblings.map((s) => (
                <div key={s.id}>
                  {t("order.sibling", { number: "" })}
                  <Link href={`${staff ? "/b2b-orders" : "/b2b/orders"}/${s.id}`} className="underline">
                    {s.number}
                  </Link>
                </div>
              ))}
              {staff && details.data.nextStatuses.length > 0 && (
                <div className="flex flex-wrap items-center gap-2 border-t pt-2" data-testid="status-actions">
                  <span>{t("order.setStatus")}:</span>
                  {details.data.nextStatuses.map((to) => (
                    <Button key={to} size="sm" variant={to === "cancelled" ? "destructive" : "outline"} onClick={() => setStatus.mutate({ orderId, status: to as "confirmed" })} data-testid={`status-${to}`}>
                      {t(`orders.st.${to}`)}
                    </Button>
                  ))}
                </div>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("order.history")}</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="space-y-1 text-xs">
                {events.map((e) => (
                  <li key={e.id}>
                    {format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "short" })} — {e.kind}
                    {e.toStatus ? ` → ${e.toStatus}` : ""}
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
