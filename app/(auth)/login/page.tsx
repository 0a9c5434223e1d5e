import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { Card, CardContent } from "@/components/ui/card";
import { HOME_BY_ROLE } from "@/server/auth/permissions";
import { getCurrentSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Login" };

/** Public. No sign-up, no social login, no "forgot password": the customer crossed them out. */
export default async function LoginPage() {
  const session = await getCurrentSession();
  if (session) redirect(HOME_BY_ROLE[session.user.role]);
  const t = await getTranslations("login");
  return (
    <main className="relative flex min-h-screen flex-col items-center justify-center bg-[linear-gradient(160deg,var(--sidebar)_0%,var(--sidebar)_45%,var(--background)_45%)] px-4 py-12">
      <div className="absolute top-4 right-4">
        <LocaleSwitch persist={false} tone="dark" />
      </div>
      <div className="mb-8 text-center">
        <div className="text-3xl font-bold tracking-tight text-white">
          T3 <span className="text-primary-foreground/70">CRM</span>
        </div>
        <p className="mt-2 text-sm text-white/60">{t("tagline")}</p>
      </div>
      <Card className="w-full max-w-md">
        <CardContent className="p-8">
          <div className="mb-6 text-center">
            <h1 className="text-primary text-xl font-semibold">{t("title")}</h1>
            <p className="text-muted-foreground mt-1 text-sm">{t("subtitle")}</p>
          </div>
          <LoginForm />
          <p className="mt-6 text-center text-sm">
            <Link href="/register" className="text-primary hover:underline" data-testid="register-link">
              {(await getTranslations("companies.register"))("link")}
            </Link>
          </p>
          <p className="mt-2 text-center text-xs">
            <Link href="/register/supplier" className="text-muted-foreground hover:text-primary hover:underline" data-testid="supplier-register-link">
              {(await getTranslations("suppliers.register"))("link")}
            </Link>
          </p>
        </CardContent>
      </Card>
      <p className="text-muted-foreground mt-8 text-xs">© {new Date().getFullYear()} T3 CRM</p>
    </main>
  );
}
