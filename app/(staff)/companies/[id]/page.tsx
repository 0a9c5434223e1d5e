import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CompanyCard } from "@/components/companies/company-card";
import { PageHeader } from "@/components/layout/page-header";
import { LogInAsCard } from "@/components/impersonation/log-in-as-card";
import { can } from "@/server/auth/permissions";
import { impersonationCandidates } from "@/server/domain/impersonation/impersonation";
import { requirePermission } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { getCompany } from "@/server/domain/companies/companies";
import { DomainError } from "@/server/domain/errors";

/** One company: 404 when it is not one this user may see (another manager's company included). */
export default async function CompanyPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("companies.view");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await ensureDatabaseReady();
  const company = await getCompany(db, { id: session.user.id, role: session.user.role }, id).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!company) notFound();
  const t = await getTranslations("companies");
  const actor = { id: session.user.id, role: session.user.role };
  const buyers = can(session.user.role, "clients.impersonate") ? await impersonationCandidates(db, actor, id) : null;
  return (
    <>
      <PageHeader title={company.name} crumbs={[{ label: t("crumb") }, { label: t("title"), href: "/companies" }, { label: company.name }]} />
      <CompanyCard initial={company} />
      {buyers ? <LogInAsCard companyId={id} buyers={buyers} /> : null}
    </>
  );
}
