"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { EXCHANGE_CATEGORIES, EXCHANGE_ITEM_STATUSES, EXCHANGE_RUN_STATUSES, type ExchangeCategory } from "@/server/domain/exchange/exchange-categories";

const ALL = "all";
type RunStatus = (typeof EXCHANGE_RUN_STATUSES)[number];
type ItemStatus = (typeof EXCHANGE_ITEM_STATUSES)[number];

function StatusBadge({ status }: { status: RunStatus | ItemStatus | null }) {
  const t = useTranslations("exchange");
  if (status === null) return <Badge variant="outline">{t("runStatus.never")}</Badge>;
  const variant = status === "error" ? "destructive" : status === "done" ? "success" : status === "skipped" ? "warning" : "info";
  const label = status === "skipped" ? t("itemStatus.skipped") : t(`runStatus.${status}`);
  return (
    <Badge variant={variant} data-status={status}>
      {label}
    </Badge>
  );
}

function useDate() {
  const format = useFormatter();
  return (value: Date | string | null | undefined) => (value ? format.dateTime(new Date(value), { dateStyle: "short", timeStyle: "medium" }) : "—");
}

function Summary() {
  const t = useTranslations("exchange");
  const trpc = useTRPC();
  const date = useDate();
  const summary = useQuery(trpc.exchange.summary.queryOptions());
  if (!summary.data) return <Skeleton className="h-64 w-full" />;
  return (
    <Table data-testid="exchange-summary">
      <TableHeader>
        <TableRow>
          <TableHead>{t("columns.category")}</TableHead>
          <TableHead>{t("columns.started")}</TableHead>
          <TableHead>{t("columns.finished")}</TableHead>
          <TableHead>{t("columns.status")}</TableHead>
          <TableHead className="text-right">{t("columns.total")}</TableHead>
          <TableHead className="text-right">{t("columns.created")}</TableHead>
          <TableHead className="text-right">{t("columns.updated")}</TableHead>
          <TableHead className="text-right">{t("columns.failed")}</TableHead>
          <TableHead>{t("columns.interval")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {summary.data.map((row) => (
          <TableRow key={row.category} data-category={row.category}>
            <TableCell className="font-medium">{t(`category.${row.category}`)}</TableCell>
            <TableCell>{date(row.startedAt)}</TableCell>
            <TableCell>{date(row.finishedAt)}</TableCell>
            <TableCell>
              <StatusBadge status={row.status} />
              {row.error ? <p className="text-destructive mt-1 max-w-xs truncate text-xs" title={row.error}>{row.error}</p> : null}
            </TableCell>
            <TableCell className="text-right tabular-nums">{row.itemsTotal}</TableCell>
            <TableCell className="text-right tabular-nums">{row.itemsCreated}</TableCell>
            <TableCell className="text-right tabular-nums">{row.itemsUpdated}</TableCell>
            <TableCell className={`text-right tabular-nums ${row.itemsFailed ? "text-destructive font-semibold" : ""}`}>{row.itemsFailed}</TableCell>
            <TableCell>{row.enabled && row.intervalMinutes ? row.intervalMinutes : "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function FilterSelect<T extends string>({ value, onChange, options, allLabel, label, id }: { value: T | typeof ALL; onChange: (v: T | typeof ALL) => void; options: readonly T[]; allLabel: string; label: (v: T) => string; id: string }) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as T | typeof ALL)}>
      <SelectTrigger className="w-48" id={id} aria-label={allLabel}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>{allLabel}</SelectItem>
        {options.map((o) => (
          <SelectItem key={o} value={o}>
            {label(o)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

function Logs() {
  const t = useTranslations("exchange");
  const trpc = useTRPC();
  const date = useDate();
  const [category, setCategory] = useState<ExchangeCategory | typeof ALL>(ALL);
  const [runStatus, setRunStatus] = useState<RunStatus | typeof ALL>(ALL);
  const [itemStatus, setItemStatus] = useState<ItemStatus | typeof ALL>(ALL);
  const [search, setSearch] = useState("");
  const [runId, setRunId] = useState<string | undefined>(undefined);
  const runs = useQuery(trpc.exchange.runs.queryOptions({ category: category === ALL ? undefined : category, status: runStatus === ALL ? undefined : runStatus, limit: 50 }));
  const items = useQuery(
    trpc.exchange.items.queryOptions({ runId, category: category === ALL ? undefined : category, status: itemStatus === ALL ? undefined : itemStatus, search: search.trim() || undefined, limit: 100 }),
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <FilterSelect id="exchange-category" value={category} onChange={setCategory} options={EXCHANGE_CATEGORIES} allLabel={t("filters.allCategories")} label={(c) => t(`category.${c}`)} />
        <FilterSelect id="exchange-run-status" value={runStatus} onChange={setRunStatus} options={EXCHANGE_RUN_STATUSES} allLabel={t("filters.allStatuses")} label={(s) => t(`runStatus.${s}`)} />
      </div>
      <section>
        <h3 className="mb-2 font-semibold">{t("filters.runs")}</h3>
        <Table data-testid="exchange-runs">
          <TableHeader>
            <TableRow>
              <TableHead>{t("columns.category")}</TableHead>
              <TableHead>{t("columns.file")}</TableHead>
              <TableHead>{t("columns.started")}</TableHead>
              <TableHead>{t("columns.finished")}</TableHead>
              <TableHead>{t("columns.status")}</TableHead>
              <TableHead className="text-right">{t("columns.total")}</TableHead>
              <TableHead className="text-right">{t("columns.failed")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(runs.data ?? []).map((run) => (
              <TableRow key={run.id} className={`cursor-pointer ${run.id === runId ? "bg-muted" : ""}`} onClick={() => setRunId(run.id === runId ? undefined : run.id)}>
                <TableCell>{t(`category.${run.category}`)}</TableCell>
                <TableCell className="font-mono text-xs">{run.fileName ?? "—"}</TableCell>
                <TableCell>{date(run.startedAt)}</TableCell>
                <TableCell>{date(run.finishedAt)}</TableCell>
                <TableCell>
                  <StatusBadge status={run.status} />
                  {run.error ? <p className="text-destructive mt-1 max-w-sm truncate text-xs" title={run.error}>{run.error}</p> : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{run.itemsTotal}</TableCell>
                <TableCell className="text-right tabular-nums">{run.itemsFailed}</TableCell>
              </TableRow>
            ))}
            {runs.data?.length === 0 ? (
              <TableRow>
                <TableCell colSpan={7} className="text-muted-foreground">{t("empty")}</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </section>
      <section>
        <div className="mb-2 flex flex-wrap items-center gap-3">
          <h3 className="font-semibold">{t("filters.items")}</h3>
          <FilterSelect id="exchange-item-status" value={itemStatus} onChange={setItemStatus} options={EXCHANGE_ITEM_STATUSES} allLabel={t("filters.allStatuses")} label={(s) => t(`itemStatus.${s}`)} />
          <Input className="w-64" placeholder={t("filters.search")} value={search} onChange={(e) => setSearch(e.target.value)} aria-label={t("filters.search")} />
        </div>
        <Table data-testid="exchange-items">
          <TableHeader>
            <TableRow>
              <TableHead>{t("columns.category")}</TableHead>
              <TableHead>{t("columns.entity")}</TableHead>
              <TableHead>{t("columns.externalId")}</TableHead>
              <TableHead>{t("columns.label")}</TableHead>
              <TableHead>{t("columns.status")}</TableHead>
              <TableHead>{t("columns.message")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(items.data ?? []).map((item) => (
              <TableRow key={item.id}>
                <TableCell>{t(`category.${item.category}`)}</TableCell>
                <TableCell>{item.entity}</TableCell>
                <TableCell className="font-mono text-xs">{item.externalId ?? "—"}</TableCell>
                <TableCell>{item.label ?? "—"}</TableCell>
                <TableCell>
                  <StatusBadge status={item.status} />
                </TableCell>
                <TableCell className={item.status === "error" ? "text-destructive" : ""}>{item.message ?? ""}</TableCell>
              </TableRow>
            ))}
            {items.data?.length === 0 ? (
              <TableRow>
                <TableCell colSpan={6} className="text-muted-foreground">{t("empty")}</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}

function ScheduleRow({ category, intervalMinutes, enabled }: { category: ExchangeCategory; intervalMinutes: number | null; enabled: boolean }) {
  const t = useTranslations("exchange");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [minutes, setMinutes] = useState(String(intervalMinutes ?? 60));
  const [on, setOn] = useState(enabled);
  const save = useMutation(
    trpc.exchange.setSchedule.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.exchange.summary.queryKey() });
        toast.success(t("saved"));
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <TableRow data-category={category}>
      <TableCell className="font-medium">{t(`category.${category}`)}</TableCell>
      <TableCell>
        <Input type="number" min={1} className="w-28" value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-label={`${t(`category.${category}`)} ${t("columns.interval")}`} />
      </TableCell>
      <TableCell>
        <Switch checked={on} onCheckedChange={setOn} aria-label={`${t(`category.${category}`)} ${t("columns.enabled")}`} />
      </TableCell>
      <TableCell>
        <Button size="sm" disabled={save.isPending} onClick={() => save.mutate({ category, intervalMinutes: Number(minutes), enabled: on })}>
          {t("save")}
        </Button>
      </TableCell>
    </TableRow>
  );
}

function Schedule() {
  const t = useTranslations("exchange");
  const trpc = useTRPC();
  const summary = useQuery(trpc.exchange.summary.queryOptions());
  if (!summary.data) return <Skeleton className="h-64 w-full" />;
  return (
    <div className="space-y-3">
      <p className="text-muted-foreground text-sm">{t("scheduleText")}</p>
      <Table data-testid="exchange-schedule">
        <TableHeader>
          <TableRow>
            <TableHead>{t("columns.category")}</TableHead>
            <TableHead>{t("columns.interval")}</TableHead>
            <TableHead>{t("columns.enabled")}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.data.map((row) => (
            <ScheduleRow key={row.category} category={row.category} intervalMinutes={row.intervalMinutes} enabled={row.enabled} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function Access({ endpoint }: { endpoint: string }) {
  const t = useTranslations("exchange");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const credential = useQuery(trpc.exchange.credential.queryOptions());
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const save = useMutation(
    trpc.exchange.setCredential.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.exchange.credential.queryKey() });
        setPassword("");
        toast.success(t("saved"));
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <div className="max-w-md space-y-4">
      <p className="text-muted-foreground text-sm">{t("accessText", { url: endpoint })}</p>
      <p className="text-sm">{credential.data?.login ? t("currentLogin", { login: credential.data.login }) : t("noLogin")}</p>
      <div className="space-y-2">
        <Label htmlFor="exchange-login">{t("login")}</Label>
        <Input id="exchange-login" value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="off" />
      </div>
      <div className="space-y-2">
        <Label htmlFor="exchange-password">{t("password")}</Label>
        <Input id="exchange-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
      </div>
      <Button disabled={save.isPending} onClick={() => save.mutate({ login, password })}>
        {t("save")}
      </Button>
    </div>
  );
}

export function ExchangeSettings({ endpoint }: { endpoint: string }) {
  const t = useTranslations("exchange");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>CommerceML 2 · {endpoint}</CardDescription>
      </CardHeader>
      <CardContent>
        <Tabs defaultValue="summary">
          <TabsList>
            <TabsTrigger value="summary">{t("tabs.summary")}</TabsTrigger>
            <TabsTrigger value="logs">{t("tabs.logs")}</TabsTrigger>
            <TabsTrigger value="schedule">{t("tabs.schedule")}</TabsTrigger>
            <TabsTrigger value="access">{t("tabs.access")}</TabsTrigger>
          </TabsList>
          <TabsContent value="summary" className="pt-4">
            <Summary />
          </TabsContent>
          <TabsContent value="logs" className="pt-4">
            <Logs />
          </TabsContent>
          <TabsContent value="schedule" className="pt-4">
            <Schedule />
          </TabsContent>
          <TabsContent value="access" className="pt-4">
            <Access endpoint={endpoint} />
          </TabsContent>
        </Tabs>
      </CardContent>
    </Card>
  );
}
