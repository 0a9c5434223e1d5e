import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SupplierHomeView } from "@/components/suppliers/supplier-home-view";
import { requirePermission } from "@/server/auth/session";

export default async function SupplierHomePage() {
  await requirePermission("supplier.cabinet");
  const t = await getTranslations("suppliers");
  return (
    <>
      <PageHeader title={t("home.title")} crumbs={[{ label: t("crumb") }, { label: t("home.title") }]} />
      <SupplierHomeView />
    </>
  );
}
