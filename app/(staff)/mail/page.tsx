import { getTranslations } from "next-intl/server";
import { MailLog } from "@/components/admin/mail-log";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function MailPage() {
  await requirePermission("mail.view");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("mail.title")} crumbs={[{ label: t("nav.section.crm") }, { label: t("mail.title") }]} />
      <MailLog />
    </>
  );
}
