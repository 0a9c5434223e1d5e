import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SupplierMembersCard } from "@/components/suppliers/supplier-members-card";
import { SupplierProfileView } from "@/components/suppliers/supplier-profile-form";
import { requirePermission } from "@/server/auth/session";

export default async function SupplierProfilePage() {
  await requirePermission("supplier.cabinet");
  const t = await getTranslations("suppliers");
  return (
    <>
      <PageHeader title={t("profile.title")} crumbs={[{ label: t("cabinetCrumb"), href: "/supplier" }, { label: t("profile.title") }]} />
      <div className="grid gap-6">
        <SupplierProfileView />
        <SupplierMembersCard />
      </div>
    </>
  );
}
