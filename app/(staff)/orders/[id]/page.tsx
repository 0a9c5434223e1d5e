import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { OrderDetailsView } from "@/components/orders/details/order-details";
import { requirePermission } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { getEnv } from "@/server/env";
import { getOrderDetails } from "@/server/domain/orders/order-details";

/** Order Details. Visibility is checked here too, so an order out of scope is a plain 404. */
export default async function OrderDetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("orders.view");
  const { id } = await params;
  if (!/^ord_[A-Za-z0-9_-]{22}$/.test(id)) notFound();
  const db = await ensureDatabaseReady();
  const visible = await getOrderDetails(db, { id: session.user.id, role: session.user.role }, id, [getEnv().encryptionKey]).catch(() => null);
  if (!visible) notFound();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("orders.details.title")} crumbs={[{ label: t("pages.orders.title"), href: "/orders" }, { label: `#${visible.order.number}` }]} />
      <OrderDetailsView orderId={id} />
    </>
  );
}
