import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CompaniesList } from "@/components/companies/companies-list";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";
import { mayAssignManager } from "@/server/domain/companies/company-scope";

export default async function CompaniesPage() {
  const session = await requirePermission("companies.view");
  const t = await getTranslations("companies");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumb") }, { label: t("title") }]} />
      <Suspense>
        <CompaniesList mayAssign={mayAssignManager(session.user)} />
      </Suspense>
    </>
  );
}
