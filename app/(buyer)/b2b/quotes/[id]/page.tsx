import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageHeader } from "@/components/layout/page-header";
import { BuyerQuoteDetails } from "@/components/quotes/buyer-quote-details";
import { requirePermission } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { isNotFound } from "@/server/domain/errors";
import { quoteDetails } from "@/server/domain/quotes/quotes";

/** One of the buyer's companies' quotes; any other answers 404. */
export default async function BuyerQuotePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("buyer.cabinet");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const quote = await quoteDetails(await ensureDatabaseReady(), { kind: "buyer", userId: session.user.id }, id).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  if (!quote) notFound();
  const t = await getTranslations("quotes");
  return (
    <>
      <PageHeader title={t("detailTitle", { number: quote.number })} crumbs={[{ label: t("crumbBuyer") }, { label: t("title"), href: "/b2b/quotes" }, { label: quote.number }]} />
      <BuyerQuoteDetails id={id} />
    </>
  );
}
