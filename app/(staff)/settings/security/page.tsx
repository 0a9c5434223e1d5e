import { getTranslations } from "next-intl/server";
import { ApiSettings } from "@/components/admin/api-settings";
import { SecuritySettings } from "@/components/admin/security-settings";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function SecurityPage() {
  await requirePermission("settings.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("security.title")} crumbs={[{ label: t("nav.section.admin") }, { label: t("security.title") }]} />
      <SecuritySettings />
      <ApiSettings />
    </>
  );
}
