"use client";
import { useTranslations } from "next-intl";
import { useMoney } from "@/components/orders/money";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useUnitLabel } from "@/components/catalog/catalog-format";

export interface QuoteLineView {
  id: string;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitMinor: number;
  lineTotalMinor: number;
}

/** The quote's lines with the total, read-only. */
export function QuoteLinesTable({ lines, currency, totalMinor }: { lines: QuoteLineView[]; currency: string; totalMinor: number }) {
  const t = useTranslations("quotes.col");
  const unitLabel = useUnitLabel();
  const money = useMoney();
  return (
    <Table data-testid="quote-lines">
      <TableHeader>
        <TableRow>
          <TableHead>{t("sku")}</TableHead>
          <TableHead>{t("name")}</TableHead>
          <TableHead className="text-right">{t("quantity")}</TableHead>
          <TableHead>{t("unit")}</TableHead>
          <TableHead className="text-right">{t("price")}</TableHead>
          <TableHead className="text-right">{t("lineTotal")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={line.id} data-testid="quote-line">
            <TableCell className="font-mono text-xs">{line.sku}</TableCell>
            <TableCell className="min-w-48 whitespace-normal">{line.name}</TableCell>
            <TableCell className="text-right">{line.quantity}</TableCell>
            <TableCell>{unitLabel.short(line.unit)}</TableCell>
            <TableCell className="text-right">{money(line.unitMinor, currency)}</TableCell>
            <TableCell className="text-right">{money(line.lineTotalMinor, currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={5} className="text-right font-semibold">
            {t("total")}
          </TableCell>
          <TableCell className="text-right font-semibold" data-testid="quote-total">
            {money(totalMinor, currency)}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}
