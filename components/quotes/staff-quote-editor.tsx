"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { FileDown, Plus, Send, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { fromMinorUnits, toMinorUnits } from "@/server/domain/money/money";
import { lineTotalMinor } from "@/server/domain/quotes/quote-math";
import type { AppRouter } from "@/server/trpc/root";
import { QuoteLinesTable } from "./quote-lines-table";
import { QuoteStatusBadge } from "./quote-status-badge";
import { useUnitLabel } from "@/components/catalog/catalog-format";

interface DraftLine {
  key: string;
  variantId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: string;
  price: string;
}

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

/** The manager's side of a quote: edit prices, quantities, lines, terms and validity, then send it. */
export function StaffQuoteEditor({ id }: { id: string }) {
  const trpc = useTRPC();
  const quote = useQuery(trpc.quotes.byId.queryOptions({ id }));
  if (!quote.data) return <Skeleton className="h-64 w-full" />;
  // A fresh form per saved version of the quote: the drafts start from what the server holds.
  return <QuoteEditorForm key={quote.data.updatedAt.toISOString()} quote={quote.data} />;
}

type LoadedQuote = inferRouterOutputs<AppRouter>["quotes"]["byId"];

function QuoteEditorForm({ quote: q }: { quote: LoadedQuote }) {
  const t = useTranslations("quotes");
  const unitLabel = useUnitLabel();
  const format = useFormatter();
  const money = useMoney();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [lines, setLines] = useState<DraftLine[]>(() =>
    q.lines.map((l) => ({ key: l.id, variantId: l.variantId, sku: l.sku, name: l.name, unit: l.unit, quantity: String(l.quantity), price: fromMinorUnits(l.unitMinor, q.currency) })),
  );
  const [terms, setTerms] = useState(q.terms ?? "");
  const [validUntil, setValidUntil] = useState(() => (q.validUntil ? q.validUntil.toISOString().slice(0, 10) : inTwoWeeks()));
  const [search, setSearch] = useState("");
  const id = q.id;
  const found = useQuery(trpc.quotes.searchVariants.queryOptions({ quoteId: id, query: search.trim() }, { enabled: search.trim().length >= 2 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.quotes.pathKey() });
  const onError = (e: unknown) => toast.error(formErrorOf(e).message);
  const save = useMutation(trpc.quotes.update.mutationOptions({ onError }));
  const send = useMutation(trpc.quotes.send.mutationOptions({ onError }));

  const editable = q.status === "requested" || q.status === "sent";
  const currency = q.currency;
  const parsed = lines.map((l) => ({ ...l, qty: Number(l.quantity), unitMinor: toMinorUnits(l.price, currency) }));
  const total = parsed.reduce((sum, l) => sum + (l.unitMinor !== null && l.qty > 0 ? lineTotalMinor(l.unitMinor, l.qty) : 0), 0);
  const payload = () => {
    const bad = parsed.find((l) => l.unitMinor === null || !(l.qty > 0));
    if (bad) {
      toast.error(t("edit.badLine", { sku: bad.sku }));
      return null;
    }
    return { id: q.id, terms: terms || undefined, validUntil, lines: parsed.map((l) => ({ variantId: l.variantId, unit: l.unit, quantity: l.qty, unitMinor: l.unitMinor! })) };
  };
  const saveThen = async (andSend: boolean) => {
    const input = payload();
    if (!input) return;
    await save.mutateAsync(input);
    if (andSend) await send.mutateAsync({ id: q.id });
    toast.success(andSend ? t("edit.sent") : t("edit.saved"));
    await refresh();
  };
  const set = (key: string, patch: Partial<DraftLine>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle className="flex items-center gap-2">
            {q.number} <QuoteStatusBadge status={q.status} />
          </CardTitle>
          <Button asChild variant="outline" size="sm">
            <a href={`/api/quotes/${q.id}/pdf`} data-testid="staff-quote-pdf">
              <FileDown className="size-4" /> PDF
            </a>
          </Button>
        </CardHeader>
        <CardContent className="space-y-4">
          {!editable ? (
            <QuoteLinesTable lines={q.lines} currency={currency} totalMinor={q.totalMinor} />
          ) : (
            <>
              <Table data-testid="quote-editor">
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("col.name")}</TableHead>
                    <TableHead className="w-20">{t("col.quantity")}</TableHead>
                    <TableHead className="w-28">{t("col.price")}</TableHead>
                    <TableHead className="text-right">{t("col.lineTotal")}</TableHead>
                    <TableHead />
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {parsed.map((line) => (
                    <TableRow key={line.key} data-testid="quote-edit-line" data-sku={line.sku}>
                      {/* The SKU under the name keeps the row inside the card's width. */}
                      <TableCell className="min-w-40 whitespace-normal">
                        {line.name} <span className="text-muted-foreground text-xs">{unitLabel.short(line.unit)}</span>
                        <div className="text-muted-foreground font-mono text-xs">{line.sku}</div>
                      </TableCell>
                      <TableCell>
                        <Input className="w-16" inputMode="decimal" value={line.quantity} onChange={(e) => set(line.key, { quantity: e.target.value })} aria-label={t("col.quantity")} data-testid="quote-edit-qty" />
                      </TableCell>
                      <TableCell>
                        <Input className="w-24" inputMode="decimal" value={line.price} onChange={(e) => set(line.key, { price: e.target.value })} aria-label={t("col.price")} data-testid="quote-edit-price" />
                      </TableCell>
                      <TableCell className="text-right">{line.unitMinor !== null && line.qty > 0 ? money(lineTotalMinor(line.unitMinor, line.qty), currency) : "—"}</TableCell>
                      <TableCell>
                        <Button size="icon" variant="ghost" aria-label={t("edit.remove")} onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))} data-testid="quote-edit-remove">
                          <Trash2 className="size-4" />
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                  <TableRow>
                    <TableCell colSpan={3} className="text-right font-semibold">
                      {t("col.total")}
                    </TableCell>
                    <TableCell className="text-right font-semibold" data-testid="quote-edit-total">
                      {money(total, currency)}
                    </TableCell>
                    <TableCell />
                  </TableRow>
                </TableBody>
              </Table>
              <div className="space-y-2">
                <Label htmlFor="quote-add">{t("edit.add")}</Label>
                <Input id="quote-add" placeholder={t("edit.search")} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="quote-add-search" />
                {found.data?.length ? (
                  <div className="divide-y rounded-md border">
                    {found.data.map((v) => (
                      <button
                        key={v.variantId}
                        type="button"
                        className="hover:bg-muted flex w-full items-center justify-between px-3 py-2 text-left text-sm"
                        onClick={() => {
                          setLines((all) => [...all, { key: crypto.randomUUID(), variantId: v.variantId, sku: v.sku, name: v.name, unit: v.unit, quantity: "1", price: fromMinorUnits(v.unitMinor, currency) }]);
                          setSearch("");
                        }}
                        data-testid="quote-add-choice"
                      >
                        <span>
                          <span className="font-mono text-xs">{v.sku}</span> {v.name}
                        </span>
                        <span className="flex items-center gap-1">
                          {money(v.unitMinor, currency)} <Plus className="size-4" />
                        </span>
                      </button>
                    ))}
                  </div>
                ) : null}
              </div>
            </>
          )}
        </CardContent>
      </Card>
      <div className="space-y-4">
        <Card>
          <CardContent className="space-y-1 text-sm">
            <div>
              <span className="text-muted-foreground">{t("col.company")}:</span> {q.company.name}
            </div>
            <div>
              <span className="text-muted-foreground">{t("col.buyer")}:</span> {q.buyerName ?? "—"}
            </div>
            {q.createdByStaffName ? (
              <div data-testid="quote-created-by-staff">
                <span className="text-muted-foreground">{t("detail.createdByStaff")}:</span> {q.createdByStaffName}
              </div>
            ) : null}
            <div>
              <span className="text-muted-foreground">{t("col.date")}:</span> {format.dateTime(q.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </div>
            {q.buyerComment ? (
              <div>
                <span className="text-muted-foreground">{t("detail.comment")}:</span> {q.buyerComment}
              </div>
            ) : null}
          </CardContent>
        </Card>
        {editable ? (
          <Card>
            <CardContent className="space-y-3">
              <div className="space-y-1">
                <Label htmlFor="quote-valid">{t("col.validUntil")}</Label>
                <Input id="quote-valid" type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} data-testid="quote-valid-until" />
              </div>
              <div className="space-y-1">
                <Label htmlFor="quote-terms">{t("detail.terms")}</Label>
                <Textarea id="quote-terms" value={terms} onChange={(e) => setTerms(e.target.value)} maxLength={4000} data-testid="quote-terms-input" />
              </div>
              <div className="flex flex-wrap gap-2">
                <Button variant="outline" disabled={save.isPending} onClick={() => void saveThen(false)} data-testid="quote-save">
                  {t("edit.save")}
                </Button>
                <Button disabled={save.isPending || send.isPending || lines.length === 0} onClick={() => void saveThen(true)} data-testid="quote-send">
                  <Send className="size-4" /> {t("edit.send")}
                </Button>
              </div>
            </CardContent>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
