import { getTranslations } from "next-intl/server";
import { CatalogHomeView } from "@/components/catalog/catalog-home-view";
import { PageHeader } from "@/components/layout/page-header";
import { BalanceView } from "@/components/ordering/balance-view";
import { requirePermission } from "@/server/auth/session";

export default async function BuyerHomePage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("catalog");
  return (
    <>
      <PageHeader title={t("home.title")} crumbs={[{ label: t("crumb") }, { label: t("home.title") }]} />
      <div className="mb-4">
        <BalanceView compact />
      </div>
      <CatalogHomeView />
    </>
  );
}
