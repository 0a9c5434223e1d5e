import type { ReactNode } from "react";
import { navigationFor } from "@/server/auth/navigation";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { AppShell } from "./app-shell";

/** The shell for whoever is logged in: their role decides the menu. */
export function SessionShell({ session, topbarExtra, children }: { session: ActiveSession; topbarExtra?: ReactNode; children: ReactNode }) {
  const { user } = session;
  return (
    <AppShell user={{ name: user.name, role: user.role, email: user.email }} sections={navigationFor(user.role)} topbarExtra={topbarExtra}>
      {children}
    </AppShell>
  );
}
