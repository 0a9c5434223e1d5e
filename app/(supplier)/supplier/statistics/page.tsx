import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SupplierStatistics } from "@/components/supplier-orders/supplier-statistics";
import { requirePermission } from "@/server/auth/session";
import { statisticsPeriodOf } from "@/server/domain/supplier-orders/statistics";

/** The period lives in the URL (?from&to&granularity), so a view can be bookmarked and shared; the last 30 days by default. */
export default async function SupplierStatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("supplier.cabinet");
  const t = await getTranslations("supplierOrders");
  const period = statisticsPeriodOf(await searchParams);
  return (
    <>
      <PageHeader title={t("stats.title")} crumbs={[{ label: t("crumb"), href: "/supplier" }, { label: t("stats.title") }]} />
      <SupplierStatistics key={`${period.from}|${period.to}|${period.granularity}`} period={period} />
    </>
  );
}
