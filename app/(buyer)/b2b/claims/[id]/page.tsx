import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ClaimDetails } from "@/components/claims/claim-details";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { claimDetails } from "@/server/domain/claims/claims";
import { isNotFound } from "@/server/domain/errors";

/** One of the buyer's companies' claims; any other answers 404. */
export default async function BuyerClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("buyer.cabinet");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const claim = await claimDetails(await ensureDatabaseReady(), { kind: "buyer", userId: session.user.id }, id).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  if (!claim) notFound();
  const t = await getTranslations("claims");
  return (
    <>
      <PageHeader title={t("detailTitle", { number: claim.number })} crumbs={[{ label: t("crumbBuyer") }, { label: t("title"), href: "/b2b/claims" }, { label: claim.number }]} />
      <ClaimDetails id={id} />
    </>
  );
}
