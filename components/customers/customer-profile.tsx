"use client";
import { Ban, CalendarDays, Mail, MapPin, Pencil, Phone, ShieldCheck, ShoppingBag, Trash2, UserCog, Wallet } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PostalAddress } from "@/db/schema/orders";
import type { OrderStatus } from "@/server/domain/orders/order-statuses";
import type { CustomerDetails, CustomerOrderRow } from "@/server/domain/customers/manage-customers";
import { AssignManagerDialog } from "./assign-manager-dialog";
import { BlockCustomersDialog } from "./block-customers-dialog";
import { CustomerFormDialog } from "./customer-form-dialog";
import { formatMoney, initialsOf } from "./customer-format";
import { CustomerStatusBadge } from "./customer-status-badge";
import { DeleteCustomerDialog } from "./delete-customer-dialog";

const ORDER_STATUS_VARIANT: Record<OrderStatus, "success" | "warning" | "destructive" | "info" | "secondary" | "default"> = {
  pending: "warning",
  approved: "success",
  declined: "destructive",
  cancelled: "secondary",
  call_center: "info",
  packed: "default",
  shipped: "info",
  reshipped: "info",
  delivered: "success",
  refunded: "secondary",
  chargeback: "destructive",
  closed: "secondary",
};

function AddressBlock({ title, address, name, phone }: { title: string; address: PostalAddress | null; name: string; phone: string | null }) {
  const t = useTranslations("customers");
  return (
    <div className="space-y-1 text-sm" data-testid={`address-${title}`}>
      <div className="text-muted-foreground text-xs font-semibold tracking-wide uppercase">{title}</div>
      {address ? (
        <>
          <div className="font-medium">{name}</div>
          {phone && <div>{phone}</div>}
          <div>
            {address.address}
            {address.address2 ? `, ${address.address2}` : ""}
          </div>
          <div>{[address.city, address.state && address.state !== "XX" ? address.state : null, address.zip].filter(Boolean).join(", ")}</div>
          <div>{address.country}</div>
        </>
      ) : (
        <div className="text-muted-foreground">{t("profile.noAddress")}</div>
      )}
    </div>
  );
}

function Stat({ icon, label, value, testId }: { icon: ReactNode; label: string; value: string; testId: string }) {
  return (
    <Card className="py-4">
      <CardContent className="flex items-center gap-3 px-4">
        <div className="bg-primary/10 text-primary grid size-10 shrink-0 place-items-center rounded-md">{icon}</div>
        <div className="min-w-0">
          <div className="text-muted-foreground truncate text-xs font-medium uppercase">{label}</div>
          <div className="truncate text-lg font-semibold tabular-nums" data-testid={testId}>
            {value}
          </div>
        </div>
      </CardContent>
    </Card>
  );
}

type Dialog = "edit" | "block" | "unblock" | "assign" | "delete" | null;

