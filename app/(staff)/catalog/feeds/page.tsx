import { getTranslations } from "next-intl/server";
import { FeedsAdmin } from "@/components/feeds/feeds-admin";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function FeedsPage() {
  await requirePermission("feeds.manage");
  const t = await getTranslations("feeds");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("title") }]} />
      <FeedsAdmin />
    </>
  );
}
