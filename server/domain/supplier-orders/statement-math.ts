/** One delivered part in a statement. */
export interface StatementLine {
  salesMinor: number;
  commissionMinor: number;
}

export interface StatementTotals {
  partsCount: number;
  salesMinor: number;
  commissionMinor: number;
  payoutMinor: number;
}

/** Sales, the operator's commission and the payout due (sales − commission), all integer minor units. */
export function statementTotals(lines: readonly StatementLine[]): StatementTotals {
  let salesMinor = 0;
  let commissionMinor = 0;
  for (const line of lines) {
    if (!Number.isSafeInteger(line.salesMinor) || !Number.isSafeInteger(line.commissionMinor)) throw new Error("Statement amounts must be integer minor units");
    salesMinor += line.salesMinor;
    commissionMinor += line.commissionMinor;
  }
  return { partsCount: lines.length, salesMinor, commissionMinor, payoutMinor: salesMinor - commissionMinor };
}

/** The month a date falls in, as its first and the next month's first day (UTC). */
export function monthBounds(period: string): { start: string; next: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new Error(`Not a month: ${period}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return { start: `${period}-01`, next };
}
