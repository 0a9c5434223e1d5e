import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { QuotesList } from "@/components/quotes/quotes-list";
import { requirePermission } from "@/server/auth/session";

/** The manager's queue of quotes: the companies in his scope only (the query scopes them). */
export default async function StaffQuotesPage() {
  await requirePermission("quotes.manage");
  const t = await getTranslations("quotes");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumbStaff") }, { label: t("title") }]} />
      <QuotesList staff />
    </>
  );
}
