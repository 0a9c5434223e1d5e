"use client";
import { useLocale } from "next-intl";
import { useMemo } from "react";

/** Number, money and date formats of the dashboard in the UI's locale (US dollars, UTC days). */
export function useDashboardFormat() {
  const locale = useLocale();
  return useMemo(() => {
    const money = new Intl.NumberFormat(locale, { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const compactMoney = new Intl.NumberFormat(locale, { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
    const count = new Intl.NumberFormat(locale);
    const compactCount = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" });
    const dayShort = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
    const dayLong = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    const monthShort = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
    const monthLong = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
    const monthYear = new Intl.DateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" });
    let regions: Intl.DisplayNames | null = null;
    try {
      regions = new Intl.DisplayNames([locale], { type: "region" });
    } catch {
      regions = null;
    }
    const at = (day: string) => new Date(`${day.length === 7 ? `${day}-01` : day}T00:00:00Z`);
    return {
      money: (cents: number) => money.format(cents / 100),
      compactMoney: (cents: number) => compactMoney.format(cents / 100),
      count: (n: number) => count.format(n),
      compactCount: (n: number) => compactCount.format(n),
      percent: (value: number) => percent.format(value / 100),
      dayShort: (day: string) => dayShort.format(at(day)),
      dayLong: (day: string) => dayLong.format(at(day)),
      monthShort: (month: string) => monthShort.format(at(month)),
      monthLong: (month: string) => monthLong.format(at(month)),
      monthYear: (month: string) => monthYear.format(at(month)),
      country: (code: string) => {
        try {
          return regions?.of(code) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [locale]);
}

export type DashboardFormat = ReturnType<typeof useDashboardFormat>;
