import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { StaffProductsList } from "@/components/catalog/staff-products-list";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function StaffCatalogPage() {
  await requirePermission("catalog.view");
  const t = await getTranslations("catalog");
  return (
    <>
      <PageHeader title={t("staff.title")} crumbs={[{ label: t("crumb") }, { label: t("staff.title") }]} />
      <Suspense>
        <StaffProductsList />
      </Suspense>
    </>
  );
}
