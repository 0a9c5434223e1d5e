/** Money in a quote is integer minor units; a line total rounds once, per line, like the order lines do. */
export function lineTotalMinor(unitMinor: number, quantity: number): number {
  return Math.round(unitMinor * quantity);
}

export function quoteTotalMinor(lines: ReadonlyArray<{ unitMinor: number; quantity: number }>): number {
  return lines.reduce((sum, line) => sum + lineTotalMinor(line.unitMinor, line.quantity), 0);
}

/** A reseller's price for its own customer: the unit price raised by `percent`, rounded to a minor unit. */
export function markedUpUnitMinor(unitMinor: number, percent: number): number {
  return Math.round((unitMinor * (100 + percent)) / 100);
}

export interface PricedLine {
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitMinor: number;
  lineTotalMinor: number;
}

/** The quote's lines as the reseller's customer sees them: every unit price marked up, totals recomputed. */
export function markUpLines(lines: ReadonlyArray<Omit<PricedLine, "lineTotalMinor">>, percent: number): { lines: PricedLine[]; totalMinor: number } {
  const marked = lines.map((line) => {
    const unitMinor = markedUpUnitMinor(line.unitMinor, percent);
    return { ...line, unitMinor, lineTotalMinor: lineTotalMinor(unitMinor, line.quantity) };
  });
  return { lines: marked, totalMinor: marked.reduce((sum, l) => sum + l.lineTotalMinor, 0) };
}

export const QUOTE_STATUS_LIST = ["requested", "sent", "accepted", "declined", "expired"] as const;
export type QuoteStatus = (typeof QUOTE_STATUS_LIST)[number];

/** A sent quote past its validity is expired even before a job marks it so: the clock decides, not a cron. */
export function effectiveQuoteStatus(quote: { status: QuoteStatus; validUntil: Date | null }, now: Date): QuoteStatus {
  if (quote.status === "sent" && quote.validUntil && quote.validUntil.getTime() <= now.getTime()) return "expired";
  return quote.status;
}
