import { getTranslations } from "next-intl/server";
import { ApiKeyPanel } from "@/components/catalog-api/api-key-panel";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function CatalogApiPage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("catalogApi");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: "B2B", href: "/b2b" }, { label: t("title") }]} />
      <ApiKeyPanel />
    </>
  );
}
