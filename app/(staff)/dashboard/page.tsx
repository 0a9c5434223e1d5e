import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";
import { DashboardView, type DashboardAudience } from "@/components/dashboard/dashboard-view";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

const AUDIENCE: Partial<Record<string, DashboardAudience>> = { manager: "own", head_manager: "team" };

export default async function DashboardPage() {
  const session = await requirePermission("dashboard.view");
  const t = await getTranslations("dashboard");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumb") }, { label: t("title") }]} />
      <Suspense fallback={<DashboardSkeleton />}>
        <DashboardView audience={AUDIENCE[session.user.role] ?? "all"} />
      </Suspense>
    </>
  );
}
