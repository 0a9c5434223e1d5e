import { getTranslations } from "next-intl/server";
import { PersonalManagerCard } from "@/components/b2b/personal-manager-card";
import { CatalogHomeView } from "@/components/catalog/catalog-home-view";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function BuyerHomePage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("catalog");
  return (
    <>
      <PageHeader title={t("home.title")} crumbs={[{ label: t("crumb") }, { label: t("home.title") }]} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_300px]">
        <div className="min-w-0">
          <CatalogHomeView />
        </div>
        <aside className="space-y-6">
          <PersonalManagerCard />
        </aside>
      </div>
    </>
  );
}
