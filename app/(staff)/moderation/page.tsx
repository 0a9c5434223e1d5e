import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { ModerationQueue } from "@/components/supplier-products/moderation-queue";
import { requirePermission } from "@/server/auth/session";

/** The content moderators' queue. Products here; supplier news has its own tab at /moderation/news. */
export default async function ModerationPage() {
  await requirePermission("moderation.review");
  const t = await getTranslations("moderation");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: "B2B" }, { label: t("title") }]} />
      <nav className="mb-4 flex gap-2 border-b text-sm" aria-label={t("title")}>
        <span className="border-primary -mb-px border-b-2 px-3 py-2 font-medium">{t("tabs.products")}</span>
        <Link href="/moderation/news" className="text-muted-foreground hover:text-foreground px-3 py-2">
          {t("tabs.news")}
        </Link>
      </nav>
      <ModerationQueue />
    </>
  );
}
