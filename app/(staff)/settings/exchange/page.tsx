import { getTranslations } from "next-intl/server";
import { ExchangeSettings } from "@/components/exchange/exchange-settings";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function ExchangePage() {
  await requirePermission("exchange.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("exchange.title")} crumbs={[{ label: t("nav.section.admin") }, { label: t("exchange.title") }]} />
      <ExchangeSettings endpoint="/api/1c/exchange" />
    </>
  );
}
