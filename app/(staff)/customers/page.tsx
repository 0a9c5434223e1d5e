import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CustomersList } from "@/components/customers/customers-list";
import { PageHeader } from "@/components/layout/page-header";
import { can } from "@/server/auth/permissions";
import { requirePermission } from "@/server/auth/session";

export default async function CustomersPage() {
  const session = await requirePermission("customers.view");
  const t = await getTranslations("customers");
  const role = session.user.role;
  return (
    <>
      <PageHeader title={t("title")} crumbs={[{ label: t("crumb") }, { label: t("title") }]} />
      <Suspense>
        <CustomersList canAssign={can(role, "customers.assign")} showManager={role !== "manager"} allowNoManager={role === "admin" || role === "director"} />
      </Suspense>
    </>
  );
}
