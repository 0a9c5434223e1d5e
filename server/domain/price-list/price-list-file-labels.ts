import enCatalog from "@/i18n/messages/en/catalog.json";
import en from "@/i18n/messages/en/priceList.json";
import ruCatalog from "@/i18n/messages/ru/catalog.json";
import ru from "@/i18n/messages/ru/priceList.json";
import type { AppLocale } from "@/i18n/locales";
import type { PriceListLabels } from "./price-list-labels";

/** The file's words in the reader's language, from the same message files as the pages. */
export function priceListLabels(locale: AppLocale): PriceListLabels {
  const ruLocale = locale === "ru";
  return { ...(ruLocale ? ru : en).priceList.file, units: (ruLocale ? ruCatalog : enCatalog).catalog.units };
}
