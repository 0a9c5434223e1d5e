import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { BalanceView } from "@/components/ordering/balance-view";
import { requirePermission } from "@/server/auth/session";

export default async function BalancePage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("ordering");
  return (
    <>
      <PageHeader title={t("balance.title")} crumbs={[{ label: t("crumb") }, { label: t("balance.title") }]} />
      <BalanceView />
    </>
  );
}
