import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SupplierNewsManager } from "@/components/suppliers/supplier-news-manager";
import { requirePermission } from "@/server/auth/session";

export default async function SupplierNewsPage() {
  await requirePermission("supplier.cabinet");
  const t = await getTranslations("suppliers");
  return (
    <>
      <PageHeader title={t("news.pageTitle")} crumbs={[{ label: t("cabinetCrumb"), href: "/supplier" }, { label: t("news.pageTitle") }]} />
      <SupplierNewsManager />
    </>
  );
}
