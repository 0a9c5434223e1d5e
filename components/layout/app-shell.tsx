"use client";
import { Menu, PanelLeftClose, PanelLeftOpen } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { NavSection } from "@/server/auth/navigation";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { LocaleSwitch } from "./locale-switch";
import { Sidebar } from "./sidebar";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu, type ShellUser } from "./user-menu";

const COLLAPSE_KEY = "t3.sidebar.collapsed";

/** Velzon-style frame: dark sidebar (collapsible to icons, a drawer on phones) and a topbar. */
export function AppShell({ user, sections, topbarExtra, children }: { user: ShellUser; sections: NavSection[]; topbarExtra?: ReactNode; children: ReactNode }) {
  const t = useTranslations("topbar");
  const [collapsed, setCollapsed] = useState(false);
  const [mobileOpen, setMobileOpen] = useState(false);

  useEffect(() => {
    // Restoring a saved preference after hydration; the first paint uses the default.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCollapsed(window.localStorage.getItem(COLLAPSE_KEY) === "1");
  }, []);

  function toggleCollapsed() {
    setCollapsed((value) => {
      window.localStorage.setItem(COLLAPSE_KEY, value ? "0" : "1");
      return !value;
    });
  }

  return (
    <div className="min-h-screen">
      <aside
        data-testid="sidebar"
        className={cn(
          "bg-sidebar fixed inset-y-0 left-0 z-40 hidden transition-[width] duration-200 lg:block",
          collapsed ? "w-[70px]" : "w-[250px]",
        )}
      >
        <Sidebar sections={sections} collapsed={collapsed} />
      </aside>

      {mobileOpen && (
        <div className="fixed inset-0 z-50 lg:hidden">
          <button type="button" aria-label={t("closeMenu")} className="absolute inset-0 bg-black/50" onClick={() => setMobileOpen(false)} />
          <aside className="bg-sidebar absolute inset-y-0 left-0 w-[250px] shadow-xl" data-testid="mobile-sidebar">
            <Sidebar sections={sections} collapsed={false} onNavigate={() => setMobileOpen(false)} />
          </aside>
        </div>
      )}

      <div className={cn("flex min-h-screen flex-col transition-[padding] duration-200", collapsed ? "lg:pl-[70px]" : "lg:pl-[250px]")}>
        <header className="bg-card shadow-card sticky top-0 z-30 flex h-16 items-center gap-2 px-3 md:px-6">
          <Button variant="ghost" size="icon" className="lg:hidden" aria-label={t("openMenu")} onClick={() => setMobileOpen(true)}>
            <Menu className="size-5" />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="hidden lg:inline-flex"
            aria-label={t("collapseMenu")}
            data-testid="collapse-sidebar"
            onClick={toggleCollapsed}
          >
            {collapsed ? <PanelLeftOpen className="size-5" /> : <PanelLeftClose className="size-5" />}
          </Button>
          <div className="flex-1" />
          {topbarExtra}
          <NotificationBell />
          <LocaleSwitch />
          <ThemeToggle />
          <UserMenu user={user} />
        </header>
        <main className="flex-1 p-4 md:p-6">{children}</main>
        <footer className="text-muted-foreground px-6 py-4 text-xs">© {new Date().getFullYear()} T3 CRM</footer>
      </div>
    </div>
  );
}
