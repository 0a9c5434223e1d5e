import { getTranslations } from "next-intl/server";
import { ClaimsList } from "@/components/claims/claims-list";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function BuyerClaimsPage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("claims");
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumbBuyer") }, { label: t("title") }]} />
      <ClaimsList />
    </>
  );
}
