import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { SalesStatsView } from "@/components/statistics/sales-stats-view";
import { requirePermission } from "@/server/auth/session";

export default async function StatisticsPage() {
  await requirePermission("statistics.view");
  const t = await getTranslations("salesStats");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumb") }, { label: t("title") }]} />
      <Suspense>
        <SalesStatsView />
      </Suspense>
    </>
  );
}
