import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCardPage } from "@/components/auth/auth-card-page";
import { LoginForm } from "@/components/auth/login-form";
import { HOME_BY_ROLE } from "@/server/auth/permissions";
import { getCurrentSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Login" };

/** Public. No sign-up, no social login, no "forgot password": the customer crossed them out. */
export default async function LoginPage() {
  const session = await getCurrentSession();
  if (session) redirect(HOME_BY_ROLE[session.user.role]);
  const t = await getTranslations("login");
  const [register, supplierRegister] = await Promise.all([getTranslations("companies.register"), getTranslations("suppliers.register")]);
  return (
    <AuthCardPage title={t("title")} subtitle={t("subtitle")}>
      <LoginForm />
      <p className="mt-6 text-center text-sm">
        <Link href="/register" className="text-primary hover:underline" data-testid="register-link">
          {register("link")}
        </Link>
      </p>
      <p className="mt-2 text-center text-xs">
        <Link href="/register/supplier" className="text-muted-foreground hover:text-primary hover:underline" data-testid="supplier-register-link">
          {supplierRegister("link")}
        </Link>
      </p>
    </AuthCardPage>
  );
}
