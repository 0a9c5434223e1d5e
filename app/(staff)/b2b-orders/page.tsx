import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { OrdersHistory } from "@/components/ordering/orders-history";
import { requirePermission } from "@/server/auth/session";

export default async function StaffB2bOrdersPage() {
  await requirePermission("b2bOrders.view");
  const t = await getTranslations("ordering");
  return (
    <>
      <PageHeader title={t("orders.staffTitle")} crumbs={[{ label: "B2B" }, { label: t("orders.staffTitle") }]} />
      <OrdersHistory staff />
    </>
  );
}
