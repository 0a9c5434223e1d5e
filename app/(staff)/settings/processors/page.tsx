import { getTranslations } from "next-intl/server";
import { ProcessorsAdmin } from "@/components/admin/processors/processors-admin";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function ProcessorsPage() {
  await requirePermission("processors.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("processors.title")} crumbs={[{ label: t("nav.section.admin") }, { label: t("processors.title") }]} />
      <ProcessorsAdmin />
    </>
  );
}
