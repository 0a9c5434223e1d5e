import { getTranslations } from "next-intl/server";
import { ApplicationsList } from "@/components/companies/applications-list";
import { PageHeader } from "@/components/layout/page-header";
import { MyCompaniesCard } from "@/components/workplace/my-companies-card";
import { RegionManagersCard } from "@/components/workplace/region-managers-card";
import { can } from "@/server/auth/permissions";
import { requirePermission } from "@/server/auth/session";

/** The manager's workplace: his companies with their figures, their users, and the applications to decide. */
export default async function WorkplacePage() {
  const session = await requirePermission("workplace.view");
  const t = await getTranslations("workplace");
  const role = session.user.role;
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumb") }, { label: t("title") }]} />
      <MyCompaniesCard />
      {can(role, "companies.applications") && (
        <div className="mb-6">
          <ApplicationsList />
        </div>
      )}
      {can(role, "companies.assign") && <RegionManagersCard />}
    </>
  );
}
