import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { BuyerNewsList } from "@/components/suppliers/buyer-news-list";
import { requirePermission } from "@/server/auth/session";

export default async function BuyerNewsPage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("suppliers");
  return (
    <>
      <PageHeader title={t("news.buyerTitle")} crumbs={[{ label: t("buyerCrumb"), href: "/b2b" }, { label: t("news.buyerTitle") }]} />
      <BuyerNewsList />
    </>
  );
}
