import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { getCurrentSession } from "@/server/auth/session";
import { MESSAGE_AREAS } from "./message-areas";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type AppLocale } from "./locales";

/** This browser's explicit choice, else the account's saved language, else the browser's, else English. */
async function resolveLocale(): Promise<AppLocale> {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookieLocale)) return cookieLocale;
  const session = await getCurrentSession().catch(() => null);
  if (session && isLocale(session.user.locale)) return session.user.locale;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const messages = { ...((await import(`./messages/${locale}.json`)).default as Record<string, unknown>) };
  for (const area of MESSAGE_AREAS as readonly string[]) {
    Object.assign(messages, (await import(`./messages/${locale}/${area}.json`)).default as Record<string, unknown>);
  }
  return { locale, messages, timeZone: "UTC" };
});
