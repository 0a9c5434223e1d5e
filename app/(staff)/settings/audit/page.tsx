import { getTranslations } from "next-intl/server";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function AuditPage() {
  await requirePermission("audit.view");
  const t = await getTranslations("audit");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumb") }, { label: t("title") }]} />
      <AuditLogView />
    </>
  );
}
