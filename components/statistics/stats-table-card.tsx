"use client";
import type { ReactNode } from "react";
import { useLocale } from "next-intl";
import { formatMinor } from "@/components/companies/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table } from "@/components/ui/table";

/** A statistics table in its card: title, optional explanation, the table scrolling inside its border. */
export function StatsTableCard({ title, hint, testId, children }: { title: string; hint?: string; testId: string; children: ReactNode }) {
  return (
    <Card className="min-w-0">
      <CardHeader className="border-b">
        <CardTitle>{title}</CardTitle>
        {hint && <CardDescription>{hint}</CardDescription>}
      </CardHeader>
      <CardContent className="pt-4">
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid={testId}>{children}</Table>
        </div>
      </CardContent>
    </Card>
  );
}

/** Sums per currency, one per line (several on one line made columns wider than their card); "—" for none. */
export function CurrencyTotals({ totals }: { totals: Record<string, number> }) {
  const locale = useLocale();
  const entries = Object.entries(totals);
  if (entries.length === 0) return <>—</>;
  return (
    <>
      {entries.map(([currency, minor]) => (
        <div key={currency}>{formatMinor(minor, currency, locale)}</div>
      ))}
    </>
  );
}
