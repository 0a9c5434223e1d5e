import type { Tx } from "../../../db/client";
import type { ExchangeCategory, ExchangeItemStatus } from "../../../db/schema";

export interface ItemLog {
  category: ExchangeCategory;
  entity: string;
  externalId: string | null;
  label: string | null;
  status: ExchangeItemStatus;
  message: string | null;
}

export interface RunCounts {
  total: number;
  created: number;
  updated: number;
  failed: number;
}

/** At most this many single-item lines per run are kept, so a broken 100k file cannot flood the log. */
export const MAX_ITEM_LOGS = 5_000;

/**
 * What one import step writes through: its transaction, its counts per category and its item
 * lines. The lines are kept in memory and stored after the transaction (PGlite has one connection).
 */
export class ImportContext {
  readonly counts = new Map<ExchangeCategory, RunCounts>();
  readonly items: ItemLog[] = [];
  constructor(readonly tx: Tx) {}

  count(category: ExchangeCategory): RunCounts {
    let c = this.counts.get(category);
    if (!c) {
      c = { total: 0, created: 0, updated: 0, failed: 0 };
      this.counts.set(category, c);
    }
    return c;
  }

  log(item: ItemLog): void {
    if (item.status === "error") this.count(item.category).failed += 1;
    if (this.items.length < MAX_ITEM_LOGS) this.items.push(item);
  }
}

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m", н: "n", о: "o",
  п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "h", ц: "ts", ч: "ch", ш: "sh", щ: "sch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

/** A readable, unique slug: the transliterated name plus the start of the ERP id ("zhenskie-botforty-bd72d910"). */
export function slugFor(name: string, erpId: string): string {
  const latin = [...name.toLowerCase()].map((ch) => CYRILLIC[ch] ?? ch).join("");
  const base = latin.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  const suffix = erpId.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 12);
  return base ? `${base}-${suffix}` : `item-${suffix}`;
}

export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** "1 719,50" or "1719.5" → a plain decimal string, or null. */
export function decimalText(raw: string): string | null {
  const text = raw.replace(/\s+/g, "").replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(text) ? text : null;
}
