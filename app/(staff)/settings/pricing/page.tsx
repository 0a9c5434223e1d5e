import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PricingAdmin } from "@/components/admin/pricing/pricing-admin";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function PricingPage() {
  await requirePermission("pricing.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("pricing.title")} crumbs={[{ label: t("nav.section.admin") }, { label: t("pricing.title") }]} />
      <Suspense>
        <PricingAdmin />
      </Suspense>
    </>
  );
}
