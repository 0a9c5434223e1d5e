import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { NewsModerationList } from "@/components/suppliers/news-moderation-list";
import { requirePermission } from "@/server/auth/session";

export default async function NewsModerationPage() {
  await requirePermission("moderation.review");
  const t = await getTranslations("suppliers");
  return (
    <>
      <PageHeader title={t("moderation.title")} crumbs={[{ label: t("crumb") }, { label: t("moderation.crumb"), href: "/moderation" }, { label: t("moderation.title") }]} />
      <NewsModerationList />
    </>
  );
}
