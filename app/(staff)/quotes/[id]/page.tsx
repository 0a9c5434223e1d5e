import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageHeader } from "@/components/layout/page-header";
import { StaffQuoteEditor } from "@/components/quotes/staff-quote-editor";
import { requirePermission } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { isNotFound } from "@/server/domain/errors";
import { quoteDetails } from "@/server/domain/quotes/quotes";

/** One quote for the manager; another manager's quote answers 404. */
export default async function StaffQuotePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("quotes.manage");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const quote = await quoteDetails(await ensureDatabaseReady(), { kind: "staff", actor: { id: session.user.id, role: session.user.role } }, id).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  if (!quote) notFound();
  const t = await getTranslations("quotes");
  return (
    <>
      <PageHeader title={t("detailTitle", { number: quote.number })} crumbs={[{ label: t("crumbStaff") }, { label: t("title"), href: "/quotes" }, { label: quote.number }]} />
      <StaffQuoteEditor id={id} />
    </>
  );
}
