import type { ReactNode } from "react";
import { CompanySwitcher } from "@/components/companies/company-switcher";
import { SessionShell } from "@/components/layout/session-shell";
import { requireArea } from "@/server/auth/area-guard";

export default async function BuyerLayout({ children }: { children: ReactNode }) {
  const session = await requireArea("buyer");
  return (
    <SessionShell session={session} area="buyer" topbarExtra={<CompanySwitcher />}>
      {children}
    </SessionShell>
  );
}
