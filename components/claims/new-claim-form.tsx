"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { CLAIM_FILE_MAX_BYTES, CLAIM_FILE_TYPES, CLAIM_FILES_MAX } from "@/server/domain/claims/claim-rules";
import { useUnitLabel } from "@/components/catalog/catalog-format";

const SELECT = "border-input bg-background h-9 w-full rounded-md border px-3 text-sm";
type FileType = (typeof CLAIM_FILE_TYPES)[number];

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A new claim or return: the order, its lines with quantities (at most ordered), reason, description, photos or documents. */
export function NewClaimForm() {
  const t = useTranslations("claims");
  const unitLabel = useUnitLabel();
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const orders = useQuery(trpc.claims.orders.queryOptions());
  const [orderId, setOrderId] = useState(params.get("orderId") ?? "");
  const [kind, setKind] = useState<"claim" | "return">("claim");
  const [reason, setReason] = useState("");
  const [description, setDescription] = useState("");
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.claims.create.mutationOptions({
      onSuccess: (claim) => router.push(`/b2b/claims/${claim.id}`),
      onError: (e) => setError(formErrorOf(e).message),
    }),
  );
  if (!orders.data) return <Skeleton className="h-64 w-full" />;
  const order = orders.data.find((o) => o.id === orderId) ?? orders.data[0];
  const submit = async () => {
    if (!order) return;
    const tooBig = files.find((f) => f.size > CLAIM_FILE_MAX_BYTES || !(CLAIM_FILE_TYPES as readonly string[]).includes(f.type));
    if (tooBig) return setError(t("form.badFile", { name: tooBig.name }));
    const lines = Object.entries(quantities)
      .filter(([, q]) => q.trim() !== "" && Number(q) !== 0)
      .map(([orderLineId, q]) => ({ orderLineId, quantity: Number(q) }));
    create.mutate({
      orderId: order.id, kind, reason, description: description || undefined, lines,
      files: await Promise.all(files.map(async (f) => ({ fileName: f.name, contentType: f.type as FileType, base64: await toBase64(f) }))),
    });
  };
  if (!order) return <Alert><AlertDescription>{t("form.noOrders")}</AlertDescription></Alert>;
  return (
    <Card>
      <CardContent className="space-y-4">
        <div className="grid gap-3 md:grid-cols-2">
          <div className="space-y-1">
            <Label htmlFor="claim-order">{t("col.order")}</Label>
            <select id="claim-order" className={SELECT} value={order.id} onChange={(e) => { setOrderId(e.target.value); setQuantities({}); }} data-testid="claim-order">
              {orders.data.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.number}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="claim-kind">{t("col.kind")}</Label>
            <select id="claim-kind" className={SELECT} value={kind} onChange={(e) => setKind(e.target.value as "claim" | "return")} data-testid="claim-kind">
              <option value="claim">{t("kind.claim")}</option>
              <option value="return">{t("kind.return")}</option>
            </select>
          </div>
        </div>
        <div className="space-y-1">
          <Label htmlFor="claim-reason">{t("col.reason")}</Label>
          <Input id="claim-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} data-testid="claim-reason" />
        </div>
        <Table data-testid="claim-lines">
          <TableHeader>
            <TableRow>
              <TableHead>{t("form.sku")}</TableHead>
              <TableHead>{t("form.name")}</TableHead>
              <TableHead className="text-right">{t("form.ordered")}</TableHead>
              <TableHead className="w-32">{t("form.claimed")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {order.lines.map((line) => (
              <TableRow key={line.id} data-testid="claim-line" data-sku={line.sku}>
                <TableCell className="font-mono text-xs">{line.sku}</TableCell>
                <TableCell className="min-w-48 whitespace-normal">{line.name}</TableCell>
                <TableCell className="text-right">
                  {line.quantity} {unitLabel.short(line.unit)}
                </TableCell>
                <TableCell>
                  <Input type="number" min={0} max={line.quantity} step="any" value={quantities[line.id] ?? ""} onChange={(e) => setQuantities((q) => ({ ...q, [line.id]: e.target.value }))} aria-label={t("form.claimed")} data-testid="claim-line-qty" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <div className="space-y-1">
          <Label htmlFor="claim-description">{t("form.description")}</Label>
          <Textarea id="claim-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={4000} data-testid="claim-description" />
        </div>
        <div className="space-y-1">
          <Label htmlFor="claim-files">{t("form.files", { max: CLAIM_FILES_MAX })}</Label>
          <Input id="claim-files" type="file" multiple accept={CLAIM_FILE_TYPES.join(",")} onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, CLAIM_FILES_MAX))} data-testid="claim-files" />
        </div>
        {error ? (
          <Alert variant="destructive">
            <AlertDescription data-testid="claim-error">{error}</AlertDescription>
          </Alert>
        ) : null}
        <Button disabled={create.isPending} onClick={() => void submit()} data-testid="claim-submit">
          {t("form.submit")}
        </Button>
      </CardContent>
    </Card>
  );
}
