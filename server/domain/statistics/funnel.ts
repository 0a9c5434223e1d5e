/** The customer funnel: registered → ordered → ordered again, with each step's share of the one before and of the start. */
export interface FunnelCounts {
  registered: number;
  ordered: number;
  repeat: number;
}

export interface FunnelStep {
  step: keyof FunnelCounts;
  count: number;
  /** Percent of the previous step (100 for the first), one decimal; 0 when the previous step is empty. */
  ofPrevious: number;
  /** Percent of the registered. */
  ofStart: number;
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

export function funnelSteps(counts: FunnelCounts): FunnelStep[] {
  // A step can never hold more than the one before: a later count over an earlier one means bad input.
  const ordered = Math.min(counts.ordered, counts.registered);
  const repeat = Math.min(counts.repeat, ordered);
  return [
    { step: "registered", count: counts.registered, ofPrevious: counts.registered > 0 ? 100 : 0, ofStart: counts.registered > 0 ? 100 : 0 },
    { step: "ordered", count: ordered, ofPrevious: percent(ordered, counts.registered), ofStart: percent(ordered, counts.registered) },
    { step: "repeat", count: repeat, ofPrevious: percent(repeat, ordered), ofStart: percent(repeat, counts.registered) },
  ];
}

/** Average check in minor units, rounded; 0 with no orders. */
export function averageCheck(totalMinor: number, orders: number): number {
  return orders > 0 ? Math.round(totalMinor / orders) : 0;
}

export { percent as sharePercent };
