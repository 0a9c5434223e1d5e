"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCcw, Save } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { PLACEHOLDERS, EMAIL_STATUSES, type EmailLocale } from "@/server/domain/email/status-email";

type Status = (typeof EMAIL_STATUSES)[number];

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Edit each status e-mail per language, with a live preview of the real layout on sample data. */
export function EmailTemplatesEditor() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const templates = useQuery(trpc.emails.templates.queryOptions());
  const [status, setStatus] = useState<Status>("approved");
  const [locale, setLocale] = useState<EmailLocale>("en");
  const current = useMemo(() => templates.data?.find((x) => x.status === status && x.locale === locale), [templates.data, status, locale]);
  const [draft, setDraft] = useState<{ subject: string; body: string; enabled: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // A different template was chosen (or saved): start editing its stored text.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (current) setDraft({ subject: current.subject, body: current.body, enabled: current.enabled });
  }, [current]);

  const previewInput = useDebounced(draft ? { status, locale, subject: draft.subject || " ", body: draft.body || " " } : null, 300);
  const preview = useQuery({ ...trpc.emails.preview.queryOptions(previewInput ?? { status, locale, subject: " ", body: " " }), enabled: previewInput !== null });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.emails.templates.queryKey() });
  const save = useMutation(
    trpc.emails.save.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success(t("emails.saved"));
      },
      onError: (e) => setError(formErrorOf(e).message),
    }),
  );
  const reset = useMutation(trpc.emails.reset.mutationOptions({ onSuccess: refresh }));

  if (!templates.data || !draft) return <Skeleton className="h-96 w-full" />;
  return (
    <div className="grid gap-6 xl:grid-cols-[220px_1fr_1fr]">
      <Card className="h-fit">
        <CardContent className="p-2">
          <ul className="space-y-0.5" data-testid="email-status-list">
            {EMAIL_STATUSES.map((s) => {
              const enabled = templates.data.find((x) => x.status === s && x.locale === locale)?.enabled ?? true;
              return (
                <li key={s}>
                  <button
                    type="button"
                    onClick={() => setStatus(s)}
                    data-testid={`email-status-${s}`}
                    className={cn("hover:bg-muted flex w-full items-center justify-between rounded-md px-3 py-2 text-left text-sm", s === status && "bg-accent text-accent-foreground font-medium")}
                  >
                    {t(`orderStatus.${s}`)}
                    {!enabled && <Badge variant="secondary">{t("emails.off")}</Badge>}
                  </button>
                </li>
              );
            })}
          </ul>
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="flex flex-row items-center justify-between gap-2 border-b">
          <CardTitle>{t("emails.editTitle", { status: t(`orderStatus.${status}`) })}</CardTitle>
          <Tabs value={locale} onValueChange={(v) => setLocale(v === "ru" ? "ru" : "en")}>
            <TabsList>
              <TabsTrigger value="en">English</TabsTrigger>
              <TabsTrigger value="ru" data-testid="email-locale-ru">Русский</TabsTrigger>
            </TabsList>
          </Tabs>
        </CardHeader>
        <CardContent className="space-y-4 pt-4">
          <div className="flex items-center gap-3">
            <Switch id="email-enabled" checked={draft.enabled} onCheckedChange={(v) => setDraft({ ...draft, enabled: v })} />
            <Label htmlFor="email-enabled">{t("emails.enabled")}</Label>
            {current?.customized ? <Badge variant="info">{t("emails.customized")}</Badge> : <Badge variant="secondary">{t("emails.builtIn")}</Badge>}
          </div>
          <Field id="email-subject" label={t("emails.subject")}>
            <Input id="email-subject" value={draft.subject} onChange={(e) => setDraft({ ...draft, subject: e.target.value })} />
          </Field>
          <Field id="email-body" label={t("emails.body")} hint={t("emails.bodyHint")}>
            <Textarea id="email-body" rows={12} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} className="font-mono text-sm" />
          </Field>
          <div>
            <div className="text-muted-foreground mb-2 text-xs font-medium uppercase">{t("emails.placeholders")}</div>
            <div className="flex flex-wrap gap-1.5">
              {PLACEHOLDERS.map((p) => (
                <button
                  type="button"
                  key={p.key}
                  title={p.description[locale]}
                  onClick={() => setDraft({ ...draft, body: `${draft.body}{{${p.key}}}` })}
                  className="bg-muted hover:bg-accent rounded px-2 py-1 font-mono text-xs"
                >
                  {`{{${p.key}}}`}
                </button>
              ))}
            </div>
          </div>
          {error && <p className="text-destructive text-sm" role="alert">{error}</p>}
          <div className="flex gap-2">
            <Button
              onClick={() => {
                setError(null);
                save.mutate({ status, locale, ...draft });
              }}
              disabled={save.isPending}
              data-testid="email-save"
            >
              <Save className="size-4" />
              {t("common.save")}
            </Button>
            {current?.customized && (
              <Button variant="outline" onClick={() => reset.mutate({ status, locale })} disabled={reset.isPending}>
                <RotateCcw className="size-4" />
                {t("emails.reset")}
              </Button>
            )}
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="border-b">
          <CardTitle>{t("emails.preview")}</CardTitle>
          {preview.data && <p className="text-muted-foreground text-sm" data-testid="email-preview-subject">{preview.data.subject}</p>}
        </CardHeader>
        <CardContent className="pt-4">
          {preview.data ? (
            <iframe title={t("emails.preview")} srcDoc={preview.data.html} className="h-[640px] w-full rounded-md border bg-white" data-testid="email-preview" sandbox="" />
          ) : (
            <Skeleton className="h-[640px] w-full" />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
