import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SupplierFinance } from "@/components/supplier-orders/supplier-finance";
import { requirePermission } from "@/server/auth/session";

export default async function SupplierFinancePage() {
  await requirePermission("supplier.cabinet");
  const t = await getTranslations("supplierOrders");
  return (
    <>
      <PageHeader title={t("finance.title")} crumbs={[{ label: t("crumb"), href: "/supplier" }, { label: t("finance.title") }]} />
      <SupplierFinance />
    </>
  );
}
