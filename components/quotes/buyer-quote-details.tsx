"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FileDown } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { CustomerPdfDialog } from "./cart-quote-actions";
import { QuoteLinesTable } from "./quote-lines-table";
import { QuoteStatusBadge } from "./quote-status-badge";

const SELECT = "border-input bg-background h-9 w-full rounded-md border px-3 text-sm";

/** A quote in the buyer cabinet: lines, terms, validity; accept into an order (pickup warehouse), decline, PDFs. */
export function BuyerQuoteDetails({ id }: { id: string }) {
  const t = useTranslations("quotes");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const quote = useQuery(trpc.quotes.mineById.queryOptions({ id }));
  const options = useQuery(trpc.ordering.checkoutOptions.queryOptions());
  const [warehouseId, setWarehouseId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [placed, setPlaced] = useState<Array<{ id: string; number: string }> | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.quotes.pathKey() });
  const accept = useMutation(
    trpc.quotes.accept.mutationOptions({
      onSuccess: async (result) => {
        setPlaced(result.orders.map((o) => ({ id: o.id, number: o.number })));
        setError(null);
        await refresh();
      },
      onError: (e) => setError(formErrorOf(e).message),
    }),
  );
  const decline = useMutation(trpc.quotes.decline.mutationOptions({ onSuccess: refresh, onError: (e) => setError(formErrorOf(e).message) }));
  if (!quote.data) return <Skeleton className="h-64 w-full" />;
  const q = quote.data;
  const warehouse = warehouseId || options.data?.warehouses[0]?.id || "";
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle className="flex items-center gap-2">
            {q.number} <QuoteStatusBadge status={q.status} />
          </CardTitle>
          <div className="flex gap-2">
            {q.status !== "requested" ? (
              <>
                <Button asChild variant="outline" size="sm">
                  <a href={`/api/b2b/quotes/${q.id}/pdf`} data-testid="quote-pdf">
                    <FileDown className="size-4" /> PDF
                  </a>
                </Button>
                <CustomerPdfDialog href={(markup, customer) => `/api/b2b/quotes/${q.id}/pdf?markup=${encodeURIComponent(markup)}&customer=${encodeURIComponent(customer)}`} />
              </>
            ) : null}
          </div>
        </CardHeader>
        <CardContent className="space-y-4">
          {q.status === "requested" ? (
            <Alert>
              <AlertDescription>{t("detail.waiting")}</AlertDescription>
            </Alert>
          ) : null}
          <QuoteLinesTable lines={q.lines} currency={q.currency} totalMinor={q.totalMinor} />
          {q.terms ? (
            <div>
              <div className="text-sm font-semibold">{t("detail.terms")}</div>
              <p className="text-sm whitespace-pre-wrap" data-testid="quote-terms">
                {q.terms}
              </p>
            </div>
          ) : null}
        </CardContent>
      </Card>
      <div className="space-y-4">
        <Card>
          <CardContent className="space-y-1 text-sm">
            <div>
              <span className="text-muted-foreground">{t("col.company")}:</span> {q.company.name}
            </div>
            <div>
              <span className="text-muted-foreground">{t("col.manager")}:</span> {q.managerName ?? "—"}
            </div>
            <div>
              <span className="text-muted-foreground">{t("col.validUntil")}:</span> {q.validUntil ? format.dateTime(q.validUntil, { dateStyle: "medium" }) : "—"}
            </div>
            {q.buyerComment ? (
              <div>
                <span className="text-muted-foreground">{t("detail.comment")}:</span> {q.buyerComment}
              </div>
            ) : null}
          </CardContent>
        </Card>
        {q.status === "sent" && !placed ? (
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("detail.acceptTitle")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3">
              <Label htmlFor="quote-warehouse">{t("detail.warehouse")}</Label>
              <select id="quote-warehouse" className={SELECT} value={warehouse} onChange={(e) => setWarehouseId(e.target.value)}>
                {options.data?.warehouses.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </select>
              <div className="flex flex-wrap gap-2">
                <Button disabled={!warehouse || accept.isPending} onClick={() => accept.mutate({ id: q.id, deliveryMethod: "pickup", warehouseId: warehouse })} data-testid="quote-accept">
                  {t("detail.accept")}
                </Button>
                <Button variant="outline" disabled={decline.isPending} onClick={() => decline.mutate({ id: q.id })} data-testid="quote-decline">
                  {t("detail.decline")}
                </Button>
              </div>
            </CardContent>
          </Card>
        ) : null}
        {q.status === "expired" ? (
          <Alert variant="destructive">
            <AlertDescription>{t("detail.expired")}</AlertDescription>
          </Alert>
        ) : null}
        {placed || q.orderId ? (
          <Alert data-testid="quote-ordered">
            <AlertDescription>
              {t("detail.ordered")}{" "}
              {(placed ?? [{ id: q.orderId!, number: "" }]).map((o) => (
                <Link key={o.id} href={`/b2b/orders/${o.id}`} className="mr-2 font-medium underline" data-testid="quote-order-link">
                  {o.number || t("detail.openOrder")}
                </Link>
              ))}
            </AlertDescription>
          </Alert>
        ) : null}
        {error ? (
          <Alert variant="destructive">
            <AlertDescription data-testid="quote-error">{error}</AlertDescription>
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
