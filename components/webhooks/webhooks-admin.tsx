"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, RotateCw, Trash2 } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/server/domain/webhooks/events";

const ALL = "all";

/** Settings → Webhooks: endpoints (secret shown once), pause/delete, and the delivery log with Resend. */
export function WebhooksAdmin() {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.webhooks.endpoints.queryOptions());
  const deliveries = useQuery(trpc.webhooks.deliveries.queryOptions({ limit: 50 }));
  const shops = useQuery(trpc.shops.list.queryOptions());
  const [url, setUrl] = useState("https://");
  const [shopId, setShopId] = useState(ALL);
  const [events, setEvents] = useState<WebhookEvent[]>(["order.created", "order.status_changed"]);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.webhooks.endpoints.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.queryKey() });
  };
  const onError = (e: Parameters<typeof formErrorOf>[0]) => toast.error(formErrorOf(e).message);
  const create = useMutation(trpc.webhooks.createEndpoint.mutationOptions({ onSuccess: async (r) => (setSecret(r.secret), toast.success(t("saved")), await refresh()), onError }));
  const update = useMutation(trpc.webhooks.updateEndpoint.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(trpc.webhooks.deleteEndpoint.mutationOptions({ onSuccess: refresh, onError }));
  const resend = useMutation(trpc.webhooks.resend.mutationOptions({ onSuccess: async () => (toast.success(t("resent")), await refresh()), onError }));

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("intro")}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <form
            className="grid gap-3 rounded-md border p-4 lg:grid-cols-[1fr_220px]"
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate({ url, shopId: shopId === ALL ? null : shopId, events });
            }}
          >
            <div className="space-y-2">
              <Label htmlFor="webhook-url">{t("url")}</Label>
              <Input id="webhook-url" value={url} onChange={(e) => setUrl(e.target.value)} data-testid="webhook-url" />
            </div>
            <div className="space-y-2">
              <Label>{t("shop")}</Label>
              <Select value={shopId} onValueChange={setShopId}>
                <SelectTrigger className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={ALL}>{t("allShops")}</SelectItem>
                  {(shops.data ?? []).map((shop) => (
                    <SelectItem key={shop.id} value={shop.id}>
                      {shop.name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
            <div className="flex flex-wrap gap-4 lg:col-span-2">
              {WEBHOOK_EVENTS.map((event) => (
                <label key={event} className="flex items-center gap-2 text-sm">
                  <Checkbox checked={events.includes(event)} onCheckedChange={(on) => setEvents(on === true ? [...events, event] : events.filter((e) => e !== event))} />
                  {t(`eventNames.${event.replace(".", "_")}`)}
                </label>
              ))}
            </div>
            <div className="lg:col-span-2">
              <Button type="submit" disabled={create.isPending} data-testid="webhook-add">
                <Plus className="size-4" /> {t("add")}
              </Button>
            </div>
          </form>
          {secret && (
            <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/40">
              <p className="font-medium">{t("secretTitle")}</p>
              <p className="text-muted-foreground text-xs">{t("secretHint")}</p>
              <code className="mt-1 block break-all" data-testid="webhook-secret">
                {secret}
              </code>
            </div>
          )}
          {endpoints.data && endpoints.data.length === 0 ? (
            <p className="text-muted-foreground text-sm">{t("noEndpoints")}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("url")}</TableHead>
                  <TableHead>{t("shop")}</TableHead>
                  <TableHead>{t("events")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {(endpoints.data ?? []).map((endpoint) => (
                  <TableRow key={endpoint.id} data-testid="webhook-endpoint">
                    <TableCell className="font-mono text-xs">{endpoint.url}</TableCell>
                    <TableCell>{endpoint.shopName ?? t("allShops")}</TableCell>
                    <TableCell className="text-xs whitespace-normal">{endpoint.events.map((e) => t(`eventNames.${e.replace(".", "_")}`)).join(", ")}</TableCell>
                    <TableCell>
                      <Badge variant={endpoint.isActive ? "secondary" : "outline"}>{endpoint.isActive ? t("active") : t("inactive")}</Badge>
                    </TableCell>
                    <TableCell className="text-right">
                      <Button size="sm" variant="outline" onClick={() => update.mutate({ id: endpoint.id, endpoint: { url: endpoint.url, shopId: endpoint.shopId, events: endpoint.events, isActive: !endpoint.isActive } })}>
                        {endpoint.isActive ? t("pause") : t("resume")}
                      </Button>
                      <Button size="icon" variant="ghost" aria-label={t("delete")} onClick={() => window.confirm(t("deleteConfirm")) && remove.mutate({ id: endpoint.id })}>
                        <Trash2 className="size-4" />
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("deliveries")}</CardTitle>
        </CardHeader>
        <CardContent>
          {deliveries.data && deliveries.data.length === 0 ? (
            <p className="text-muted-foreground text-sm">{t("noDeliveries")}</p>
          ) : (
            <Table data-testid="webhook-deliveries">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("when")}</TableHead>
                  <TableHead>{t("event")}</TableHead>
                  <TableHead>{t("order")}</TableHead>
                  <TableHead>{t("url")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead>{t("response")}</TableHead>
                  <TableHead>{t("attempts")}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {(deliveries.data ?? []).map((d) => (
                  <TableRow key={d.id} data-testid="webhook-delivery" data-status={d.status}>
                    <TableCell className="text-xs">{format.dateTime(new Date(d.createdAt), { dateStyle: "short", timeStyle: "medium" })}</TableCell>
                    <TableCell className="text-xs">{t(`eventNames.${d.event.replace(".", "_")}`)}</TableCell>
                    <TableCell className="text-xs">{d.orderId ? <Link className="text-primary hover:underline" href={`/orders/${d.orderId}`}>{d.orderId.slice(0, 12)}…</Link> : "—"}</TableCell>
                    <TableCell className="max-w-56 truncate font-mono text-xs">{d.url}</TableCell>
                    <TableCell>
                      <Badge variant={d.status === "failed" ? "destructive" : d.status === "delivered" ? "secondary" : "outline"}>{t(`statuses.${d.status}`)}</Badge>
                    </TableCell>
                    <TableCell className="max-w-48 truncate text-xs" title={d.error ?? undefined}>
                      {d.responseCode ?? "—"} {d.error && d.status !== "delivered" ? <span className="text-destructive">{d.error}</span> : null}
                    </TableCell>
                    <TableCell className="text-xs">{d.attempts}</TableCell>
                    <TableCell>
                      <Button size="sm" variant="ghost" onClick={() => resend.mutate({ id: d.id })} disabled={resend.isPending} data-testid="webhook-resend">
                        <RotateCw className="size-3.5" /> {t("resend")}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
