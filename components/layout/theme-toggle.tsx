"use client";
import { Moon, Sun } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTheme } from "next-themes";
import { Button } from "@/components/ui/button";

export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  const t = useTranslations("topbar");
  const dark = resolvedTheme === "dark";
  return (
    <Button variant="ghost" size="icon" aria-label={t("toggleTheme")} data-testid="theme-toggle" onClick={() => setTheme(dark ? "light" : "dark")}>
      <Sun className="size-4 dark:hidden" />
      <Moon className="hidden size-4 dark:block" />
    </Button>
  );
}
