"use client";
import { useLocale } from "next-intl";
import { formatMoney, type ExplainLocale } from "@/server/domain/pricing/explain";

/** Money as the explanation prints it ("1,234.56 RUB" / "1 234,56 RUB"), in the UI's language. */
export function useMoney() {
  const locale: ExplainLocale = useLocale() === "ru" ? "ru" : "en";
  return (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, locale);
}

/** "12 500.50" typed by an admin → minor units (2 decimals); null when it is not a number. */
export function majorToMinor(text: string): number | null {
  const clean = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [whole = "0", fraction = ""] = clean.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export function minorToMajor(minor: number): string {
  const whole = Math.trunc(minor / 100);
  const cents = minor % 100;
  return cents ? `${whole}.${String(cents).padStart(2, "0")}` : String(whole);
}

export function percentLabel(value: string): string {
  return String(Number(value));
}
