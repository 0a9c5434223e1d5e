"use client";
import { useQuery } from "@tanstack/react-query";
import { Calculator, Info } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/forms/field";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { explainLine, formatMoney, type ExplainLocale } from "@/server/domain/pricing/explain";
import { EntityPicker, type Picked } from "./entity-picker";

const CURRENCIES = ["contract", "RUB", "USD", "EUR"] as const;

/** "LG-1 12", "LG-2;3", "LG-3" → items; a trailing number is the quantity (1 when absent). */
export function parseItems(text: string): { sku: string; quantity: number }[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const parts = line.split(/[\s,;\t]+/).filter(Boolean);
      const last = parts.at(-1)?.replace(",", ".") ?? "";
      if (parts.length > 1 && /^\d+(\.\d+)?$/.test(last)) return { sku: parts.slice(0, -1).join(" "), quantity: Number(last) };
      return { sku: parts.join(" "), quantity: 1 };
    });
}

/** The manager's "why this price?": a company, SKUs and quantities → every line with its explanation. */
export function PriceCheckPanel() {
  const t = useTranslations("pricing.check");
  const trpc = useTRPC();
  const uiLocale: ExplainLocale = useLocale() === "ru" ? "ru" : "en";
  const [company, setCompany] = useState<Picked | null>(null);
  const [currency, setCurrency] = useState<(typeof CURRENCIES)[number]>("contract");
  const [text, setText] = useState("");
  const [explainIn, setExplainIn] = useState<ExplainLocale>(uiLocale);
  const [submitted, setSubmitted] = useState<{ companyId: string | null; currency?: string; items: { sku: string; quantity: number }[] } | null>(null);
  const result = useQuery({ ...trpc.pricing.priceCheck.queryOptions(submitted ?? { companyId: null, items: [{ sku: "-", quantity: 1 }] }), enabled: Boolean(submitted), retry: false });
  const money = (minor: number, cur: string) => formatMoney(minor, cur, uiLocale);

  function submit(event: FormEvent) {
    event.preventDefault();
    const items = parseItems(text);
    if (items.length === 0) return;
    setSubmitted({ companyId: company?.id ?? null, ...(currency === "contract" ? {} : { currency }), items });
  }

  return (
    <div className="grid gap-6 xl:grid-cols-[380px_1fr]">
      <Card className="self-start">
        <CardHeader className="border-b">
          <CardTitle>{t("items")}</CardTitle>
          <CardDescription>{t("intro")}</CardDescription>
        </CardHeader>
        <CardContent className="pt-4">
          <form onSubmit={submit} className="grid gap-4" data-testid="price-check-form">
            <Field id="pc-company" label={t("company")}>
              <EntityPicker id="pc-company" kind="company" value={company} onChange={setCompany} placeholder={t("noCompany")} />
            </Field>
            <Field id="pc-currency" label={t("currency")}>
              <Select value={currency} onValueChange={(v) => setCurrency(v as (typeof CURRENCIES)[number])}>
                <SelectTrigger id="pc-currency" className="w-full" data-testid="pc-currency">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {CURRENCIES.map((c) => (
                    <SelectItem key={c} value={c}>
                      {c === "contract" ? t("contractCurrency") : c}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
            <Field id="pc-items" label={t("items")} hint={t("itemsHint")}>
              <Textarea id="pc-items" rows={8} className="font-mono" placeholder={"LG-774451 12\nSE-CBL-1 100"} value={text} onChange={(e) => setText(e.target.value)} />
            </Field>
            <Button type="submit" disabled={!text.trim() || result.isFetching} data-testid="pc-run">
              <Calculator className="size-4" />
              {t("run")}
            </Button>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex flex-row items-center justify-between gap-3 border-b">
          <div className="space-y-1.5">
            <CardTitle>{t("result")}</CardTitle>
            {result.data && (
              <CardDescription>
                {result.data.company?.name ?? t("noCompany")} ·{" "}
                <Badge variant={result.data.personal ? "success" : "secondary"}>{result.data.personal ? t("personal") : t("public")}</Badge>
              </CardDescription>
            )}
          </div>
          <div className="flex items-center gap-2 text-sm">
            <span className="text-muted-foreground">{t("language")}</span>
            {(["en", "ru"] as const).map((l) => (
              <Button key={l} type="button" size="sm" variant={explainIn === l ? "default" : "outline"} onClick={() => setExplainIn(l)} data-testid={`pc-lang-${l}`}>
                {l.toUpperCase()}
              </Button>
            ))}
          </div>
        </CardHeader>
        <CardContent className="space-y-3 pt-4" data-testid="price-check-result">
          {!submitted && <p className="text-muted-foreground py-10 text-center text-sm">{t("empty")}</p>}
          {submitted && result.isPending && <Skeleton className="h-40 w-full" />}
          {result.error && (
            <Alert variant="destructive">
              <AlertDescription>{formErrorOf(result.error).message}</AlertDescription>
            </Alert>
          )}
          {result.data && result.data.notFound.length > 0 && (
            <Alert>
              <Info className="size-4" />
              <AlertDescription data-testid="pc-not-found">{t("notFound", { skus: result.data.notFound.join(", ") })}</AlertDescription>
            </Alert>
          )}
          {result.data && (
            <div className="overflow-x-auto rounded-md border">
              <Table data-testid="pc-table">
                <TableHeader className="bg-muted/50">
                  <TableRow>
                    <TableHead>{t("sku")}</TableHead>
                    <TableHead>{t("type")}</TableHead>
                    <TableHead className="text-right">{t("qty")}</TableHead>
                    <TableHead className="text-right">{t("base")}</TableHead>
                    <TableHead className="text-right">{t("discount")}</TableHead>
                    <TableHead className="text-right">{t("unitPrice")}</TableHead>
                    <TableHead className="text-right">{t("total")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {result.data.lines.map((line, i) => (
                    <PriceCheckRow key={`${line.variantId}-${i}`} line={line} money={money} explainIn={explainIn} />
                  ))}
                  <TableRow className="bg-muted/30 font-semibold">
                    <TableCell colSpan={6} className="text-right">
                      {t("cartTotal")}
                    </TableCell>
                    <TableCell className="text-right font-mono" data-testid="pc-total">
                      {money(result.data.totalMinor, result.data.currency)}
                    </TableCell>
                  </TableRow>
                </TableBody>
              </Table>
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

interface CheckLine {
  requestedSku: string;
  name: string;
  priceTypeCode: string;
  priceTypeSource: "contract" | "company" | "holding" | "region" | "tier" | "default";
  quantity: number;
  unit: string;
  baseUnitMinor: number;
  unitMinor: number;
  lineTotalMinor: number;
  currency: string;
  available: boolean;
  discountPercent?: string;
  steps: { code: string; params: Record<string, string | number> }[];
}

function PriceCheckRow({ line, money, explainIn }: { line: CheckLine; money: (minor: number, currency: string) => string; explainIn: ExplainLocale }) {
  const t = useTranslations("pricing.check");
  return (
    <>
      <TableRow data-testid="pc-line" data-sku={line.requestedSku} className="border-b-0">
        <TableCell>
          <div className="font-mono text-xs font-medium">{line.requestedSku}</div>
          <div className="text-muted-foreground max-w-64 truncate text-xs">{line.name}</div>
        </TableCell>
        <TableCell className="text-xs whitespace-nowrap">
          {line.priceTypeCode} <Badge variant={line.priceTypeSource === "tier" ? "warning" : "outline"}>{t(`sources.${line.priceTypeSource}`)}</Badge>
        </TableCell>
        <TableCell className="text-right font-mono text-xs">
          {line.quantity} {line.unit}
        </TableCell>
        {line.available ? (
          <>
            <TableCell className="text-right font-mono text-xs">{money(line.baseUnitMinor, line.currency)}</TableCell>
            <TableCell className="text-right font-mono text-xs">{line.discountPercent ? `−${line.discountPercent}%` : "—"}</TableCell>
            <TableCell className="text-right font-mono font-medium" data-testid="pc-unit">
              {money(line.unitMinor, line.currency)}
            </TableCell>
            <TableCell className="text-right font-mono">{money(line.lineTotalMinor, line.currency)}</TableCell>
          </>
        ) : (
          <TableCell colSpan={4} className="text-right">
            <Badge variant="destructive">{t("unavailable")}</Badge>
          </TableCell>
        )}
      </TableRow>
      <TableRow className="hover:bg-transparent">
        <TableCell colSpan={7} className="pt-0 pb-3">
          <ol className="text-muted-foreground ml-4 list-decimal space-y-0.5 text-xs" data-testid="pc-explanation">
            {explainLine(line, explainIn).map((sentence, i) => (
              <li key={i}>{sentence}</li>
            ))}
          </ol>
        </TableCell>
      </TableRow>
    </>
  );
}
