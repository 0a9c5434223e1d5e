import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { NewClaimForm } from "@/components/claims/new-claim-form";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function NewClaimPage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("claims");
  return (
    <>
      <PageHeader title={t("newTitle")} crumbs={[{ label: t("crumbBuyer") }, { label: t("title"), href: "/b2b/claims" }, { label: t("newTitle") }]} />
      <Suspense>
        <NewClaimForm />
      </Suspense>
    </>
  );
}
