"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Ban, Check, Download, FileText, X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { SupplierStatusBadge } from "./supplier-status-badge";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-3 border-b py-2 text-sm last:border-0">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="break-words">{children || "—"}</dd>
    </div>
  );
}

function ReasonDialog({ kind, onClose, onSubmit, pending, error }: { kind: "reject" | "block"; onClose: () => void; onSubmit: (reason: string) => void; pending: boolean; error: FormError | null }) {
  const t = useTranslations("suppliers.review");
  const [reason, setReason] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(reason);
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t(`${kind}Title`)}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" data-testid="reason-form">
          <Field id="reason" label={t("reason")} error={error?.message ?? null} hint={t("reasonHint")}>
            <Textarea id="reason" rows={4} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reason-input" />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant="destructive" disabled={pending} data-testid="reason-submit">
              {t(kind)}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** One supplier for the reviewer: requisites, contacts, documents to download, and the decision. */
export function SupplierReviewDetail({ id }: { id: string }) {
  const t = useTranslations("suppliers.review");
  const f = useTranslations("suppliers.register.fields");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.suppliers.get.queryOptions({ id }));
  const [dialog, setDialog] = useState<"reject" | "block" | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const decide = useMutation(
    trpc.suppliers.decide.mutationOptions({
      onSuccess: (result) => {
        setDialog(null);
        setError(null);
        toast.success(t(`decided_${result.status}`));
        void queryClient.invalidateQueries({ queryKey: trpc.suppliers.pathKey() });
      },
      onError: (e) => setError(formErrorOf(e)),
    }),
  );

  async function download(documentId: string) {
    const doc = await queryClient.fetchQuery(trpc.suppliers.document.queryOptions({ id: documentId }));
    const bytes = Uint8Array.from(atob(doc.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: doc.contentType }));
    const link = document.createElement("a");
    link.href = url;
    link.download = doc.fileName;
    link.click();
    URL.revokeObjectURL(url);
  }

  if (!detail.data) return <Skeleton className="h-96 w-full" />;
  const { supplier, documents, members, reviewerName } = detail.data;
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b">
          <CardTitle className="flex items-center gap-3">
            <span data-testid="supplier-name">{supplier.name}</span>
            <SupplierStatusBadge status={supplier.status} />
          </CardTitle>
          <div className="flex gap-2">
            {supplier.status !== "approved" && (
              <Button size="sm" variant="success" onClick={() => decide.mutate({ id, decision: "approve" })} disabled={decide.isPending} data-testid="approve-supplier">
                <Check className="size-4" />
                {t("approve")}
              </Button>
            )}
            {supplier.status === "pending" && (
              <Button size="sm" variant="outline" onClick={() => setDialog("reject")} data-testid="reject-supplier">
                <X className="size-4" />
                {t("reject")}
              </Button>
            )}
            {supplier.status === "approved" && (
              <Button size="sm" variant="outline" onClick={() => setDialog("block")} data-testid="block-supplier">
                <Ban className="size-4" />
                {t("block")}
              </Button>
            )}
          </div>
        </CardHeader>
        <CardContent className="pt-4">
          {supplier.reason && (
            <p className="bg-destructive/10 text-destructive mb-4 rounded-md px-3 py-2 text-sm" data-testid="supplier-reason">
              {t("reason")}: {supplier.reason}
            </p>
          )}
          <dl>
            <Row label={f("inn")}>{supplier.inn}</Row>
            <Row label={f("kpp")}>{supplier.kpp}</Row>
            <Row label={f("ogrn")}>{supplier.ogrn}</Row>
            <Row label={f("legalAddress")}>{supplier.legalAddress}</Row>
            <Row label={f("postalAddress")}>{supplier.postalAddress}</Row>
            <Row label={f("bankName")}>{supplier.bank?.bankName}</Row>
            <Row label={f("bik")}>{supplier.bank?.bik}</Row>
            <Row label={f("account")}>{supplier.bank?.account}</Row>
            <Row label={f("correspondentAccount")}>{supplier.bank?.correspondentAccount}</Row>
            <Row label={f("contactName")}>{supplier.contactName}</Row>
            <Row label={f("email")}>{supplier.contactEmail}</Row>
            <Row label={f("phone")}>{supplier.contactPhone}</Row>
            <Row label={f("website")}>{supplier.website}</Row>
            <Row label={f("description")}>{supplier.description}</Row>
            <Row label={t("received")}>{format.dateTime(supplier.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Row>
            {supplier.reviewedAt && (
              <Row label={t("reviewed")}>
                {format.dateTime(supplier.reviewedAt, { dateStyle: "medium", timeStyle: "short" })}
                {reviewerName ? ` · ${reviewerName}` : ""}
              </Row>
            )}
          </dl>
        </CardContent>
      </Card>
      <div className="grid content-start gap-6">
        <Card>
          <CardHeader className="border-b">
            <CardTitle>{t("documents")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2 pt-4">
            {documents.length === 0 && <p className="text-muted-foreground text-sm">{t("noDocuments")}</p>}
            {documents.map((d) => (
              <div key={d.id} className="flex items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm" data-testid="supplier-document">
                <span className="flex min-w-0 items-center gap-2">
                  <FileText className="text-primary size-4 shrink-0" />
                  <span className="truncate">{d.fileName}</span>
                  <span className="text-muted-foreground text-xs">{Math.ceil(d.sizeBytes / 1024)} KB</span>
                </span>
                <Button size="icon" variant="ghost" onClick={() => void download(d.id)} aria-label={t("download")} data-testid="download-document">
                  <Download className="size-4" />
                </Button>
              </div>
            ))}
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="border-b">
            <CardTitle>{t("members")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2 pt-4 text-sm">
            {members.map((m) => (
              <div key={m.userId} data-testid="review-member">
                <div className="font-medium">
                  {m.name} {m.isOwner && <span className="text-muted-foreground text-xs">· {t("owner")}</span>}
                </div>
                <div className="text-muted-foreground text-xs">
                  {m.email} · {t(`kind_${m.kind}`)} · {m.isActive ? t("loginOn") : m.invited ? t("memberInvited") : t("loginOff")}
                </div>
              </div>
            ))}
          </CardContent>
        </Card>
      </div>
      {dialog && <ReasonDialog kind={dialog} pending={decide.isPending} error={error} onClose={() => setDialog(null)} onSubmit={(reason) => decide.mutate({ id, decision: dialog, reason })} />}
    </div>
  );
}
