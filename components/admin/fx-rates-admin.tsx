"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** Rates to USD by day: orders use the rate of their day, so statistics in USD stay stable. */
export function FxRatesAdmin() {
  const t = useTranslations("fx");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rates = useQuery(trpc.fxRates.list.queryOptions({ limit: 300 }));
  const [currency, setCurrency] = useState("EUR");
  const [day, setDay] = useState(() => new Date().toISOString().slice(0, 10));
  const [rate, setRate] = useState("");
  const [error, setError] = useState<FormError | null>(null);
  const save = useMutation(
    trpc.fxRates.set.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.fxRates.list.queryKey() });
        toast.success(t("saved"));
        setRate("");
      },
      onError: (e) => setError(formErrorOf(e)),
    }),
  );
  const latest = useMemo(() => {
    const seen = new Map<string, { currency: string; day: string; usdPerUnit: string }>();
    for (const row of rates.data ?? []) if (!seen.has(row.currency)) seen.set(row.currency, row);
    return [...seen.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  }, [rates.data]);
  const fieldError = (f: string) => (error?.field === f ? error.message : null);
  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    save.mutate({ currency, day, usdPerUnit: rate });
  }
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <Card>
        <CardHeader className="border-b">
          <CardTitle>{t("latestTitle")}</CardTitle>
          <CardDescription>{t("latestText")}</CardDescription>
        </CardHeader>
        <CardContent className="pt-4">
          {rates.isPending ? (
            <Skeleton className="h-40 w-full" />
          ) : (
            <Table data-testid="fx-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("currency")}</TableHead>
                  <TableHead>{t("day")}</TableHead>
                  <TableHead className="text-right">{t("rate")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {latest.map((row) => (
                  <TableRow key={row.currency}>
                    <TableCell className="font-medium">{row.currency}</TableCell>
                    <TableCell>{row.day}</TableCell>
                    <TableCell className="text-right font-mono">{Number(row.usdPerUnit).toFixed(6)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="border-b">
          <CardTitle>{t("setTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="pt-4">
          <form onSubmit={submit} className="grid gap-4" data-testid="fx-form">
            <Field id="fx-currency" label={t("currency")} error={fieldError("currency")}>
              <Input id="fx-currency" maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
            </Field>
            <Field id="fx-day" label={t("day")} error={fieldError("day")}>
              <Input id="fx-day" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
            </Field>
            <Field id="fx-rate" label={t("rate")} error={fieldError("usdPerUnit")} hint={t("rateHint")}>
              <Input id="fx-rate" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value.trim())} />
            </Field>
            {error && !error.field && <p className="text-destructive text-sm">{error.message}</p>}
            <Button type="submit" disabled={save.isPending || !rate}>
              {t("save")}
            </Button>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
