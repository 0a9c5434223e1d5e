import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { OrdersHistory } from "@/components/ordering/orders-history";
import { requirePermission } from "@/server/auth/session";

export default async function BuyerOrdersPage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("ordering");
  return (
    <>
      <PageHeader title={t("orders.title")} crumbs={[{ label: t("crumb") }, { label: t("orders.title") }]} />
      <OrdersHistory />
    </>
  );
}
