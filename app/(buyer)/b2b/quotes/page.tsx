import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { QuotesList } from "@/components/quotes/quotes-list";
import { requirePermission } from "@/server/auth/session";

export default async function BuyerQuotesPage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("quotes");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumbBuyer") }, { label: t("title") }]} />
      <QuotesList />
    </>
  );
}
