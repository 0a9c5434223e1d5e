import type { ReactNode } from "react";
import { SessionShell } from "@/components/layout/session-shell";
import { requireArea } from "@/server/auth/area-guard";

export default async function SupplierLayout({ children }: { children: ReactNode }) {
  const session = await requireArea("supplier");
  return <SessionShell session={session} area="supplier">{children}</SessionShell>;
}
