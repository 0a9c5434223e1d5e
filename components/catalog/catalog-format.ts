"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { UnitInfo } from "@/server/domain/catalog/product-tiles";

const KNOWN_UNITS = ["pcs", "pack", "box", "m", "coil"] as const;

/** Unit codes as words ("pcs" → "шт"); unknown codes are shown as they are. */
export function useUnitLabel() {
  const t = useTranslations("catalog");
  const format = useFormatter();
  const short = (code: string) => ((KNOWN_UNITS as readonly string[]).includes(code) ? t(`units.${code as (typeof KNOWN_UNITS)[number]}`) : code);
  /** "pack (10 pcs)" for units other than the base one. */
  const withRatio = (unit: UnitInfo, baseUnit: string) => (unit.ratio === 1 ? short(unit.unit) : t("unitWithRatio", { unit: short(unit.unit), ratio: format.number(unit.ratio), base: short(baseUnit) }));
  return { short, withRatio };
}
