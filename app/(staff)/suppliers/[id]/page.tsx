import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/layout/page-header";
import { SupplierReviewDetail } from "@/components/suppliers/supplier-review-detail";
import { requirePermission } from "@/server/auth/session";

export default async function SupplierReviewPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("suppliers.review");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const t = await getTranslations("suppliers");
  return (
    <>
      <PageHeader title={t("review.detailTitle")} crumbs={[{ label: t("crumb") }, { label: t("nav.suppliers"), href: "/suppliers" }, { label: t("review.detailTitle") }]} />
      <SupplierReviewDetail id={id} />
    </>
  );
}
