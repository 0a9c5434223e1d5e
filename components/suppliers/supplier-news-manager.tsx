"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Newspaper, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { NewsCard } from "./news-card";

const STATUS_VARIANT = { pending: "warning", approved: "success", rejected: "destructive" } as const;
interface Draft {
  kind: "news" | "promotion";
  title: string;
  body: string;
  imageUrl: string;
  startsOn: string;
  endsOn: string;
}
const EMPTY: Draft = { kind: "news", title: "", body: "", imageUrl: "", startsOn: "", endsOn: "" };

function NewsDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations("suppliers.news");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<FormError | null>(null);
  const create = useMutation(
    trpc.suppliers.createNews.mutationOptions({
      onSuccess: () => {
        toast.success(t("sent"));
        void queryClient.invalidateQueries({ queryKey: trpc.suppliers.pathKey() });
        onClose();
      },
      onError: (e) => setError(formErrorOf(e)),
    }),
  );
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    create.mutate(draft);
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t("newTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" data-testid="news-form" noValidate>
          <Field id="kind" label={t("kind")}>
            <Select value={draft.kind} onValueChange={(v) => set("kind", v)}>
              <SelectTrigger id="kind" data-testid="news-kind">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="news">{t("kind_news")}</SelectItem>
                <SelectItem value="promotion">{t("kind_promotion")}</SelectItem>
              </SelectContent>
            </Select>
          </Field>
          <Field id="title" label={t("title")} error={fieldError("title")}>
            <Input id="title" value={draft.title} onChange={(e) => set("title", e.target.value)} data-testid="news-title-input" />
          </Field>
          <Field id="body" label={t("body")} error={fieldError("body")}>
            <Textarea id="body" rows={5} value={draft.body} onChange={(e) => set("body", e.target.value)} data-testid="news-body-input" />
          </Field>
          <Field id="imageUrl" label={t("imageUrl")} error={fieldError("imageUrl")} hint={t("imageHint")}>
            <Input id="imageUrl" value={draft.imageUrl} onChange={(e) => set("imageUrl", e.target.value)} />
          </Field>
          {draft.kind === "promotion" && (
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="startsOn" label={t("startsOn")} error={fieldError("startsOn")}>
                <Input id="startsOn" type="date" value={draft.startsOn} onChange={(e) => set("startsOn", e.target.value)} />
              </Field>
              <Field id="endsOn" label={t("endsOn")} error={fieldError("endsOn")}>
                <Input id="endsOn" type="date" value={draft.endsOn} onChange={(e) => set("endsOn", e.target.value)} />
              </Field>
            </div>
          )}
          {error && !["title", "body", "imageUrl", "startsOn", "endsOn"].includes(error.field ?? "") && <p className="text-destructive text-sm">{error.message}</p>}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending} data-testid="news-submit">
              {t("submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The supplier's news and promotions with their moderation status and the moderator's comment. */
export function SupplierNewsManager() {
  const t = useTranslations("suppliers.news");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const news = useQuery(trpc.suppliers.myNews.queryOptions());
  const [creating, setCreating] = useState(false);
  const remove = useMutation(trpc.suppliers.deleteNews.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.suppliers.pathKey() }) }));
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between border-b">
        <CardTitle>{t("mine")}</CardTitle>
        <Button size="sm" onClick={() => setCreating(true)} data-testid="news-new">
          <Plus className="size-4" />
          {t("new")}
        </Button>
      </CardHeader>
      <CardContent className="pt-4">
        {news.isPending && <Skeleton className="h-40 w-full" />}
        {news.data?.length === 0 && (
          <div className="text-muted-foreground flex flex-col items-center gap-2 py-12 text-sm" data-testid="news-empty">
            <div className="bg-primary/10 text-primary grid size-12 place-items-center rounded-full">
              <Newspaper className="size-6" />
            </div>
            {t("emptyMine")}
          </div>
        )}
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {news.data?.map((item) => (
            <NewsCard
              key={item.id}
              item={item}
              badge={
                <Badge variant={STATUS_VARIANT[item.status]} className="uppercase" data-testid="news-status">
                  {t(`status_${item.status}`)}
                </Badge>
              }
              footer={
                <div className="mt-auto flex items-end justify-between gap-2 pt-2">
                  <p className="text-destructive text-xs">{item.moderatorComment}</p>
                  <Button size="icon" variant="ghost" aria-label={t("delete")} onClick={() => remove.mutate({ id: item.id })}>
                    <Trash2 className="size-4" />
                  </Button>
                </div>
              }
            />
          ))}
        </div>
      </CardContent>
      {creating && <NewsDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}
