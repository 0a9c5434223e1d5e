import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { CartView } from "@/components/ordering/cart-view";
import { requirePermission } from "@/server/auth/session";

export default async function CartPage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("ordering");
  return (
    <>
      <PageHeader title={t("cart.title")} crumbs={[{ label: t("crumb") }, { label: t("cart.title") }]} />
      <CartView />
    </>
  );
}
