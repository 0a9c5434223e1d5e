import { and, desc, eq, lte } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { fxRates } from "../../../db/schema";
import { badInput } from "../errors";

export const SUPPORTED_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "JPY", "NZD", "RUB"] as const;

const CACHE_MS = 60_000;
const cache = new Map<string, { rate: string | null; at: number }>();

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * USD per unit of `currency` on `day`: that day's rate, or the latest before it. Cached for a
 * minute per process, because every order asks and rates change daily.
 */
export async function usdRateFor(db: Db, currency: string, day: string): Promise<string | null> {
  if (currency === "USD") return "1";
  const key = `${currency}:${day}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.rate;
  const [row] = await db
    .select({ rate: fxRates.usdPerUnit })
    .from(fxRates)
    .where(and(eq(fxRates.currency, currency), lte(fxRates.day, day)))
    .orderBy(desc(fxRates.day))
    .limit(1);
  const rate = row?.rate ?? null;
  cache.set(key, { rate, at: Date.now() });
  return rate;
}

export function clearFxCache(): void {
  cache.clear();
}

export async function setFxRate(db: Db, input: { currency: string; day: string; usdPerUnit: string }, actorId: string | null): Promise<void> {
  const currency = input.currency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw badInput("Currency must be a 3-letter ISO code", "currency");
  if (currency === "USD") throw badInput("USD is the base currency; its rate is always 1", "currency");
  if (!/^\d{1,10}(\.\d{1,10})?$/.test(input.usdPerUnit) || Number(input.usdPerUnit) <= 0) {
    throw badInput("Rate must be a positive number with at most 10 decimals", "usdPerUnit");
  }
  await db
    .insert(fxRates)
    .values({ currency, day: input.day, usdPerUnit: input.usdPerUnit, updatedBy: actorId })
    .onConflictDoUpdate({ target: [fxRates.currency, fxRates.day], set: { usdPerUnit: input.usdPerUnit, updatedBy: actorId, updatedAt: new Date() } });
  clearFxCache();
}

export async function listFxRates(db: Db, options: { currency?: string; limit?: number } = {}) {
  return db
    .select()
    .from(fxRates)
    .where(options.currency ? eq(fxRates.currency, options.currency) : undefined)
    .orderBy(desc(fxRates.day), fxRates.currency)
    .limit(options.limit ?? 200);
}
