import type { ReactNode } from "react";
import { actingAs } from "@/server/auth/cabinet";
import { navigationFor, type NavSection } from "@/server/auth/navigation";
import type { UserKind } from "@/server/auth/roles";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { AppShell } from "./app-shell";

/**
 * The other cabinet this user may switch to (seed 004: quick links between B2B and the
 * marketplace): a buyer who is a member of an approved supplier, in either cabinet.
 */
function switchTarget(session: ActiveSession, area: UserKind | undefined) {
  const { user } = session;
  if (area === "buyer" && user.supplierCabinet) return { href: "/supplier", labelKey: "suppliers.switch.toSupplier" };
  if (area === "supplier" && user.kind === "buyer") return { href: "/b2b", labelKey: "suppliers.switch.toBuyer" };
  return undefined;
}

/** The shell for whoever is logged in: the role they act as in this area decides the menu. */
export function SessionShell({ session, area, topbarExtra, children }: { session: ActiveSession; area?: UserKind; topbarExtra?: ReactNode; children: ReactNode }) {
  const { user } = session;
  const role = area ? actingAs(user, area).role : user.role;
  const switchTo = switchTarget(session, area);
  const sections: NavSection[] = navigationFor(role);
  if (switchTo) {
    const permission = area === "buyer" ? "supplier.cabinet" : "buyer.cabinet";
    sections.push({ titleKey: "suppliers.switch.section", items: [{ href: switchTo.href, labelKey: switchTo.labelKey, icon: area === "buyer" ? "suppliers" : "cart", permission }] });
  }
  return (
    <AppShell user={{ name: user.name, role, email: user.email, switchTo }} sections={sections} topbarExtra={topbarExtra}>
      {children}
    </AppShell>
  );
}
