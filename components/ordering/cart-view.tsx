"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, ShoppingCart, Trash2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { EmptyState } from "@/components/layout/empty-state";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CheckoutForm } from "./checkout-form";
import { CartQuoteActions } from "@/components/quotes/cart-quote-actions";
import { QuickOrder } from "./quick-order";

function CartsBar() {
  const t = useTranslations("ordering.cart");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const carts = useQuery(trpc.ordering.carts.queryOptions());
  const [name, setName] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.ordering.pathKey() });
  const onError = (error: unknown) => toast.error(formErrorOf(error).message);
  const create = useMutation(trpc.ordering.createCart.mutationOptions({ onSuccess: () => (setName(""), refresh()), onError }));
  const switchTo = useMutation(trpc.ordering.switchCart.mutationOptions({ onSuccess: refresh, onError }));
  const rename = useMutation(trpc.ordering.renameCart.mutationOptions({ onSuccess: refresh, onError }));
  const save = useMutation(trpc.ordering.saveCart.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(trpc.ordering.deleteCart.mutationOptions({ onSuccess: refresh, onError }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("carts")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <ul className="divide-y rounded-md border" data-testid="carts-list">
          {carts.data?.map((cart) => (
            <li key={cart.id} className="flex flex-wrap items-center gap-2 px-3 py-2" data-testid="cart-item" data-active={cart.isActive}>
              <span className="font-medium" data-testid="cart-name">
                {cart.name}
              </span>
              <span className="text-muted-foreground text-sm">{t("lines", { count: cart.lines })}</span>
              {cart.isActive && <Badge>{t("active")}</Badge>}
              {cart.status === "saved" && <Badge variant="secondary">{t("saved")}</Badge>}
              <span className="flex w-full flex-wrap gap-1">
                {!cart.isActive && (
                  <Button size="sm" variant="outline" onClick={() => switchTo.mutate({ cartId: cart.id })} data-testid="cart-open">
                    {cart.status === "saved" ? t("restore") : t("switchTo")}
                  </Button>
                )}
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    const next = window.prompt(t("rename"), cart.name);
                    if (next) rename.mutate({ cartId: cart.id, name: next });
                  }}
                >
                  {t("rename")}
                </Button>
                {cart.status !== "saved" && (
                  <Button size="sm" variant="ghost" onClick={() => save.mutate({ cartId: cart.id })}>
                    {t("save")}
                  </Button>
                )}
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t("delete")}
                  onClick={() => {
                    if (window.confirm(t("confirmDelete"))) remove.mutate({ cartId: cart.id });
                  }}
                >
                  <Trash2 className="size-4" />
                </Button>
              </span>
            </li>
          ))}
        </ul>
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) create.mutate({ name });
          }}
        >
          <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t("newCartName")} aria-label={t("newCartName")} data-testid="new-cart-name" />
          <Button type="submit" disabled={create.isPending} data-testid="new-cart-create">
            {t("create")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

function CartLines() {
  const t = useTranslations("ordering.cart");
  const money = useMoney();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cart = useQuery(trpc.ordering.cart.queryOptions({}));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.ordering.pathKey() });
  const onError = (error: unknown) => toast.error(formErrorOf(error).message);
  const setQuantity = useMutation(trpc.ordering.setQuantity.mutationOptions({ onSuccess: refresh, onError }));
  const removeLine = useMutation(trpc.ordering.removeLine.mutationOptions({ onSuccess: refresh, onError }));
  if (!cart.data) return <Skeleton className="h-48 w-full" />;
  const data = cart.data;
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle data-testid="active-cart-name">{data.name}</CardTitle>
        <div className="flex flex-wrap gap-2">
          {data.lines.length > 0 ? <CartQuoteActions cartId={data.id} /> : null}
          <Button asChild variant="outline" size="sm">
            <a href={`/api/b2b/cart-export?cartId=${data.id}`} data-testid="cart-export">
              <Download className="size-4" /> {t("exportXlsx")}
            </a>
          </Button>
        </div>
      </CardHeader>
      <CardContent>
        {data.lines.length === 0 ? (
          <EmptyState icon={ShoppingCart} title={t("title")} description={t("empty")} testId="cart-empty" />
        ) : (
          <Table data-testid="cart-lines">
            <TableHeader>
              <TableRow>
                <TableHead>{t("sku")}</TableHead>
                <TableHead>{t("product")}</TableHead>
                <TableHead className="w-32">{t("quantity")}</TableHead>
                <TableHead className="text-right">{t("price")}</TableHead>
                <TableHead className="text-right">{t("total")}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.lines.map((line) => (
                <TableRow key={line.id} data-testid="cart-line" data-sku={line.sku}>
                  <TableCell className="font-mono text-xs">{line.sku}</TableCell>
                  <TableCell className="whitespace-normal">
                    <Link href={`/b2b/product/${encodeURIComponent(line.slug)}`}>{line.name}</Link>
                  </TableCell>
                  <TableCell>
                    <Input
                      type="number"
                      defaultValue={line.quantity}
                      key={`${line.id}-${line.quantity}`}
                      min={0}
                      step="any"
                      className="h-8 w-24"
                      aria-label={t("quantity")}
                      data-testid="line-quantity"
                      onBlur={(e) => {
                        const value = Number(e.target.value);
                        if (value !== line.quantity) setQuantity.mutate({ lineId: line.id, quantity: value });
                      }}
                    />
                    <span className="text-muted-foreground ml-1 text-xs">{line.unit}</span>
                  </TableCell>
                  <TableCell className="text-right">
                    {line.priceChanged && line.addedUnitMinor !== null && (
                      <span className="text-muted-foreground mr-2 text-xs line-through" title={t("wasPrice", { price: money(line.addedUnitMinor, data.currency) })} data-testid="line-was-price">
                        {money(line.addedUnitMinor, data.currency)}
                      </span>
                    )}
                    {line.unitMinor === null ? "—" : money(line.unitMinor, data.currency)}
                  </TableCell>
                  <TableCell className="text-right">{money(line.lineTotalMinor, data.currency)}</TableCell>
                  <TableCell>
                    <Button size="icon" variant="ghost" aria-label={t("remove")} onClick={() => removeLine.mutate({ lineId: line.id })}>
                      <Trash2 className="size-4" />
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell colSpan={4} className="text-right font-medium">
                  {t("cartTotal")}
                </TableCell>
                <TableCell className="text-right font-semibold" data-testid="cart-total">
                  {money(data.totalMinor, data.currency)}
                </TableCell>
                <TableCell />
              </TableRow>
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

/** The buyer's cart page: the carts, the active cart's lines (today's prices), quick order and checkout. */
export function CartView() {
  return (
    <div className="grid gap-4 xl:grid-cols-[1fr_380px]">
      <div className="min-w-0 space-y-4">
        <CartLines />
        <CheckoutForm />
      </div>
      <div className="space-y-4">
        <CartsBar />
        <QuickOrder />
      </div>
    </div>
  );
}
