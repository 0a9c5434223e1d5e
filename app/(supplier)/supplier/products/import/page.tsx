import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SupplierProductImport } from "@/components/supplier-products/product-import";
import { requirePermission } from "@/server/auth/session";

export default async function SupplierProductImportPage() {
  await requirePermission("supplier.cabinet");
  const t = await getTranslations("supplierProducts");
  return (
    <>
      <PageHeader title={t("import.title")} crumbs={[{ label: t("crumb"), href: "/supplier" }, { label: t("list.title"), href: "/supplier/products" }, { label: t("import.nav") }]} />
      <SupplierProductImport />
    </>
  );
}
