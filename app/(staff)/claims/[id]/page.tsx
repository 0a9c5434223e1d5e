import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ClaimDetails } from "@/components/claims/claim-details";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { claimDetails } from "@/server/domain/claims/claims";
import { isNotFound } from "@/server/domain/errors";

/** One claim for the manager; another manager's claim answers 404. */
export default async function StaffClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("claims.manage");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const claim = await claimDetails(await ensureDatabaseReady(), { kind: "staff", actor: { id: session.user.id, role: session.user.role } }, id).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  if (!claim) notFound();
  const t = await getTranslations("claims");
  return (
    <>
      <PageHeader title={t("detailTitle", { number: claim.number })} crumbs={[{ label: t("crumbStaff") }, { label: t("title"), href: "/claims" }, { label: claim.number }]} />
      <ClaimDetails id={id} staff />
    </>
  );
}
