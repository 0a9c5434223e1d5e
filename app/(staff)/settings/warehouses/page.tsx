import { getTranslations } from "next-intl/server";
import { WarehousesAdmin } from "@/components/companies/warehouses-admin";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function WarehousesPage() {
  await requirePermission("regions.manage");
  const t = await getTranslations("companies");
  return (
    <>
      <PageHeader title={t("warehouses.title")} crumbs={[{ label: t("regions.crumb") }, { label: t("warehouses.title") }]} />
      <WarehousesAdmin />
    </>
  );
}
