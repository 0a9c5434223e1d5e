import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CatalogBrowser } from "@/components/catalog/catalog-browser";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function BuyerCatalogPage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("catalog");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumb"), href: "/b2b" }, { label: t("title") }]} />
      <Suspense>
        <CatalogBrowser />
      </Suspense>
    </>
  );
}
