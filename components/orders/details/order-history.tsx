"use client";
import { AlertTriangle, CheckCircle2, Circle, CreditCard, Headset, Mail, ShoppingCart, Truck } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OrderDetails } from "@/server/domain/orders/order-details";
import { isOrderStatus } from "@/server/domain/orders/order-statuses";

type OrderEvent = OrderDetails["events"][number];

const ICON = { created: ShoppingCart, status_changed: CheckCircle2, payment: CreditCard, callback: CreditCard, email: Mail, shipment: Truck, call_center_status_changed: Headset, error: AlertTriangle, note: Circle, duplicate_rejected: AlertTriangle } as const;
const TIMELINE_TYPES: ReadonlySet<OrderEvent["type"]> = new Set(["created", "status_changed", "shipment", "payment", "call_center_status_changed"]);

function useEventText() {
  const t = useTranslations("orders");
  const tStatus = useTranslations("orderStatus");
  const statusLabel = (event: OrderEvent, value: string | null) => {
    if (!value) return "—";
    if (event.type === "call_center_status_changed") return t.has(`callCenterStatus.${value}`) ? t(`callCenterStatus.${value}` as "callCenterStatus.new_inquiry") : value;
    return isOrderStatus(value) ? tStatus(value) : value;
  };
  return (event: OrderEvent) => {
    if (event.type === "created") return t("details.placed");
    if (event.toStatus) return event.fromStatus ? t("details.statusFromTo", { from: statusLabel(event, event.fromStatus), to: statusLabel(event, event.toStatus) }) : statusLabel(event, event.toStatus);
    return t(`details.eventType.${event.type}`);
  };
}

/** "Status changed: Pending → Approved"; just "Shipment" when an event has nothing more to say. */
function timelineHeading(event: OrderEvent, typeLabel: string, detail: string): string {
  if (event.type === "created" || detail === typeLabel) return detail;
  return `${typeLabel}: ${detail}`;
}

/** Velzon's order status timeline: how the order moved, newest last. */
export function OrderTimeline({ events }: { events: OrderEvent[] }) {
  const t = useTranslations("orders");
  const format = useFormatter();
  const text = useEventText();
  const steps = events.filter((e) => TIMELINE_TYPES.has(e.type));
  return (
    <Card>
      <CardHeader className="border-b">
        <CardTitle>{t("details.timeline")}</CardTitle>
      </CardHeader>
      <CardContent className="pt-5">
        <ol className="relative ms-3 border-s" data-testid="order-timeline">
          {steps.map((event) => {
            const Icon = ICON[event.type];
            return (
              <li key={event.id} className="ms-6 pb-5 last:pb-0" data-testid="timeline-step">
                <span className="bg-primary/15 text-primary ring-card absolute -start-3 flex size-6 items-center justify-center rounded-full ring-4">
                  <Icon className="size-3.5" />
                </span>
                <h4 className="text-sm font-semibold">
                  {timelineHeading(event, t(`details.eventType.${event.type}`), text(event))}
                </h4>
                {event.message && <p className="text-muted-foreground text-sm">{event.message}</p>}
                <p className="text-muted-foreground text-xs">
                  {format.dateTime(new Date(event.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                  {event.actorName ? ` · ${event.actorName}` : ""}
                </p>
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}

/** The full action log: every event, errors in red, raw data on demand. */
export function OrderLog({ events }: { events: OrderEvent[] }) {
  const t = useTranslations("orders");
  const format = useFormatter();
  const text = useEventText();
  const [errorsOnly, setErrorsOnly] = useState(false);
  const shown = (errorsOnly ? events.filter((e) => e.type === "error") : events).slice().reverse();
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between border-b">
        <CardTitle>{t("details.log")}</CardTitle>
        <label className="flex items-center gap-2 text-sm">
          <Switch checked={errorsOnly} onCheckedChange={setErrorsOnly} data-testid="log-errors-only" />
          {t("details.errorsOnly")}
        </label>
      </CardHeader>
      <CardContent className="pt-4">
        {shown.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("details.logEmpty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-md border">
            <Table data-testid="order-log">
              <TableHeader className="bg-muted/50">
                <TableRow>
                  <TableHead className="w-44">{t("columns.date")}</TableHead>
                  <TableHead className="w-40">{t("details.details")}</TableHead>
                  <TableHead>{t("details.log")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.map((event) => {
                  const error = event.type === "error";
                  return (
                    <TableRow key={event.id} className={error ? "bg-destructive/10" : undefined} data-testid="log-row" data-type={event.type}>
                      <TableCell className="align-top text-xs whitespace-nowrap">{format.dateTime(new Date(event.createdAt), { dateStyle: "short", timeStyle: "medium" })}</TableCell>
                      <TableCell className="align-top text-xs">
                        <div className={error ? "text-destructive font-semibold" : "font-medium"}>{t(`details.eventType.${event.type}`)}</div>
                        <div className="text-muted-foreground">{event.actorName ?? event.actorType}</div>
                      </TableCell>
                      <TableCell className="align-top text-sm">
                        <div className={error ? "text-destructive" : undefined}>{event.type === "error" || event.type === "email" ? event.message : text(event)}</div>
                        {event.type !== "error" && event.type !== "email" && event.message && <div className="text-muted-foreground text-xs">{event.message}</div>}
                        {event.data && (
                          <details className="mt-1">
                            <summary className="text-muted-foreground cursor-pointer text-xs">{t("details.details")}</summary>
                            <pre className="bg-muted mt-1 max-w-xl overflow-x-auto rounded p-2 text-[11px]">{JSON.stringify(event.data, null, 2)}</pre>
                          </details>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
