"use client";
import { useFormatter } from "next-intl";
import { fromMinorUnits } from "@/server/domain/money/money";

/** Minor units + currency, formatted for the reader's locale. */
export function useMoney() {
  const format = useFormatter();
  return (minor: number, currency: string) => format.number(Number(fromMinorUnits(minor, currency)), { style: "currency", currency });
}
