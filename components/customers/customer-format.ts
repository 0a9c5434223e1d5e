import type { useFormatter } from "next-intl";
import { fromMinorUnits } from "@/server/domain/money/money";

type Formatter = Pick<ReturnType<typeof useFormatter>, "number">;

/** An amount in minor units shown in its currency ("$1,234.50", "€34.95"). */
export function formatMoney(format: Formatter, minor: number, currency: string): string {
  return format.number(Number(fromMinorUnits(minor, currency)), { style: "currency", currency });
}

export function initialsOf(firstName: string, lastName: string): string {
  return `${firstName.charAt(0)}${lastName.charAt(0)}`.toUpperCase() || "?";
}
