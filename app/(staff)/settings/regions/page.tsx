import { getTranslations } from "next-intl/server";
import { RegionsAdmin } from "@/components/companies/regions-admin";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function RegionsPage() {
  await requirePermission("regions.manage");
  const t = await getTranslations("companies.regions");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumb") }, { label: t("title") }]} />
      <RegionsAdmin />
    </>
  );
}
