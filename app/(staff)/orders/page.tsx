import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { OrdersList } from "@/components/orders/orders-list";
import { can } from "@/server/auth/permissions";
import { requirePermission } from "@/server/auth/session";

/** Managers' orders list; the call-center operator gets its queue (scope enforced on the server). */
export default async function OrdersPage() {
  const session = await requirePermission("orders.view");
  const t = await getTranslations();
  const role = session.user.role;
  return (
    <>
      <PageHeader title={t("pages.orders.title")} crumbs={[{ label: t("pages.orders.crumb") }, { label: t("pages.orders.title") }]} />
      <Suspense>
        <OrdersList operator={can(role, "orders.callCenter")} canManage={can(role, "orders.manage")} canExport={can(role, "orders.export")} />
      </Suspense>
    </>
  );
}
