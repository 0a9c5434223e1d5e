import en from "@/i18n/messages/en/priceList.json";
import ru from "@/i18n/messages/ru/priceList.json";
import type { AppLocale } from "@/i18n/locales";
import type { PriceListLabels } from "./price-list-labels";

/** The file's words in the reader's language, from the same message files as the page. */
export function priceListLabels(locale: AppLocale): PriceListLabels {
  return (locale === "ru" ? ru : en).priceList.file;
}
