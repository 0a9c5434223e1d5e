import { getTranslations } from "next-intl/server";
import { EmailTemplatesEditor } from "@/components/admin/email-templates-editor";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function EmailTemplatesPage() {
  await requirePermission("emails.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("emails.title")} crumbs={[{ label: t("nav.section.admin") }, { label: t("emails.title") }]} />
      <EmailTemplatesEditor />
    </>
  );
}
