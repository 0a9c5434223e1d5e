"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, Pencil, Plus, RefreshCw, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { EmptyState } from "@/components/layout/empty-state";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { FeedFormDialog } from "./feed-form-dialog";

/** Catalog → Feeds: the list with addresses, last files and actions; the form in a dialog. */
export function FeedsAdmin() {
  const t = useTranslations("feeds");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const feeds = useQuery(trpc.feeds.list.queryOptions());
  const options = useQuery(trpc.feeds.options.queryOptions());
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.feeds.list.queryKey() });
  const onError = (e: Parameters<typeof formErrorOf>[0]) => toast.error(formErrorOf(e).message);
  const done = async () => {
    toast.success(t("saved"));
    setEditing(null);
    await refresh();
  };
  const create = useMutation(trpc.feeds.create.mutationOptions({ onSuccess: done, onError }));
  const update = useMutation(trpc.feeds.update.mutationOptions({ onSuccess: done, onError }));
  const remove = useMutation(trpc.feeds.remove.mutationOptions({ onSuccess: async () => (toast.success(t("deleted")), await refresh()), onError }));
  const generate = useMutation(
    trpc.feeds.generate.mutationOptions({
      onSuccess: async (file) => {
        toast.success(t("generated", { items: file.items, size: format.number(file.bytes / 1024, { maximumFractionDigits: 1 }) }));
        await refresh();
      },
      onError,
    }),
  );
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const current = editing && editing !== "new" ? feeds.data?.find((f) => f.id === editing) : null;

  return (
    <Card>
      <CardHeader className="flex flex-row items-start justify-between gap-4">
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("intro")}</CardDescription>
        </div>
        <Button onClick={() => setEditing("new")} disabled={!options.data} data-testid="feed-add">
          <Plus className="size-4" /> {t("add")}
        </Button>
      </CardHeader>
      <CardContent>
        {!feeds.data ? (
          <Skeleton className="h-40 w-full" />
        ) : feeds.data.length === 0 ? (
          <EmptyState icon={Plus} title={t("empty")} description={t("intro")} testId="feeds-empty" />
        ) : (
          <Table data-testid="feeds-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("name")}</TableHead>
                <TableHead>{t("format")}</TableHead>
                <TableHead>{t("schedule")}</TableHead>
                <TableHead>{t("files")}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {feeds.data.map((feed) => {
                const url = `${origin}/api/feeds/${feed.token}`;
                return (
                  <TableRow key={feed.id} data-testid="feed-row" data-name={feed.name}>
                    <TableCell className="align-top">
                      <div className="font-medium">{feed.name}</div>
                      <button
                        type="button"
                        className="text-muted-foreground hover:text-foreground mt-1 flex items-center gap-1 font-mono text-xs"
                        title={t("copy")}
                        onClick={() => {
                          void navigator.clipboard?.writeText(url);
                          toast.success(t("copied"));
                        }}
                        data-testid="feed-url"
                        data-url={`/api/feeds/${feed.token}`}
                      >
                        <Copy className="size-3" /> /api/feeds/{feed.token.slice(0, 8)}…
                      </button>
                    </TableCell>
                    <TableCell className="align-top">
                      <Badge variant="secondary">{t(`formats.${feed.format}`)}</Badge>
                    </TableCell>
                    <TableCell className="align-top text-sm">{feed.everyMinutes ? t("scheduleMinutes", { count: feed.everyMinutes }) : t("scheduleNone")}</TableCell>
                    <TableCell className="align-top text-sm whitespace-normal">
                      {feed.files.length === 0 ? (
                        <span className="text-muted-foreground">{t("never")}</span>
                      ) : (
                        <ul className="space-y-0.5" data-testid="feed-files">
                          {feed.files.map((file) => (
                            <li key={file.id}>
                              <a className="text-primary hover:underline" href={`/api/feeds/files/${file.id}`}>
                                {t("fileLine", {
                                  when: format.dateTime(new Date(file.createdAt), { dateStyle: "short", timeStyle: "short" }),
                                  items: file.items,
                                  size: format.number(file.bytes / 1024, { maximumFractionDigits: 1 }),
                                  ms: file.durationMs,
                                  trigger: t(`triggers.${file.trigger}`),
                                })}
                              </a>
                            </li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                    <TableCell className="align-top">
                      <div className="flex justify-end gap-1">
                        <Button size="sm" onClick={() => generate.mutate({ id: feed.id })} disabled={generate.isPending} data-testid="feed-generate">
                          <RefreshCw className="size-3.5" /> {t("generate")}
                        </Button>
                        <Button size="icon" variant="ghost" aria-label={t("edit")} onClick={() => setEditing(feed.id)}>
                          <Pencil className="size-4" />
                        </Button>
                        <Button size="icon" variant="ghost" aria-label={t("delete")} onClick={() => window.confirm(t("deleteConfirm", { name: feed.name })) && remove.mutate({ id: feed.id })}>
                          <Trash2 className="size-4" />
                        </Button>
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
      {editing && options.data && (
        <FeedFormDialog
          key={editing}
          open
          onOpenChange={(open) => !open && setEditing(null)}
          options={options.data}
          saving={create.isPending || update.isPending}
          initial={
            current
              ? {
                  name: current.name, format: current.format, shopName: current.shopName, companyName: current.companyName, shopUrl: current.shopUrl, title: current.title,
                  description: current.description, idField: current.idField, priceTypeId: current.priceTypeId, brandIds: current.brandIds, categoryIds: current.categoryIds,
                  everyMinutes: current.everyMinutes,
                }
              : null
          }
          onSave={(feed) => (current ? update.mutate({ id: current.id, feed }) : create.mutate(feed))}
        />
      )}
    </Card>
  );
}
