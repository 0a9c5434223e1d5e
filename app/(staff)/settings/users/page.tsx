import { getTranslations } from "next-intl/server";
import { UsersAdmin } from "@/components/admin/users-admin";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function UsersPage() {
  const session = await requirePermission("users.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("users.title")} crumbs={[{ label: t("nav.section.admin") }, { label: t("users.title") }]} />
      <UsersAdmin currentUserId={session.user.id} />
    </>
  );
}
