import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageHeader } from "@/components/layout/page-header";
import { SupplierProductForm } from "@/components/supplier-products/product-form";
import { requirePermission } from "@/server/auth/session";

export default async function EditSupplierProductPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("supplier.cabinet");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const t = await getTranslations("supplierProducts");
  return (
    <>
      <PageHeader title={t("form.editTitle")} crumbs={[{ label: t("crumb"), href: "/supplier" }, { label: t("list.title"), href: "/supplier/products" }, { label: t("form.editTitle") }]} />
      <SupplierProductForm productId={id} />
    </>
  );
}
