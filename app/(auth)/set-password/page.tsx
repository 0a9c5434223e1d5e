import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { SetPasswordForm } from "@/components/suppliers/set-password-form";
import { Card, CardContent } from "@/components/ui/card";

export const metadata: Metadata = { title: "Set your password" };

/** Public: the invited colleague's link. The token in the address is the only proof; the server checks it. */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("suppliers.invitation");
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
      <Card className="w-full max-w-md">
        <CardContent className="p-8">
          <div className="mb-6 text-center">
            <h1 className="text-primary text-xl font-semibold">{t("title")}</h1>
            <p className="text-muted-foreground mx-auto mt-1 text-sm">{t("subtitle")}</p>
          </div>
          <SetPasswordForm token={typeof token === "string" ? token : ""} />
        </CardContent>
      </Card>
    </main>
  );
}
