import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { WebhooksAdmin } from "@/components/webhooks/webhooks-admin";
import { requirePermission } from "@/server/auth/session";

export default async function WebhooksPage() {
  await requirePermission("webhooks.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("webhooks.title")} crumbs={[{ label: t("nav.section.admin") }, { label: t("webhooks.title") }]} />
      <WebhooksAdmin />
    </>
  );
}
