import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCardPage } from "@/components/auth/auth-card-page";
import { SetPasswordForm } from "@/components/suppliers/set-password-form";

export const metadata: Metadata = { title: "Set your password" };

/** Public: the invited colleague's link. The token in the address is the only proof; the server checks it. */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("suppliers.invitation");
  return (
    <AuthCardPage title={t("title")} subtitle={t("subtitle")}>
      <SetPasswordForm token={typeof token === "string" ? token : ""} />
    </AuthCardPage>
  );
}
