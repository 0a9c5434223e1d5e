"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Paperclip } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { CLAIM_STATUS_LIST, nextClaimStatuses, type ClaimStatus } from "@/server/domain/claims/claim-rules";
import { ClaimStatusBadge } from "./claim-status-badge";
import { useUnitLabel } from "@/components/catalog/catalog-format";

/** A status move's thread entry is stored in English with its target status in details; it reads in the viewer's language. */
function movedTo(details: Record<string, unknown>): Exclude<ClaimStatus, "closed"> | null {
  const to = details.toStatus;
  return typeof to === "string" && to !== "closed" && (CLAIM_STATUS_LIST as readonly string[]).includes(to) ? (to as Exclude<ClaimStatus, "closed">) : null;
}

/** A claim for its buyer or for the manager: lines, files, the thread with comments both ways, and (staff) the status moves. */
export function ClaimDetails({ id, staff = false }: { id: string; staff?: boolean }) {
  const t = useTranslations("claims");
  const unitLabel = useUnitLabel();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const buyerClaim = useQuery(trpc.claims.mineById.queryOptions({ id }, { enabled: !staff }));
  const staffClaim = useQuery(trpc.claims.byId.queryOptions({ id }, { enabled: staff }));
  const claim = staff ? staffClaim : buyerClaim;
  const [comment, setComment] = useState("");
  const [resolution, setResolution] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.claims.pathKey() });
  const onError = (e: unknown) => toast.error(formErrorOf(e).message);
  const onCommented = async () => {
    setComment("");
    await refresh();
  };
  const buyerComment = useMutation(trpc.claims.comment.mutationOptions({ onSuccess: onCommented, onError }));
  const staffComment = useMutation(trpc.claims.staffComment.mutationOptions({ onSuccess: onCommented, onError }));
  const setStatus = useMutation(trpc.claims.setStatus.mutationOptions({ onSuccess: refresh, onError }));
  if (!claim.data) return <Skeleton className="h-64 w-full" />;
  const c = claim.data;
  const orderHref = staff ? `/b2b-orders/${c.order.id}` : `/b2b/orders/${c.order.id}`;
  const moves = nextClaimStatuses(c.status).filter((s): s is "in_work" | "under_review" => s === "in_work" || s === "under_review");
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              {c.number} · {t(`kind.${c.kind}`)} <ClaimStatusBadge status={c.status} />
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <div>
              <span className="text-muted-foreground">{t("col.reason")}:</span> <span data-testid="claim-detail-reason">{c.reason}</span>
            </div>
            {c.description ? <p className="whitespace-pre-wrap">{c.description}</p> : null}
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("form.sku")}</TableHead>
                  <TableHead>{t("form.name")}</TableHead>
                  <TableHead className="text-right">{t("form.ordered")}</TableHead>
                  <TableHead className="text-right">{t("form.claimed")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.lines.map((line) => (
                  <TableRow key={line.id} data-testid="claim-detail-line">
                    <TableCell className="font-mono text-xs">{line.sku}</TableCell>
                    <TableCell className="min-w-48 whitespace-normal">{line.name}</TableCell>
                    <TableCell className="text-right">{line.ordered}</TableCell>
                    <TableCell className="text-right">
                      {line.quantity} {unitLabel.short(line.unit)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {c.files.length ? (
              <div className="flex flex-wrap gap-2" data-testid="claim-files-list">
                {c.files.map((f) => (
                  <a key={f.id} href={`/api/claims/files/${f.id}`} className="inline-flex items-center gap-1 rounded border px-2 py-1 text-xs hover:underline" target="_blank" rel="noreferrer">
                    <Paperclip className="size-3" /> {f.fileName}
                  </a>
                ))}
              </div>
            ) : null}
            {c.resolution ? (
              <div className="rounded-md border bg-emerald-50 p-3 dark:bg-emerald-950" data-testid="claim-resolution">
                <div className="font-semibold">{t("resolution")}</div>
                <p className="whitespace-pre-wrap">{c.resolution}</p>
              </div>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("thread")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            {c.messages.length === 0 ? <p className="text-muted-foreground text-sm">{t("noMessages")}</p> : null}
            {c.messages.map((m) => {
              const to = movedTo(m.details);
              return (
                <div key={m.id} className={`rounded-md border p-3 text-sm ${m.side === "staff" ? "bg-muted/50" : ""}`} data-testid="claim-message" data-side={m.side}>
                  <div className="text-muted-foreground mb-1 text-xs">
                    {m.authorName ?? "—"} · {t(`side.${m.side}`)} · {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </div>
                  <p className="whitespace-pre-wrap">{to ? `→ ${t(`st.${to}`)}` : m.body}</p>
                </div>
              );
            })}
            {c.status !== "closed" ? (
              <form
                className="space-y-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (staff) staffComment.mutate({ id: c.id, body: comment });
                  else buyerComment.mutate({ id: c.id, body: comment });
                }}
              >
                <Textarea value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t("commentPlaceholder")} maxLength={4000} data-testid="claim-comment" />
                <Button type="submit" size="sm" disabled={!comment.trim()} data-testid="claim-comment-send">
                  {t("commentSend")}
                </Button>
              </form>
            ) : null}
          </CardContent>
        </Card>
      </div>
      <div className="space-y-4">
        <Card>
          <CardContent className="space-y-1 text-sm">
            <div>
              <span className="text-muted-foreground">{t("col.company")}:</span> {c.company.name}
            </div>
            <div>
              <span className="text-muted-foreground">{t("col.order")}:</span>{" "}
              <Link href={orderHref} className="underline">
                {c.order.number}
              </Link>
            </div>
            <div>
              <span className="text-muted-foreground">{t("col.buyer")}:</span> {c.buyerName ?? "—"}
            </div>
            <div>
              <span className="text-muted-foreground">{t("col.date")}:</span> {format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </div>
          </CardContent>
        </Card>
        {staff && c.status !== "closed" ? (
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("manage")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3">
              <div className="flex flex-wrap gap-2">
                {moves.map((s) => (
                  <Button key={s} size="sm" variant="outline" disabled={setStatus.isPending} onClick={() => setStatus.mutate({ id: c.id, status: s })} data-testid={`claim-move-${s}`}>
                    {t(`move.${s}`)}
                  </Button>
                ))}
              </div>
              <Label htmlFor="claim-resolution">{t("resolution")}</Label>
              <Textarea id="claim-resolution" value={resolution} onChange={(e) => setResolution(e.target.value)} maxLength={4000} data-testid="claim-resolution-input" />
              <Button size="sm" disabled={!resolution.trim() || setStatus.isPending} onClick={() => setStatus.mutate({ id: c.id, status: "closed", resolution })} data-testid="claim-close">
                {t("move.closed")}
              </Button>
            </CardContent>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
