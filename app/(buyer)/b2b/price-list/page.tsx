import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { PriceListBuilder } from "@/components/price-list/price-list-builder";
import { requirePermission } from "@/server/auth/session";

export default async function PriceListPage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("priceList");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: "B2B", href: "/b2b" }, { label: t("title") }]} />
      <PriceListBuilder />
    </>
  );
}
