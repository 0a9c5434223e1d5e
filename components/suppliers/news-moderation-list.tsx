"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Newspaper, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { NewsCard } from "./news-card";

const TABS = ["pending", "approved", "rejected", "all"] as const;
type Tab = (typeof TABS)[number];
const STATUS_VARIANT = { pending: "warning", approved: "success", rejected: "destructive" } as const;

function Decision({ id }: { id: string }) {
  const t = useTranslations("suppliers.moderation");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const moderate = useMutation(
    trpc.suppliers.moderateNews.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.suppliers.pathKey() }),
      onError: (e) => setError(formErrorOf(e).message),
    }),
  );
  return (
    <div className="mt-auto grid gap-2 border-t pt-3">
      <Input value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t("comment")} data-testid="moderation-comment" />
      {error && <p className="text-destructive text-xs">{error}</p>}
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="outline" disabled={moderate.isPending} onClick={() => moderate.mutate({ id, decision: "reject", comment })} data-testid="reject-news">
          <X className="size-4" />
          {t("reject")}
        </Button>
        <Button size="sm" variant="success" disabled={moderate.isPending} onClick={() => moderate.mutate({ id, decision: "approve", comment })} data-testid="approve-news">
          <Check className="size-4" />
          {t("approve")}
        </Button>
      </div>
    </div>
  );
}

/** The moderators' queue of supplier news and promotions. */
export function NewsModerationList() {
  const t = useTranslations("suppliers.moderation");
  const n = useTranslations("suppliers.news");
  const trpc = useTRPC();
  const [status, setStatus] = useState<Tab>("pending");
  const queue = useQuery(trpc.suppliers.newsQueue.queryOptions({ status }));
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b">
        <CardTitle>{t("title")}</CardTitle>
        <Tabs value={status} onValueChange={(v) => setStatus(v as Tab)}>
          <TabsList>
            {TABS.map((s) => (
              <TabsTrigger key={s} value={s} data-testid={`news-tab-${s}`}>
                {t(`tabs.${s}`)}
              </TabsTrigger>
            ))}
          </TabsList>
        </Tabs>
      </CardHeader>
      <CardContent className="pt-4">
        {queue.isPending && <Skeleton className="h-40 w-full" />}
        {queue.data?.length === 0 && (
          <div className="text-muted-foreground flex flex-col items-center gap-2 py-12 text-sm" data-testid="moderation-news-empty">
            <div className="bg-primary/10 text-primary grid size-12 place-items-center rounded-full">
              <Newspaper className="size-6" />
            </div>
            {t("empty")}
          </div>
        )}
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {queue.data?.map((item) => (
            <NewsCard
              key={item.id}
              item={item}
              badge={
                <Badge variant={STATUS_VARIANT[item.status]} className="uppercase">
                  {n(`status_${item.status}`)}
                </Badge>
              }
              footer={item.status === "pending" ? <Decision id={item.id} /> : item.moderatorComment ? <p className="text-muted-foreground text-xs">{item.moderatorComment}</p> : null}
            />
          ))}
        </div>
      </CardContent>
    </Card>
  );
}
