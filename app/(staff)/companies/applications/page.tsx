import { getTranslations } from "next-intl/server";
import { ApplicationsList } from "@/components/companies/applications-list";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function ApplicationsPage() {
  await requirePermission("companies.applications");
  const t = await getTranslations("companies");
  return (
    <>
      <PageHeader title={t("applications.title")} crumbs={[{ label: t("crumb") }, { label: t("title"), href: "/companies" }, { label: t("nav.applications") }]} />
      <ApplicationsList />
    </>
  );
}