/** The customer page: profile and contacts on the left, figures and every order on the right. */
export function CustomerProfile({
  customer,
  orders,
  ordersTotal,
  canAssign,
  allowNoManager,
  showManager,
}: {
  customer: CustomerDetails;
  orders: CustomerOrderRow[];
  ordersTotal: number;
  canAssign: boolean;
  allowNoManager: boolean;
  showManager: boolean;
}) {
  const t = useTranslations("customers");
  const tStatus = useTranslations("orderStatus");
  const format = useFormatter();
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog>(null);
  const name = `${customer.firstName} ${customer.lastName}`;
  const date = (d: Date | null) => (d ? format.dateTime(d, { day: "2-digit", month: "short", year: "numeric" }) : "—");
  const refresh = () => router.refresh();
  const close = (open: boolean) => !open && setDialog(null);

  return (
    <div className="grid gap-6 xl:grid-cols-[280px_minmax(0,1fr)]">
      <Card className="h-fit" data-testid="customer-profile">
        <CardContent className="space-y-5 pt-2">
          <div className="flex flex-col items-center gap-2 text-center">
            <Avatar className="size-16">
              <AvatarFallback className="bg-primary/10 text-primary text-xl font-semibold">{initialsOf(customer.firstName, customer.lastName)}</AvatarFallback>
            </Avatar>
            <div className="text-lg font-semibold" data-testid="customer-name">
              {name}
            </div>
            <CustomerStatusBadge status={customer.status} />
          </div>
          <div className="flex flex-wrap justify-center gap-2">
            <Button size="sm" variant="outline" onClick={() => setDialog("edit")} data-testid="profile-edit">
              <Pencil className="size-4" />
              {t("actions.edit")}
            </Button>
            {customer.status === "active" ? (
              <Button size="sm" variant="outline" className="text-destructive" onClick={() => setDialog("block")} data-testid="profile-block">
                <Ban className="size-4" />
                {t("actions.block")}
              </Button>
            ) : (
              <Button size="sm" variant="outline" onClick={() => setDialog("unblock")} data-testid="profile-unblock">
                <ShieldCheck className="size-4" />
                {t("actions.unblock")}
              </Button>
            )}
            {canAssign && (
              <Button size="sm" variant="outline" onClick={() => setDialog("assign")} data-testid="profile-assign">
                <UserCog className="size-4" />
                {t("actions.assign")}
              </Button>
            )}
            <Button size="sm" variant="ghost" className="text-destructive" onClick={() => setDialog("delete")} aria-label={t("actions.delete")} data-testid="profile-delete">
              <Trash2 className="size-4" />
            </Button>
          </div>
          <Separator />
          <ul className="space-y-2.5 text-sm">
            <li className="flex items-center gap-2.5">
              <Mail className="text-muted-foreground size-4 shrink-0" />
              <a href={`mailto:${customer.email}`} className="hover:text-primary truncate" title={customer.email} data-testid="customer-email">
                {customer.email}
              </a>
            </li>
            <li className="flex items-start gap-2.5">
              <Phone className="text-muted-foreground mt-0.5 size-4 shrink-0" />
              <div>
                <div>{customer.phone ?? "—"}</div>
                {customer.phones.filter((p) => p !== customer.phone).map((p) => (
                  <div key={p} className="text-muted-foreground text-xs">
                    {p}
                  </div>
                ))}
              </div>
            </li>
            <li className="flex items-center gap-2.5">
              <MapPin className="text-muted-foreground size-4 shrink-0" />
              <span>{customer.country ?? "—"}</span>
            </li>
            <li className="flex items-center gap-2.5">
              <CalendarDays className="text-muted-foreground size-4 shrink-0" />
              <span>{t("profile.joined", { date: date(customer.createdAt) })}</span>
            </li>
            {showManager && (
              <li className="flex items-center gap-2.5">
                <UserCog className="text-muted-foreground size-4 shrink-0" />
                <span data-testid="customer-manager">{customer.managerName ?? t("noManager")}</span>
              </li>
            )}
          </ul>
          <Separator />
          <AddressBlock title={t("fields.billingAddress")} address={customer.billingAddress} name={name} phone={customer.phone} />
          <AddressBlock title={t("fields.shippingAddress")} address={customer.shippingAddress} name={name} phone={customer.phone} />
        </CardContent>
      </Card>

      <div className="min-w-0 space-y-6">
        <div className="grid gap-4 sm:grid-cols-2 min-[1800px]:grid-cols-4">
          <Stat icon={<ShoppingBag className="size-5" />} label={t("profile.ordersCount")} value={format.number(customer.ordersCount)} testId="stat-orders" />
          <Stat icon={<Wallet className="size-5" />} label={t("profile.totalUsd")} value={formatMoney(format, customer.totalUsdMinor, "USD")} testId="stat-total" />
          <Stat icon={<CalendarDays className="size-5" />} label={t("profile.firstOrder")} value={date(customer.firstOrderAt)} testId="stat-first" />
          <Stat icon={<CalendarDays className="size-5" />} label={t("profile.lastOrder")} value={date(customer.lastOrderAt)} testId="stat-last" />
        </div>

        <Card>
          <CardHeader className="border-b">
            <CardTitle>{t("profile.ordersTitle", { count: ordersTotal })}</CardTitle>
          </CardHeader>
          <CardContent className="pt-4">
            {orders.length === 0 ? (
              <p className="text-muted-foreground py-10 text-center text-sm" data-testid="customer-orders-empty">
                {t("profile.noOrders")}
              </p>
            ) : (
              <div className="overflow-x-auto rounded-md border">
                <Table data-testid="customer-orders">
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("orders.date")}</TableHead>
                      <TableHead>{t("orders.order")}</TableHead>
                      <TableHead>{t("orders.shopOrder")}</TableHead>
                      <TableHead>{t("orders.items")}</TableHead>
                      <TableHead className="text-right">{t("orders.total")}</TableHead>
                      <TableHead className="text-right">{t("orders.totalUsd")}</TableHead>
                      <TableHead>{t("orders.payment")}</TableHead>
                      <TableHead>{t("orders.status")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {orders.map((order) => (
                      <TableRow key={order.id} data-testid="customer-order-row">
                        <TableCell>
                          <div>{format.dateTime(order.createdAt, { day: "2-digit", month: "short", year: "numeric" })}</div>
                          <div className="text-muted-foreground text-xs">{format.dateTime(order.createdAt, { hour: "2-digit", minute: "2-digit" })}</div>
                        </TableCell>
                        <TableCell>
                          <Link href={`/orders/${order.id}`} prefetch={false} className="text-primary font-medium hover:underline" title={order.id} data-testid="order-link">
                            #{order.number}
                          </Link>
                        </TableCell>
                        <TableCell title={order.shopDomain ?? undefined}>{order.shopOrderId}</TableCell>
                        <TableCell className="max-w-44 truncate" title={order.items ?? undefined}>
                          {order.items ?? "—"}
                        </TableCell>
                        <TableCell className="text-right tabular-nums">{formatMoney(format, order.totalMinor, order.currency)}</TableCell>
                        <TableCell className="text-right font-medium tabular-nums">{formatMoney(format, order.totalUsdMinor, "USD")}</TableCell>
                        <TableCell>
                          <div>{t(`paymentMethod.${order.paymentMethod}`)}</div>
                          {order.cardLast4 && (
                            <div className="text-muted-foreground text-xs">
                              {(order.cardBrand ?? "").toUpperCase()} •••• {order.cardLast4}
                            </div>
                          )}
                        </TableCell>
                        <TableCell>
                          <div className="flex flex-wrap items-center gap-1">
                            <Badge variant={ORDER_STATUS_VARIANT[order.status]}>{tStatus(order.status)}</Badge>
                            {order.customerBlocked && (
                              <Badge variant="destructive" title={t("orders.flaggedHint")}>
                                {t("orders.flagged")}
                              </Badge>
                            )}
                          </div>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
            {ordersTotal > orders.length && <p className="text-muted-foreground mt-3 text-sm">{t("profile.ordersLimited", { shown: orders.length, total: ordersTotal })}</p>}
          </CardContent>
        </Card>
      </div>

      {dialog === "edit" && <CustomerFormDialog customer={customer} canAssign={canAssign} onOpenChange={close} onDone={refresh} />}
      {(dialog === "block" || dialog === "unblock") && (
        <BlockCustomersDialog ids={[customer.id]} label={name} status={dialog === "block" ? "blocked" : "active"} onOpenChange={close} onDone={refresh} />
      )}
      {dialog === "assign" && (
        <AssignManagerDialog ids={[customer.id]} label={name} currentManagerId={customer.managerId} allowNobody={allowNoManager} onOpenChange={close} onDone={refresh} />
      )}
      {dialog === "delete" && (
        <DeleteCustomerDialog
          customer={{ id: customer.id, name, ordersCount: customer.ordersCount, status: customer.status }}
          onOpenChange={close}
          onDone={() => router.push("/customers")}
          onBlockInstead={() => setDialog("block")}
        />
      )}
    </div>
  );
}
