import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { NotificationMatrixAdmin, SmsLogCard } from "@/components/notifications/matrix-admin";
import { requirePermission } from "@/server/auth/session";

export default async function NotificationSettingsPage() {
  await requirePermission("notifications.manage");
  const t = await getTranslations("notifications");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumb") }, { label: t("title") }]} />
      <NotificationMatrixAdmin />
      <SmsLogCard />
    </>
  );
}
