import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SuppliersReviewList } from "@/components/suppliers/suppliers-review-list";
import { requirePermission } from "@/server/auth/session";

export default async function SuppliersPage() {
  await requirePermission("suppliers.review");
  const t = await getTranslations("suppliers");
  return (
    <>
      <PageHeader title={t("review.title")} crumbs={[{ label: t("crumb") }, { label: t("nav.suppliers") }]} />
      <SuppliersReviewList />
    </>
  );
}
