"use client";
import { useQuery } from "@tanstack/react-query";
import { CreditCard, MapPin, User } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PostalAddress } from "@/db/schema";
import type { OrderDetails } from "@/server/domain/orders/order-details";
import { useMoney } from "../money";
import { CallCenterBadge, OrderStatusBadge } from "../status-badges";
import { CallCenterCard } from "./call-center-card";
import { LogisticsCard } from "./logistics-card";
import { ManualPaymentButton } from "./manual-payment-button";
import { OrderLog, OrderTimeline } from "./order-history";
import { StatusActions } from "./status-actions";

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex justify-between gap-3 py-1 text-sm">
      <span className="text-muted-foreground">{label}</span>
      <span className="text-right font-medium" data-testid={testId}>
        {children}
      </span>
    </div>
  );
}

function AddressCard({ title, name, phone, address, testId }: { title: string; name: string; phone: string; address: PostalAddress; testId: string }) {
  const region = new Intl.DisplayNames(undefined, { type: "region" });
  return (
    <Card data-testid={testId}>
      <CardHeader className="border-b">
        <CardTitle className="flex items-center gap-2">
          <MapPin className="size-4" />
          {title}
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-0.5 pt-4 text-sm">
        <p className="font-semibold">{name}</p>
        <p>{phone}</p>
        <p>{address.address}</p>
        {address.address2 && <p>{address.address2}</p>}
        <p>
          {address.city}
          {address.state && address.state !== "XX" ? `, ${address.state}` : ""} {address.zip}
        </p>
        <p>{region.of(address.country) ?? address.country}</p>
      </CardContent>
    </Card>
  );
}

