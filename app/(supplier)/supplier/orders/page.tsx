import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SupplierOrdersList } from "@/components/supplier-orders/supplier-orders-list";
import { requirePermission } from "@/server/auth/session";

export default async function SupplierOrdersPage() {
  await requirePermission("supplier.cabinet");
  const t = await getTranslations("supplierOrders");
  return (
    <>
      <PageHeader title={t("list.title")} crumbs={[{ label: t("crumb"), href: "/supplier" }, { label: t("list.title") }]} />
      <SupplierOrdersList />
    </>
  );
}
