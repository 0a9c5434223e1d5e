import { z } from "zod";

/** Pure date arithmetic on UTC calendar days ("YYYY-MM-DD"); shared by the server and the browser. */

export const RANGE_PRESETS = ["this_month", "7d", "1m", "3m", "6m", "1y", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = "this_month";

/** The longest custom range: keeps a request from asking for decades of raw rows. */
export const MAX_RANGE_DAYS = 3 * 366;

export type Bucket = "day" | "week" | "month";

const DAY_MS = 86_400_000;
const isoDay = z.iso.date("Dates must be YYYY-MM-DD");

export const dashboardRangeInput = z
  .object({
    preset: z.enum(RANGE_PRESETS).default(DEFAULT_PRESET),
    /** Custom ranges only: first and last day, both included. */
    from: isoDay.optional(),
    to: isoDay.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.preset !== "custom") return;
    if (!value.from || !value.to) {
      ctx.addIssue({ code: "custom", message: "A custom range needs a start and an end day", path: [value.from ? "to" : "from"] });
      return;
    }
    if (value.from > value.to) ctx.addIssue({ code: "custom", message: "The start day must not be after the end day", path: ["from"] });
    else if (daysBetween(value.from, value.to) + 1 > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", message: `A range may span at most ${MAX_RANGE_DAYS} days`, path: ["to"] });
  });
export type DashboardRangeInput = z.input<typeof dashboardRangeInput>;

export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  return toDay(new Date(dayStart(day).getTime() + days * DAY_MS));
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayStart(b).getTime() - dayStart(a).getTime()) / DAY_MS);
}

/** Calendar months added to a day; the day of month is clamped (31 March − 1 month = 28/29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return toDay(new Date(Date.UTC(year, month, Math.min(d, last))));
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** Monday of the ISO week of `day`. */
export function weekStart(day: string): string {
  const weekday = (dayStart(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export function bucketStart(day: string, bucket: Bucket): string {
  return bucket === "day" ? day : bucket === "week" ? weekStart(day) : monthStart(day);
}

/** Day bars up to a month and a half, weeks up to seven months, months beyond. */
export function bucketFor(days: number): Bucket {
  if (days <= 45) return "day";
  if (days <= 215) return "week";
  return "month";
}

export interface ResolvedRange {
  preset: RangePreset;
  /** First day, included. */
  from: string;
  /** Last day, included. */
  to: string;
  /** The day after `to`: the range is [from, end). */
  end: string;
  days: number;
  bucket: Bucket;
  /** The previous period of the same length, [previousFrom, from), for the deltas. */
  previousFrom: string;
  /** Turnover by days: the last 14 days of the range, [turnoverFrom, end). */
  turnoverFrom: string;
  /** Monthly earnings: the 12 calendar months ending with the month of `to`, [monthlyFrom, end). */
  monthlyFrom: string;
}

export const TURNOVER_DAYS = 14;
export const MONTHLY_MONTHS = 12;

/** A preset or a custom range, resolved against today (UTC). Presets end today, included. */
export function resolveRange(input: z.output<typeof dashboardRangeInput>, now: Date): ResolvedRange {
  const today = toDay(now);
  let from: string;
  let to = today;
  switch (input.preset) {
    case "this_month":
      from = monthStart(today);
      break;
    case "7d":
      from = addDays(today, -6);
      break;
    case "1m":
      from = addDays(addMonths(today, -1), 1);
      break;
    case "3m":
      from = addDays(addMonths(today, -3), 1);
      break;
    case "6m":
      from = addDays(addMonths(today, -6), 1);
      break;
    case "1y":
      from = addDays(addMonths(today, -12), 1);
      break;
    case "custom":
      from = input.from ?? today;
      to = input.to ?? today;
      break;
  }
  const end = addDays(to, 1);
  const days = daysBetween(from, end);
  return {
    preset: input.preset,
    from,
    to,
    end,
    days,
    bucket: bucketFor(days),
    previousFrom: addDays(from, -days),
    turnoverFrom: addDays(end, -TURNOVER_DAYS),
    monthlyFrom: addMonths(monthStart(to), -(MONTHLY_MONTHS - 1)),
  };
}

/** Every bucket start from `from` to `to` (included), so charts show empty periods as zero. */
export function bucketStarts(from: string, to: string, bucket: Bucket): string[] {
  const starts: string[] = [];
  let current = bucketStart(from, bucket);
  while (current <= to) {
    starts.push(current);
    current = bucket === "day" ? addDays(current, 1) : bucket === "week" ? addDays(current, 7) : addMonths(current, 1);
  }
  return starts;
}

/** Percentage change from `previous` to `current`, two decimals; null when there is nothing to compare with. */
export function deltaPercent(current: number, previous: number): number | null {
  if (previous <= 0) return null;
  return Math.round(((current - previous) / previous) * 10_000) / 100;
}
