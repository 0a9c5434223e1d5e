import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCardPage } from "@/components/auth/auth-card-page";
import { RegisterForm } from "@/components/companies/register-form";

export const metadata: Metadata = { title: "Apply for an account" };

/** Public. The closed club: an application for a manager to review, never an account by itself. */
export default async function RegisterPage() {
  const t = await getTranslations("companies.register");
  return (
    <AuthCardPage title={t("title")} subtitle={t("subtitle")} width="2xl">
      <RegisterForm />
    </AuthCardPage>
  );
}
