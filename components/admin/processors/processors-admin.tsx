"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Pencil, Plus, RotateCcw } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ProcessorFormDialog } from "./processor-form-dialog";
import { SecretOnceDialog } from "../secret-once-dialog";
import type { ProcessorRow } from "./processor-types";

function useUsd() {
  const format = useFormatter();
  return (cents: number | null) => (cents === null ? "—" : format.number(cents / 100, { style: "currency", currency: "USD", maximumFractionDigits: 0 }));
}

function StateBadge({ processor }: { processor: ProcessorRow }) {
  const t = useTranslations("processors");
  if (processor.autoDisabledAt) return <Badge variant="destructive" title={processor.autoDisabledReason ?? undefined}>{t("state.autoDisabled")}</Badge>;
  if (!processor.isEnabled) return <Badge variant="secondary">{t("state.disabled")}</Badge>;
  if (processor.adapter === "manual") return <Badge variant="info">{t("state.manual")}</Badge>;
  return <Badge variant="success">{t("state.enabled")}</Badge>;
}

function CapCell({ label, used, cap }: { label: string; used: number; cap: number | null }) {
  const usd = useUsd();
  const text = (
    <div className="text-xs whitespace-nowrap">
      <span className="text-muted-foreground">{label}:</span> {usd(used)} / {cap === null ? "∞" : usd(cap)}
    </div>
  );
  if (cap === null) return text;
  const share = Math.min(100, Math.round((used / Math.max(cap, 1)) * 100));
  return (
    <div className="min-w-32">
      {text}
      <div className="bg-muted mt-1 h-1.5 rounded-full">
        <div className={share >= 90 ? "bg-destructive h-1.5 rounded-full" : "bg-primary h-1.5 rounded-full"} style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

/** The admin's processors: routing data, volume against caps, health, and the write-only credentials. */
export function ProcessorsAdmin() {
  const t = useTranslations("processors");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const usd = useUsd();
  const list = useQuery(trpc.payments.processorOverview.queryOptions());
  const [editing, setEditing] = useState<ProcessorRow | "new" | null>(null);
  const [secret, setSecret] = useState<{ code: string; secret: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.payments.processorOverview.queryKey() });
  const onError = (e: unknown) => toast.error(formErrorOf(e).message);
  const toggle = useMutation(
    trpc.payments.updateProcessor.mutationOptions({
      onSuccess: async (p) => {
        await refresh();
        toast.success(p.isEnabled ? t("enabledToast", { name: p.name }) : t("disabledToast", { name: p.name }));
      },
      onError,
    }),
  );
  const rotate = useMutation(
    trpc.payments.rotateWebhookSecret.mutationOptions({
      onSuccess: async ({ processor, webhookSecret }) => {
        await refresh();
        if (webhookSecret) setSecret({ code: processor.code, secret: webhookSecret });
      },
      onError,
    }),
  );

  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between border-b">
        <CardTitle>{t("listTitle")}</CardTitle>
        <Button variant="success" onClick={() => setEditing("new")} data-testid="add-processor">
          <Plus className="size-4" />
          {t("add")}
        </Button>
      </CardHeader>
      <CardContent className="pt-4">
        <p className="text-muted-foreground mb-3 text-sm">{t("intro")}</p>
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="processors-table">
            <TableHeader className="bg-muted/50">
              <TableRow>
                <TableHead>{t("fields.priority")}</TableHead>
                <TableHead>{t("fields.name")}</TableHead>
                <TableHead>{t("fields.methods")}</TableHead>
                <TableHead>{t("columns.where")}</TableHead>
                <TableHead>{t("columns.limits")}</TableHead>
                <TableHead>{t("columns.fee")}</TableHead>
                <TableHead>{t("columns.volume")}</TableHead>
                <TableHead>{t("columns.health")}</TableHead>
                <TableHead>{t("fields.enabled")}</TableHead>
                <TableHead className="text-right">{tc("actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.isPending && (
                <TableRow>
                  <TableCell colSpan={10}>
                    <Skeleton className="h-6 w-full" />
                  </TableCell>
                </TableRow>
              )}
              {list.data?.length === 0 && (
                <TableRow>
                  <TableCell colSpan={10} className="text-muted-foreground py-8 text-center">
                    {t("empty")}
                  </TableCell>
                </TableRow>
              )}
              {list.data?.map((p) => (
                <TableRow key={p.id} data-testid="processor-row" data-code={p.code}>
                  <TableCell className="font-mono text-xs">{p.priority}</TableCell>
                  <TableCell>
                    <div className="font-medium">{p.name}</div>
                    <div className="text-muted-foreground font-mono text-xs">
                      {p.code} · {t(`adapters.${p.adapter === "sandbox" ? "sandbox" : p.adapter === "manual" ? "manual" : "other"}`)}
                      {p.adapter !== "manual" && !p.hasCredentials && <span className="text-destructive"> · {t("noCredentials")}</span>}
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-wrap gap-1">
                      {p.methods.map((m) => (
                        <Badge key={m} variant="outline">
                          {t.has(`methods.${m}`) ? t(`methods.${m}`) : m}
                        </Badge>
                      ))}
                    </div>
                  </TableCell>
                  <TableCell className="text-xs">
                    <div>{p.currencies.length ? p.currencies.join(", ") : t("anyCurrency")}</div>
                    <div className="text-muted-foreground">{p.countries.length ? p.countries.join(", ") : t("anyCountry")}</div>
                  </TableCell>
                  <TableCell className="text-xs whitespace-nowrap">
                    {p.minAmountUsdMinor === null && p.maxAmountUsdMinor === null ? <span className="text-muted-foreground">{t("noLimits")}</span> : `${usd(p.minAmountUsdMinor)} – ${usd(p.maxAmountUsdMinor)}`}
                  </TableCell>
                  <TableCell className="text-xs whitespace-nowrap">
                    {(p.feeBasisPoints / 100).toFixed(2)} % + {p.feeFixedMinor}
                  </TableCell>
                  <TableCell className="space-y-1.5" data-testid="processor-volume">
                    <CapCell label={t("columns.today")} used={p.volume.dayUsdMinor} cap={p.dailyCapUsdMinor} />
                    <CapCell label={t("columns.month")} used={p.volume.monthUsdMinor} cap={p.monthlyCapUsdMinor} />
                  </TableCell>
                  <TableCell className="text-xs">
                    <StateBadge processor={p} />
                    <div className="text-muted-foreground mt-1" data-testid="processor-failures">
                      {t("failures", { count: p.consecutiveFailures, threshold: p.failureThreshold })}
                    </div>
                  </TableCell>
                  <TableCell>
                    <Switch
                      checked={p.isEnabled && !p.autoDisabledAt}
                      disabled={toggle.isPending}
                      aria-label={t("toggle", { name: p.name })}
                      onCheckedChange={(on) => toggle.mutate({ id: p.id, isEnabled: on })}
                      data-testid="processor-toggle"
                    />
                  </TableCell>
                  <TableCell className="space-x-1 text-right whitespace-nowrap">
                    {p.autoDisabledAt && (
                      <Button size="sm" variant="outline" onClick={() => toggle.mutate({ id: p.id, isEnabled: true })} data-testid="processor-reenable">
                        <RotateCcw className="size-4" />
                        {t("reenable")}
                      </Button>
                    )}
                    {p.adapter !== "manual" && (
                      <Button size="icon" variant="ghost" onClick={() => rotate.mutate({ id: p.id })} disabled={rotate.isPending} title={t("rotateHint")} aria-label={t("rotate")} data-testid="processor-rotate">
                        <KeyRound className="size-4" />
                      </Button>
                    )}
                    <Button size="icon" variant="ghost" onClick={() => setEditing(p)} title={tc("edit")} aria-label={tc("edit")} data-testid="processor-edit">
                      <Pencil className="size-4" />
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </CardContent>
      {editing && (
        <ProcessorFormDialog
          processor={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSecret={(code, value) => setSecret({ code, secret: value })}
        />
      )}
      {secret && (
        <SecretOnceDialog
          title={t("secretTitle", { code: secret.code })}
          fields={[
            { label: "callback", value: `/api/callbacks/${secret.code}`, testId: "processor-secret-callback", codeLabel: true },
            { label: "webhook_secret", value: secret.secret, testId: "processor-secret-webhook_secret", codeLabel: true },
          ]}
          texts={{ description: t("secretOnce"), copy: t("copy"), copied: t("copied"), done: t("secretDone") }}
          doneTestId="processor-secret-done"
          onClose={() => setSecret(null)}
        />
      )}
    </Card>
  );
}
