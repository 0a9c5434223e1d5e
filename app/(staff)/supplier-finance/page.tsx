import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { StaffSupplierFinance } from "@/components/supplier-orders/staff-supplier-finance";
import { requirePermission } from "@/server/auth/session";

export default async function StaffSupplierFinancePage() {
  await requirePermission("suppliers.finance");
  const t = await getTranslations("supplierOrders");
  return (
    <>
      <PageHeader title={t("staff.title")} crumbs={[{ label: "B2B" }, { label: t("staff.title") }]} />
      <StaffSupplierFinance />
    </>
  );
}
