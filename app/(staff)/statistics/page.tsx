import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { SalesStatsView } from "@/components/statistics/sales-stats-view";
import { can } from "@/server/auth/permissions";
import { requirePermission } from "@/server/auth/session";

export default async function StatisticsPage() {
  const session = await requirePermission("statistics.view");
  const t = await getTranslations("salesStats");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumb") }, { label: t("title") }]} />
      <Suspense>
        <SalesStatsView showDeep={can(session.user.role, "statistics.deep")} />
      </Suspense>
    </>
  );
}
