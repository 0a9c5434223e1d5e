"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/layout/empty-state";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ContentDiff } from "@/server/domain/supplier-products/content-diff";

const SELECT = "border-input bg-background h-9 rounded-md border px-3 text-sm";

/** Pending product changes of suppliers, each as a diff; approve or reject one or many. */
export function ModerationQueue() {
  const t = useTranslations("moderation");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [supplierId, setSupplierId] = useState("");
  const [kind, setKind] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [comments, setComments] = useState<Record<string, string>>({});
  const [bulkComment, setBulkComment] = useState("");
  const queue = useQuery(
    trpc.productModeration.productQueue.queryOptions({
      supplierId: supplierId || undefined,
      kind: (kind || undefined) as "create" | "update" | undefined,
    }),
  );
  const done = async (r: { decided: number }) => {
    toast.success(t("decided", { count: r.decided }));
    setSelected(new Set());
    setBulkComment("");
    await queryClient.invalidateQueries({
      queryKey: trpc.productModeration.pathKey(),
    });
  };
  const onError = (e: unknown) => toast.error(formErrorOf(e).message);
  const approve = useMutation(
    trpc.productModeration.approveProducts.mutationOptions({
      onSuccess: done,
      onError,
    }),
  );
  const reject = useMutation(
    trpc.productModeration.rejectProducts.mutationOptions({
      onSuccess: done,
      onError,
    }),
  );
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const items = queue.data?.items ?? [];
  return (
    <div className="space-y-4">
      <Card>
        <CardContent className="flex flex-wrap items-center gap-2">
          <select
            className={SELECT}
            value={supplierId}
            onChange={(e) => setSupplierId(e.target.value)}
            aria-label={t("supplier")}
            data-testid="moderation-supplier"
          >
            <option value="">{t("allSuppliers")}</option>
            {queue.data?.suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <select
            className={SELECT}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            aria-label={t("kind")}
          >
            <option value="">{t("allKinds")}</option>
            <option value="create">{t("kinds.create")}</option>
            <option value="update">{t("kinds.update")}</option>
          </select>
          <label className="ml-2 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={items.length > 0 && selected.size === items.length}
              onChange={(e) =>
                setSelected(
                  e.target.checked
                    ? new Set(items.map((i) => i.id))
                    : new Set(),
                )
              }
              data-testid="select-all"
            />
            {t("selectAll")}
          </label>
          {selected.size > 0 ? (
            <div
              className="ml-auto flex flex-wrap items-center gap-2"
              data-testid="bulk-bar"
            >
              <span className="text-sm">
                {t("selected", { count: selected.size })}
              </span>
              <Button
                size="sm"
                onClick={() => approve.mutate({ revisionIds: [...selected] })}
                data-testid="bulk-approve"
              >
                {t("approve")}
              </Button>
              <Input
                className="w-56"
                placeholder={t("comment")}
                value={bulkComment}
                onChange={(e) => setBulkComment(e.target.value)}
              />
              <Button
                size="sm"
                variant="destructive"
                onClick={() =>
                  reject.mutate({
                    revisionIds: [...selected],
                    comment: bulkComment,
                  })
                }
              >
                {t("reject")}
              </Button>
            </div>
          ) : null}
        </CardContent>
      </Card>
      {!queue.data ? (
        <Skeleton className="h-60 w-full" />
      ) : items.length === 0 ? (
        <Card>
          <CardContent>
            <EmptyState
              icon={ShieldCheck}
              title={t("empty")}
              description=""
              testId="moderation-empty"
            />
          </CardContent>
        </Card>
      ) : (
        items.map((item) => (
          <Card key={item.id} data-testid="moderation-item" data-sku={item.sku}>
            <CardHeader className="flex flex-row flex-wrap items-center gap-3 space-y-0">
              <input
                type="checkbox"
                checked={selected.has(item.id)}
                onChange={() => toggle(item.id)}
                aria-label={t("select", { sku: item.sku })}
                data-testid="moderation-select"
              />
              <span className="font-mono text-xs">{item.sku}</span>
              <Badge variant={item.kind === "create" ? "default" : "secondary"}>
                {t(`kinds.${item.kind}`)}
              </Badge>
              <span className="text-sm">{item.supplierName}</span>
              <span className="text-muted-foreground ml-auto text-xs">
                {format.dateTime(item.submittedAt, {
                  dateStyle: "medium",
                  timeStyle: "short",
                })}{" "}
                · {t("changes", { count: item.diff.changes })}
              </span>
            </CardHeader>
            <CardContent className="space-y-3">
              <DiffTable diff={item.diff} isNew={item.kind === "create"} />
              <div className="flex flex-wrap items-center gap-2">
                <Button
                  size="sm"
                  onClick={() => approve.mutate({ revisionIds: [item.id] })}
                  disabled={approve.isPending}
                  data-testid="approve"
                >
                  {t("approve")}
                </Button>
                <Input
                  className="w-72"
                  placeholder={t("comment")}
                  value={comments[item.id] ?? ""}
                  onChange={(e) =>
                    setComments((c) => ({ ...c, [item.id]: e.target.value }))
                  }
                  data-testid="reject-comment"
                />
                <Button
                  size="sm"
                  variant="destructive"
                  onClick={() =>
                    reject.mutate({
                      revisionIds: [item.id],
                      comment: comments[item.id],
                    })
                  }
                  disabled={reject.isPending}
                  data-testid="reject"
                >
                  {t("reject")}
                </Button>
              </div>
            </CardContent>
          </Card>
        ))
      )}
    </div>
  );
}

function DiffTable({ diff, isNew }: { diff: ContentDiff; isNew: boolean }) {
  const t = useTranslations("moderation");
  // A change shows only what changed; the moderator may unfold the unchanged fields for context.
  const [showAll, setShowAll] = useState(false);
  const unchanged = isNew
    ? 0
    : diff.fields.filter((f) => !f.changed).length +
      (diff.images.changed ? 0 : 1);
  return (
    <>
      <Table data-testid="diff-table" className="table-fixed">
        <TableHeader>
          <TableRow>
            <TableHead className="w-48">{t("field")}</TableHead>
            {isNew ? null : <TableHead>{t("before")}</TableHead>}
            <TableHead>{isNew ? t("value") : t("after")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {diff.fields
            .filter((f) => f.changed || showAll)
            .map((f) => (
              <TableRow
                key={`${f.field}-${f.label ?? ""}`}
                data-testid="diff-row"
                data-changed={f.changed}
                className={
                  f.changed && !isNew
                    ? "bg-amber-50 dark:bg-amber-950/30"
                    : undefined
                }
              >
                <TableCell className="align-top text-sm font-medium whitespace-normal">
                  {f.field === "property" ? f.label : t(`fields.${f.field}`)}
                </TableCell>
                {isNew ? null : (
                  <TableCell
                    className={`align-top text-sm break-words whitespace-pre-wrap ${f.changed ? "text-muted-foreground line-through" : ""}`}
                  >
                    {f.before ?? "—"}
                  </TableCell>
                )}
                <TableCell
                  className="align-top text-sm break-words whitespace-pre-wrap"
                  data-testid="diff-after"
                >
                  {f.after ?? "—"}
                </TableCell>
              </TableRow>
            ))}
          {isNew || showAll || diff.images.changed ? (
            <TableRow data-testid="diff-row" data-changed={diff.images.changed}>
              <TableCell className="text-sm font-medium">
                {t("fields.images")}
              </TableCell>
              {isNew ? null : (
                <TableCell className="whitespace-normal">
                  <Thumbs
                    urls={diff.images.before}
                    marked={diff.images.removed}
                    tone="removed"
                  />
                </TableCell>
              )}
              <TableCell className="whitespace-normal">
                <Thumbs
                  urls={diff.images.after}
                  marked={isNew ? [] : diff.images.added}
                  tone="added"
                />
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
      {unchanged > 0 ? (
        <Button
          type="button"
          variant="link"
          size="sm"
          className="px-0"
          onClick={() => setShowAll((v) => !v)}
          data-testid="diff-toggle"
        >
          {showAll
            ? t("onlyChanges")
            : t("showUnchanged", { count: unchanged })}
        </Button>
      ) : null}
    </>
  );
}

function Thumbs({
  urls,
  marked,
  tone,
}: {
  urls: string[];
  marked: string[];
  tone: "added" | "removed";
}) {
  if (urls.length === 0)
    return <span className="text-muted-foreground text-sm">—</span>;
  return (
    <div className="flex flex-wrap gap-2">
      {urls.map((url) => (
        // eslint-disable-next-line @next/next/no-img-element -- supplier uploads, any size
        <img
          key={url}
          src={url}
          alt=""
          className={`size-14 rounded border object-cover ${marked.includes(url) ? (tone === "added" ? "ring-2 ring-green-500" : "opacity-50 ring-2 ring-red-500") : ""}`}
        />
      ))}
    </div>
  );
}