function ItemsCard({ details }: { details: OrderDetails }) {
  const t = useTranslations("orders.details");
  const money = useMoney();
  const { order } = details;
  const cur = order.currency;
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2 border-b">
        <CardTitle>{t("items")}</CardTitle>
        <span className="text-muted-foreground text-xs">{t("rate", { currency: cur, rate: Number(order.usdPerUnit).toFixed(4) })}</span>
      </CardHeader>
      <CardContent className="pt-4">
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="order-items">
            <TableHeader className="bg-muted/50">
              <TableRow>
                <TableHead>{t("product")}</TableHead>
                <TableHead className="text-right">{t("price")}</TableHead>
                <TableHead className="text-right">{t("quantity")}</TableHead>
                <TableHead className="text-right">{t("lineTotal")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {details.items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>
                    <div className="flex items-center gap-3">
                      {item.thumbnail && (
                        // Shop thumbnails come from any host; next/image would need each one configured.
                        // eslint-disable-next-line @next/next/no-img-element
                        <img src={item.thumbnail} alt="" className="bg-muted size-10 rounded object-cover" />
                      )}
                      <div>
                        <div className="font-semibold">{item.url ? <a href={item.url} target="_blank" rel="noreferrer" className="hover:underline">{item.name}</a> : item.name}</div>
                        <div className="text-muted-foreground text-xs">
                          {[item.option, item.optionValue].filter(Boolean).join(" · ")} · SKU {item.sku}
                        </div>
                        {item.bonus && <div className="text-success text-xs">{t("bonus", { bonus: item.bonus })}</div>}
                      </div>
                    </div>
                  </TableCell>
                  <TableCell className="text-right">{money(item.priceMinor, cur)}</TableCell>
                  <TableCell className="text-right">{item.quantity}</TableCell>
                  <TableCell className="text-right font-medium">{money(item.lineTotalMinor, cur)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        <div className="ms-auto mt-4 max-w-sm border-t pt-3" data-testid="order-totals">
          <Row label={t("subtotal")}>{money(order.subtotalMinor, cur)}</Row>
          {order.discountMinor > 0 && <Row label={order.coupon ? t("coupon", { code: order.coupon.code }) : t("discount")}>−{money(order.discountMinor, cur)}</Row>}
          <Row label={t("shipping")}>{money(order.shippingMinor, cur)}</Row>
          {order.insurance && <Row label={t("insurance")}>{money(order.insuranceMinor, cur)}</Row>}
          <div className="mt-1 border-t pt-1">
            <Row label={t("total", { currency: cur })} testId="order-total">
              {money(order.totalMinor, cur)}
            </Row>
            {cur !== "USD" && <Row label={t("totalUsd")} testId="order-total-usd">{money(order.totalUsdMinor, "USD")}</Row>}
          </div>
        </div>
      </CardContent>
    </Card>
  );
}

function SideCards({ details }: { details: OrderDetails }) {
  const t = useTranslations("orders");
  const format = useFormatter();
  const money = useMoney();
  const { order, card, customer } = details;
  const dateTime = (value: Date | string) => format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-6">
      <LogisticsCard details={details} />
      <Card data-testid="customer-card">
        <CardHeader className="border-b">
          <CardTitle className="flex items-center gap-2">
            <User className="size-4" />
            {t("details.customer")}
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-1 pt-3 text-sm">
          <p className="font-semibold">
            {order.customerFirstName} {order.customerLastName}
          </p>
          <p>{order.customerEmail}</p>
          <p>{order.customerPhone}</p>
          {customer && (
            <p className="text-primary font-medium" data-testid="customer-orders-count">
              {t("details.ordersCount", { count: customer.ordersCount })}
            </p>
          )}
          {(order.customerBlocked || customer?.status === "blocked") && <Badge variant="destructive">{t("details.blocked")}</Badge>}
          {customer && (
            <Link href={`/customers/${customer.id}`} className="text-primary block text-sm hover:underline">
              {t("details.openCustomer")}
            </Link>
          )}
        </CardContent>
      </Card>
      <AddressCard testId="billing-card" title={t("details.billing")} name={`${order.customerFirstName} ${order.customerLastName}`} phone={order.customerPhone} address={order.billingAddress} />
      <AddressCard testId="shipping-card" title={t("details.shippingAddress")} name={`${order.customerFirstName} ${order.customerLastName}`} phone={order.customerPhone} address={order.shippingAddress} />
      <Card data-testid="payment-card">
        <CardHeader className="border-b">
          <CardTitle className="flex items-center gap-2">
            <CreditCard className="size-4" />
            {t("details.payment")}
          </CardTitle>
        </CardHeader>
        <CardContent className="pt-3">
          <Row label={t("details.method")}>{t(`paymentMethod.${order.paymentMethod}`)}</Row>
          <Row label={t("details.processor")}>{details.processorName ?? t("details.none")}</Row>
          <Row label={t("details.paymentId")}>{order.paymentId ?? t("details.none")}</Row>
          {card && (
            <Row label={t("details.card")} testId="card-masked">
              <span className="capitalize">{card.brand}</span> •••• {card.last4}
            </Row>
          )}
          {card?.holder && <Row label={t("details.holder")}>{card.holder}</Row>}
          {card?.expiry && <Row label={t("details.expiry")}>{card.expiry}</Row>}
          {order.paidAt && <Row label={t("details.paidAt")}>{dateTime(order.paidAt)}</Row>}
          <Row label={t("details.total", { currency: order.currency })}>{money(order.totalMinor, order.currency)}</Row>
          {details.canTakePayment && <ManualPaymentButton orderId={order.id} method={order.paymentMethod} />}
          {details.ledger.length > 0 && (
            <div className="mt-3 border-t pt-2">
              <p className="text-muted-foreground mb-1 text-xs font-semibold uppercase">{t("details.ledger")}</p>
              {details.ledger.map((entry) => (
                <Row key={entry.id} label={t(`details.ledgerKind.${entry.kind}`)}>
                  <span className={entry.usdMinor < 0 ? "text-destructive" : "text-success"}>{money(entry.usdMinor, "USD")}</span>
                </Row>
              ))}
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

export function OrderDetailsView({ orderId }: { orderId: string }) {
  const t = useTranslations("orders");
  const format = useFormatter();
  const trpc = useTRPC();
  const details = useQuery(trpc.orders.details.queryOptions({ orderId }));
  if (!details.data) {
    return (
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <Skeleton className="h-96" />
        <Skeleton className="h-96" />
      </div>
    );
  }
  const data = details.data;
  const { order } = data;
  const showCallCenter = order.callCenterStatus !== null || order.status === "call_center";
  return (
    <div className="grid gap-6 xl:grid-cols-[1fr_22rem]" data-testid="order-details">
      <div className="min-w-0 space-y-6">
        <Card>
          <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3 border-b">
            <div>
              <CardTitle className="flex items-center gap-3 text-lg" data-testid="order-heading">
                {t("details.orderNumber", { number: order.number })}
                <OrderStatusBadge status={order.status} />
                {order.callCenterStatus && <CallCenterBadge status={order.callCenterStatus} />}
              </CardTitle>
              <p className="text-muted-foreground mt-1 text-sm">
                {t("details.shopOrder", { id: order.shopOrderId, shop: data.shop.name })} · {format.dateTime(new Date(order.createdAt), { dateStyle: "medium", timeStyle: "short" })}
              </p>
              <p className="text-muted-foreground font-mono text-xs">{order.id}</p>
            </div>
          </CardHeader>
          {data.canManageStatus ? (
            <CardContent className="space-y-2 pt-4">
              <StatusActions orderId={order.id} allowed={data.allowedStatuses} />
              {data.allowedStatuses.length === 0 ? (
                <p className="text-muted-foreground text-sm" data-testid="no-status-actions">
                  {t("details.noActions")}
                </p>
              ) : null}
            </CardContent>
          ) : null}
        </Card>
        <ItemsCard details={data} />
        <OrderTimeline events={data.events} />
        <OrderLog events={data.events} />
      </div>
      <div className="space-y-6">
        {showCallCenter && <CallCenterCard orderId={order.id} status={order.callCenterStatus} since={order.callCenterAt} lastContact={order.callCenterContactAt} editable={data.canSetCallCenterStatus} />}
        <SideCards details={data} />
      </div>
    </div>
  );
}
