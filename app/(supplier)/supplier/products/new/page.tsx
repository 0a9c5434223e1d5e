import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SupplierProductForm } from "@/components/supplier-products/product-form";
import { requirePermission } from "@/server/auth/session";

export default async function NewSupplierProductPage() {
  await requirePermission("supplier.cabinet");
  const t = await getTranslations("supplierProducts");
  return (
    <>
      <PageHeader title={t("form.newTitle")} crumbs={[{ label: t("crumb"), href: "/supplier" }, { label: t("list.title"), href: "/supplier/products" }, { label: t("form.newTitle") }]} />
      <SupplierProductForm />
    </>
  );
}
