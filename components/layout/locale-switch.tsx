"use client";
import { useMutation } from "@tanstack/react-query";
import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuRadioGroup, DropdownMenuRadioItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/components/ui/cn";
import { useTRPC } from "@/components/providers/trpc";
import { LOCALE_COOKIE, LOCALES, isLocale } from "@/i18n/locales";

const LABELS: Record<(typeof LOCALES)[number], string> = { en: "English", ru: "Русский" };

/** Switches the interface language for this browser and, when logged in, for the account. */
export function LocaleSwitch({ persist = true, tone = "default" }: { persist?: boolean; tone?: "default" | "dark" }) {
  const locale = useLocale();
  const router = useRouter();
  const t = useTranslations("topbar");
  const trpc = useTRPC();
  const save = useMutation(trpc.account.setLocale.mutationOptions());

  async function choose(value: string) {
    if (!isLocale(value) || value === locale) return;
    document.cookie = `${LOCALE_COOKIE}=${value}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
    if (persist) await save.mutateAsync({ locale: value }).catch(() => undefined);
    router.refresh();
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="sm"
          aria-label={t("language")}
          data-testid="locale-switch"
          className={cn("gap-1.5 uppercase", tone === "dark" && "text-white hover:bg-white/10 hover:text-white")}
        >
          <Languages className="size-4" />
          {locale}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuRadioGroup value={locale} onValueChange={choose}>
          {LOCALES.map((l) => (
            <DropdownMenuRadioItem key={l} value={l} data-testid={`locale-${l}`}>
              {LABELS[l]}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
