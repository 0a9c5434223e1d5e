import { getTranslations } from "next-intl/server";
import { FxRatesAdmin } from "@/components/admin/fx-rates-admin";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function FxRatesPage() {
  await requirePermission("fx.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("fx.title")} crumbs={[{ label: t("nav.section.admin") }, { label: t("fx.title") }]} />
      <FxRatesAdmin />
    </>
  );
}
