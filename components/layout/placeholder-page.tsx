import type { LucideIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { Permission } from "@/server/auth/permissions";
import { requirePermission } from "@/server/auth/session";
import { EmptyState } from "./empty-state";
import { PageHeader } from "./page-header";

/**
 * A section whose capability has not been built yet: the page, menu entry and access rule are
 * real, the content says honestly that it is coming.
 */
export async function PlaceholderPage({ permission, section, icon }: { permission: Permission; section: string; icon: LucideIcon }) {
  await requirePermission(permission);
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t(`pages.${section}.title`)} crumbs={[{ label: t(`pages.${section}.crumb`) }, { label: t(`pages.${section}.title`) }]} />
      <EmptyState icon={icon} title={t(`pages.${section}.emptyTitle`)} description={t(`pages.${section}.emptyText`)} testId={`${section}-empty`} />
    </>
  );
}
