import { getTranslations } from "next-intl/server";
import { BuyerCompanyView } from "@/components/companies/buyer-company-view";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function BuyerCompanyPage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("companies.buyer");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumb"), href: "/b2b" }, { label: t("title") }]} />
      <BuyerCompanyView />
    </>
  );
}
