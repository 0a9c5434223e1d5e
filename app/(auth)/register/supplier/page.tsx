import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCardPage } from "@/components/auth/auth-card-page";
import { SupplierRegisterForm } from "@/components/suppliers/supplier-register-form";

export const metadata: Metadata = { title: "Become a supplier" };

/** Public. A supplier applies with its requisites and documents; an admin approves before any login works. */
export default async function SupplierRegisterPage() {
  const t = await getTranslations("suppliers.register");
  return (
    <AuthCardPage title={t("title")} subtitle={t("subtitle")} width="3xl">
      <SupplierRegisterForm />
    </AuthCardPage>
  );
}
