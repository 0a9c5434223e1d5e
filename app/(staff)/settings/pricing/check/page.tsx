import { getTranslations } from "next-intl/server";
import { PriceCheckPanel } from "@/components/admin/pricing/price-check-panel";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function PriceCheckPage() {
  await requirePermission("pricing.check");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("pricing.checkTitle")} crumbs={[{ label: t("nav.section.b2b") }, { label: t("pricing.checkTitle") }]} />
      <PriceCheckPanel />
    </>
  );
}
