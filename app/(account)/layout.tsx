import type { ReactNode } from "react";
import { SessionShell } from "@/components/layout/session-shell";
import { requireSession } from "@/server/auth/session";

/** Any logged-in user manages their own account here, in their own shell. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  return <SessionShell session={session}>{children}</SessionShell>;
}
