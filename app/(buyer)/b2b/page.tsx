import { getTranslations } from "next-intl/server";
import { PersonalManagerCard } from "@/components/b2b/personal-manager-card";
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
      <section className="mb-6 grid gap-6 md:grid-cols-2 xl:grid-cols-3" data-testid="buyer-widgets">
        <div className="md:col-span-2 xl:col-span-2">
          <BalanceView compact />
        </div>
        <PersonalManagerCard />
      </section>
      <CatalogHomeView />
    </>
  );
}
