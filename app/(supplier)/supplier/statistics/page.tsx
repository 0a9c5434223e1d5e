import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SupplierStatistics } from "@/components/supplier-orders/supplier-statistics";
import { requirePermission } from "@/server/auth/session";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period lives in the URL (?from&to&granularity), so a view can be bookmarked and shared; the last 30 days by default. */
export default async function SupplierStatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("supplier.cabinet");
  const t = await getTranslations("supplierOrders");
  const query = await searchParams;
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  const period = {
    from: query.from && DATE.test(query.from) ? query.from : monthAgo,
    to: query.to && DATE.test(query.to) ? query.to : today,
    granularity: query.granularity === "week" ? ("week" as const) : ("day" as const),
  };
  return (
    <>
      <PageHeader title={t("stats.title")} crumbs={[{ label: t("crumb"), href: "/supplier" }, { label: t("stats.title") }]} />
      <SupplierStatistics key={`${period.from}|${period.to}|${period.granularity}`} period={period} />
    </>
  );
}
