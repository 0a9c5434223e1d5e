import type { ReactNode } from "react";
import { CompanySwitcher } from "@/components/companies/company-switcher";
import { ImpersonationBanner } from "@/components/impersonation/impersonation-banner";
import { SessionShell } from "@/components/layout/session-shell";
import { requireArea } from "@/server/auth/area-guard";

export default async function BuyerLayout({ children }: { children: ReactNode }) {
  const session = await requireArea("buyer");
  const impersonator = session.impersonator;
  return (
    <SessionShell session={session} area="buyer" topbarExtra={<CompanySwitcher />}>
      {impersonator ? <ImpersonationBanner buyerName={session.user.name} companyName={impersonator.companyName} staffName={impersonator.name} /> : null}
      {children}
    </SessionShell>
  );
}
