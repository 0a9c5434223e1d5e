import { getTranslations } from "next-intl/server";
import { ShippersAdmin } from "@/components/fulfilment/shippers-admin";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function ShippersPage() {
  await requirePermission("shippers.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("fulfilment.shippers.title")} crumbs={[{ label: t("nav.section.admin") }, { label: t("fulfilment.shippers.title") }]} />
      <ShippersAdmin />
    </>
  );
}
