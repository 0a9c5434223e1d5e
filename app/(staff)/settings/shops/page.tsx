import { getTranslations } from "next-intl/server";
import { ShopsAdmin } from "@/components/admin/shops-admin";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function ShopsPage() {
  await requirePermission("shops.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("shops.title")} crumbs={[{ label: t("nav.section.admin") }, { label: t("shops.title") }]} />
      <ShopsAdmin />
    </>
  );
}
