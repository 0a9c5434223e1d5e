"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { CheckoutResult } from "@/server/domain/b2b-orders/checkout";

const SELECT = "border-input bg-background h-9 w-full rounded-md border px-3 text-sm";

/** Checkout of the active cart: delivery method, pickup warehouse of the region, consignee, shipment date. */
export function CheckoutForm() {
  const t = useTranslations("ordering.checkout");
  const format = useFormatter();
  const money = useMoney();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.ordering.checkoutOptions.queryOptions());
  const cart = useQuery(trpc.ordering.cart.queryOptions({}));
  const [method, setMethod] = useState<"pickup" | "delivery">("pickup");
  const [warehouseId, setWarehouseId] = useState("");
  const [addressId, setAddressId] = useState("");
  const [shipmentDate, setShipmentDate] = useState("");
  const [comment, setComment] = useState("");
  const [newConsignee, setNewConsignee] = useState({ consignee: "", address: "" });
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<CheckoutResult | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.ordering.pathKey() });
  const addAddress = useMutation(
    trpc.ordering.addAddress.mutationOptions({
      onSuccess: async (row) => {
        setAddressId(row.id);
        setNewConsignee({ consignee: "", address: "" });
        await refresh();
      },
      onError: (e) => setError(formErrorOf(e).message),
    }),
  );
  const place = useMutation(
    trpc.ordering.checkout.mutationOptions({
      onSuccess: async (placed) => {
        setResult(placed);
        setError(null);
        await refresh();
      },
      onError: (e) => setError(formErrorOf(e).message),
    }),
  );
  const warehouse = warehouseId || options.data?.warehouses[0]?.id || "";
  const address = addressId || (method === "delivery" ? (options.data?.addresses[0]?.id ?? "") : "");

  if (result) {
    return (
      <Card data-testid="checkout-result">
        <CardHeader>
          <CardTitle>{t("placed")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-2 text-sm">
          {result.orders.length > 1 && <p>{t("split")}</p>}
          <ul className="space-y-1">
            {result.orders.map((order) => (
              <li key={order.id} data-testid="placed-order" data-availability={order.availability}>
                <Link href={`/b2b/orders/${order.id}`} className="font-medium underline">
                  {order.number}
                </Link>{" "}
                — {t(order.availability)}, {money(order.totalMinor, order.currency)}
              </li>
            ))}
          </ul>
          {result.reservedUntil && <p className="text-muted-foreground">{t("reservedUntil", { date: format.dateTime(new Date(result.reservedUntil), { dateStyle: "medium", timeStyle: "short" }) })}</p>}
          <Button variant="outline" size="sm" onClick={() => setResult(null)}>
            OK
          </Button>
        </CardContent>
      </Card>
    );
  }
  if (!cart.data || cart.data.lines.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          className="grid gap-3 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            place.mutate({ cartId: cart.data!.id, deliveryMethod: method, warehouseId: warehouse, addressId: address || undefined, shipmentDate: shipmentDate || undefined, comment: comment || undefined });
          }}
        >
          <div className="space-y-1.5">
            <Label htmlFor="checkout-method">{t("deliveryMethod")}</Label>
            <select id="checkout-method" className={SELECT} value={method} onChange={(e) => setMethod(e.target.value === "delivery" ? "delivery" : "pickup")} data-testid="checkout-method">
              <option value="pickup">{t("pickup")}</option>
              <option value="delivery">{t("delivery")}</option>
            </select>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="checkout-warehouse">{t("warehouse")}</Label>
            <select id="checkout-warehouse" className={SELECT} value={warehouse} onChange={(e) => setWarehouseId(e.target.value)} data-testid="checkout-warehouse">
              {options.data?.warehouses.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="checkout-consignee">{t("consignee")}</Label>
            <select id="checkout-consignee" className={SELECT} value={address} onChange={(e) => setAddressId(e.target.value)} data-testid="checkout-consignee">
              <option value="">{t("noConsignee")}</option>
              {options.data?.addresses.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.consignee} — {a.address}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="checkout-date">{t("shipmentDate")}</Label>
            <Input id="checkout-date" type="date" value={shipmentDate} onChange={(e) => setShipmentDate(e.target.value)} data-testid="checkout-date" />
          </div>
          <div className="space-y-1.5 sm:col-span-2">
            <Label htmlFor="checkout-comment">{t("comment")}</Label>
            <Input id="checkout-comment" value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <details className="sm:col-span-2">
            <summary className="cursor-pointer text-sm">{t("addConsignee")}</summary>
            <div className="mt-2 grid gap-2 sm:grid-cols-[1fr_2fr_auto]">
              <Input placeholder={t("consigneeName")} aria-label={t("consigneeName")} value={newConsignee.consignee} onChange={(e) => setNewConsignee((v) => ({ ...v, consignee: e.target.value }))} />
              <Input placeholder={t("consigneeAddress")} aria-label={t("consigneeAddress")} value={newConsignee.address} onChange={(e) => setNewConsignee((v) => ({ ...v, address: e.target.value }))} />
              <Button type="button" variant="outline" onClick={() => addAddress.mutate(newConsignee)}>
                +
              </Button>
            </div>
          </details>
          {error && (
            <Alert variant="destructive" className="sm:col-span-2" data-testid="checkout-error">
              <AlertTitle>{t("title")}</AlertTitle>
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          )}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={place.isPending || !warehouse} data-testid="checkout-place">
              {t("place")}
            </Button>
            <Button
              type="button"
              variant="outline"
              className="ml-2"
              disabled={place.isPending || !options.data?.warehouses[0]}
              title={t("oneClickHint")}
              data-testid="checkout-one-click"
              onClick={() => {
                const defaults = options.data!;
                const defaultAddress = defaults.addresses.find((a) => a.isDefault) ?? defaults.addresses[0];
                setError(null);
                place.mutate({ cartId: cart.data!.id, deliveryMethod: "pickup", warehouseId: defaults.warehouses[0]!.id, addressId: defaultAddress?.id });
              }}
            >
              {t("oneClick")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
