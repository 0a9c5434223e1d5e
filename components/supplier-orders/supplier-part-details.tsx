"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FileText } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { fileToBase64 } from "@/components/fulfilment/download";
import { formErrorOf } from "@/components/forms/trpc-error";
import { PageHeader } from "@/components/layout/page-header";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { PartStatusBadge } from "./part-status-badge";

const SELECT = "border-input bg-background h-9 rounded-md border px-3 text-sm";
const DOC_KINDS = ["waybill", "upd", "invoice", "other"] as const;

/** One order part in the supplier cabinet: items, buyer, delivery; confirm, reject with a reason, upload documents, ship with tracking, deliver. */
export function SupplierPartDetails({ partId }: { partId: string }) {
  const t = useTranslations("supplierOrders");
  const format = useFormatter();
  const money = useMoney();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const details = useQuery(trpc.supplierOrders.part.queryOptions({ partId }));
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const [tracking, setTracking] = useState("");
  const [carrier, setCarrier] = useState("");
  const [kind, setKind] = useState<(typeof DOC_KINDS)[number]>("waybill");
  const [file, setFile] = useState<File | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.supplierOrders.pathKey() });
  const onError = (e: unknown) => toast.error(formErrorOf(e).message);
  const move = useMutation(trpc.supplierOrders.move.mutationOptions({ onSuccess: async () => (toast.success(t("part.saved")), setRejecting(false), refresh()), onError }));
  const upload = useMutation(trpc.supplierOrders.uploadDocument.mutationOptions({ onSuccess: async () => (toast.success(t("part.uploaded")), setFile(null), setFileInputKey((k) => k + 1), refresh()), onError }));

  if (!details.data) return <Skeleton className="h-96 w-full" />;
  const { part, order, company, lines, documents, nextStatuses } = details.data;
  const can = (to: string) => nextStatuses.includes(to as "confirmed");
  const canUpload = ["confirmed", "shipped", "delivered"].includes(part.status);
  return (
    <>
      <PageHeader title={t("part.title", { number: part.number })} crumbs={[{ label: t("crumb") }, { label: t("list.title"), href: "/supplier/orders" }, { label: part.number }]} />
      <div className="grid gap-4 xl:grid-cols-[1fr_380px]">
        <div className="min-w-0 space-y-4">
          <Card>
            <CardHeader className="border-b">
              <CardTitle>{t("part.lines")}</CardTitle>
            </CardHeader>
            <CardContent>
              <Table data-testid="part-lines">
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("part.sku")}</TableHead>
                    <TableHead>{t("part.product")}</TableHead>
                    <TableHead className="text-right">{t("part.quantity")}</TableHead>
                    <TableHead className="text-right">{t("part.price")}</TableHead>
                    <TableHead className="text-right">{t("part.total")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {lines.map((l) => (
                    <TableRow key={l.id} data-testid="part-line" data-sku={l.sku}>
                      <TableCell className="font-mono text-xs">{l.sku}</TableCell>
                      <TableCell className="whitespace-normal">{l.name}</TableCell>
                      <TableCell className="text-right">
                        {format.number(l.quantity)} {l.unit}
                      </TableCell>
                      <TableCell className="text-right">{money(l.unitMinor, part.currency)}</TableCell>
                      <TableCell className="text-right">{money(l.lineTotalMinor, part.currency)}</TableCell>
                    </TableRow>
                  ))}
                  <TableRow>
                    <TableCell colSpan={4} className="text-right font-medium">
                      {t("part.total")}
                      <div className="text-muted-foreground text-xs font-normal">
                        {t("part.commission")} {money(part.commissionMinor, part.currency)} · {t("part.payout")} {money(part.totalMinor - part.commissionMinor, part.currency)}
                      </div>
                    </TableCell>
                    <TableCell className="text-right font-semibold" data-testid="part-total">
                      {money(part.totalMinor, part.currency)}
                    </TableCell>
                  </TableRow>
                </TableBody>
              </Table>
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="border-b">
              <CardTitle>{t("part.documents")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3">
              {documents.length === 0 ? (
                <p className="text-muted-foreground text-sm">{t("part.noDocuments")}</p>
              ) : (
                <ul className="space-y-1 text-sm" data-testid="part-documents">
                  {documents.map((d) => (
                    <li key={d.id} data-testid="part-document">
                      <a href={`/api/supplier/documents/${d.id}`} className="text-primary inline-flex items-center gap-1 underline">
                        <FileText className="size-4" /> {t(`doc.${d.kind as "waybill"}`)} — {d.fileName}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {canUpload && (
                <form
                  className="flex flex-wrap items-end gap-2 border-t pt-3"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    if (!file) return;
                    upload.mutate({ partId, kind, fileName: file.name, contentType: file.type || "application/octet-stream", contentBase64: await fileToBase64(file) });
                  }}
                >
                  <select className={SELECT} value={kind} onChange={(e) => setKind(e.target.value as (typeof DOC_KINDS)[number])} aria-label={t("part.docKind")} data-testid="doc-kind">
                    {DOC_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`doc.${k}`)}
                      </option>
                    ))}
                  </select>
                  <Input key={fileInputKey} className="w-72" type="file" aria-label={t("part.file")} onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="doc-file" />
                  <Button type="submit" disabled={!file || upload.isPending} data-testid="doc-upload">
                    {t("part.upload")}
                  </Button>
                </form>
              )}
            </CardContent>
          </Card>
        </div>
        <div className="space-y-4">
          <Card>
            <CardHeader className="border-b">
              <CardTitle>{t("part.statusCard")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3 text-sm">
              <div className="flex items-center gap-2">
                <PartStatusBadge status={part.status} testId="part-status" />
                <span className="text-muted-foreground">{format.dateTime(part.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</span>
              </div>
              {part.rejectReason && <div className="text-destructive">{t("part.rejectedBecause", { reason: part.rejectReason })}</div>}
              {part.trackingNumber && (
                <div data-testid="part-tracking">
                  {t("part.trackingShown", { tracking: part.trackingNumber })}
                  {part.carrier ? ` (${part.carrier})` : ""}
                </div>
              )}
              {(can("confirmed") || can("rejected")) && (
                <div className="flex flex-wrap gap-2">
                  {can("confirmed") && (
                    <Button onClick={() => move.mutate({ partId, to: "confirmed" })} disabled={move.isPending} data-testid="part-confirm">
                      {t("part.confirm")}
                    </Button>
                  )}
                  {can("rejected") && (
                    <Button variant="outline" className="text-destructive" onClick={() => setRejecting(!rejecting)} data-testid="part-reject-open">
                      {t("part.reject")}
                    </Button>
                  )}
                </div>
              )}
              {rejecting && (
                <form className="space-y-2" onSubmit={(e) => (e.preventDefault(), move.mutate({ partId, to: "rejected", reason }))}>
                  <Textarea placeholder={t("part.rejectReason")} aria-label={t("part.rejectReason")} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="part-reject-reason" />
                  <Button type="submit" variant="destructive" disabled={move.isPending} data-testid="part-reject">
                    {t("part.rejectSubmit")}
                  </Button>
                </form>
              )}
              {can("shipped") && (
                <form className="space-y-2 border-t pt-3" onSubmit={(e) => (e.preventDefault(), move.mutate({ partId, to: "shipped", trackingNumber: tracking, carrier: carrier || undefined }))}>
                  <div className="font-medium">{t("part.ship")}</div>
                  <p className="text-muted-foreground text-xs">{t("part.shipHint")}</p>
                  <Input placeholder={t("part.tracking")} aria-label={t("part.tracking")} value={tracking} onChange={(e) => setTracking(e.target.value)} data-testid="part-tracking-input" />
                  <Input placeholder={t("part.carrier")} aria-label={t("part.carrier")} value={carrier} onChange={(e) => setCarrier(e.target.value)} />
                  <Button type="submit" disabled={move.isPending || documents.length === 0} data-testid="part-ship">
                    {t("part.shipSubmit")}
                  </Button>
                </form>
              )}
              {can("delivered") && (
                <Button variant="outline" onClick={() => move.mutate({ partId, to: "delivered" })} disabled={move.isPending} data-testid="part-deliver">
                  {t("part.deliver")}
                </Button>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="border-b">
              <CardTitle>{t("part.buyer")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-1 text-sm" data-testid="part-buyer">
              <div className="font-medium">{company.name}</div>
              <div className="text-muted-foreground">
                {t("part.inn", { inn: company.inn })}
                {company.kpp ? ` / ${company.kpp}` : ""}
              </div>
              {company.legalAddress && <div className="text-muted-foreground">{company.legalAddress}</div>}
              <div className="text-muted-foreground pt-1">{t("part.order", { number: order.number })}</div>
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="border-b">
              <CardTitle>{t("part.delivery")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-1 text-sm" data-testid="part-delivery">
              <div>{order.deliveryMethod === "delivery" ? t("part.deliveryTo") : t("part.pickup")}</div>
              {order.consignee && (
                <div>
                  {t("part.consignee")}: {order.consignee}
                  {order.address ? `, ${order.address}` : ""}
                </div>
              )}
              {order.warehouseName && (
                <div>
                  {t("part.warehouse")}: {order.warehouseName}
                  {order.warehouseAddress ? `, ${order.warehouseAddress}` : ""}
                </div>
              )}
              {order.shipmentDate && (
                <div>
                  {t("part.shipmentDate")}: {order.shipmentDate}
                </div>
              )}
              {order.comment && (
                <div className="text-muted-foreground">
                  {t("part.comment")}: {order.comment}
                </div>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
