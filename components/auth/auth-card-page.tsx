import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

const WIDTH = { md: "max-w-md", "2xl": "max-w-2xl", "3xl": "max-w-3xl" } as const;

/** The public pages' frame (log in, apply, set a password): brand, language switch, one card with a title. */
export async function AuthCardPage({ title, subtitle, width = "md", children }: { title: string; subtitle: string; width?: keyof typeof WIDTH; children: ReactNode }) {
  const login = await getTranslations("login");
  return (
    <main className="relative flex min-h-screen flex-col items-center justify-center bg-[linear-gradient(160deg,var(--sidebar)_0%,var(--sidebar)_45%,var(--background)_45%)] px-4 py-12">
      <div className="absolute top-4 right-4">
        <LocaleSwitch persist={false} tone="dark" />
      </div>
      <div className="mb-8 text-center">
        <div className="text-3xl font-bold tracking-tight text-white">
          T3 <span className="text-primary-foreground/70">CRM</span>
        </div>
        <p className="mt-2 text-sm text-white/60">{login("tagline")}</p>
      </div>
      <Card className={cn("w-full", WIDTH[width])}>
        <CardContent className="p-8">
          <div className="mb-6 text-center">
            <h1 className="text-primary text-xl font-semibold">{title}</h1>
            <p className="text-muted-foreground mx-auto mt-1 max-w-lg text-sm">{subtitle}</p>
          </div>
          {children}
        </CardContent>
      </Card>
      <p className="text-muted-foreground mt-8 text-xs">© {new Date().getFullYear()} T3 CRM</p>
    </main>
  );
}
