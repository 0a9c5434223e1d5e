import { getTranslations } from "next-intl/server";
import { ClaimsList } from "@/components/claims/claims-list";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

/** The manager's queue of claims and returns: the companies in his scope only. */
export default async function StaffClaimsPage() {
  await requirePermission("claims.manage");
  const t = await getTranslations("claims");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumbStaff") }, { label: t("title") }]} />
      <ClaimsList staff />
    </>
  );
}
