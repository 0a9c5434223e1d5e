"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { NavSection } from "@/server/auth/navigation";
import { NAV_ICONS } from "./nav-icons";

export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function Sidebar({ sections, collapsed, onNavigate }: { sections: NavSection[]; collapsed: boolean; onNavigate?: () => void }) {
  const t = useTranslations();
  const pathname = usePathname();
  // The longest matching item wins, so /b2b/company does not also light up /b2b.
  const activeHref = sections
    .flatMap((s) => s.items.map((i) => i.href))
    .filter((href) => isActivePath(pathname, href))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label={t("nav.main")} className="flex h-full flex-col">
      <Link
        href="/"
        className={cn("flex h-16 shrink-0 items-center gap-2 px-5 text-lg font-bold tracking-tight text-white", collapsed && "justify-center px-0")}
      >
        <span className="bg-primary grid size-8 place-items-center rounded-md text-sm">T3</span>
        {!collapsed && <span>CRM</span>}
      </Link>
      <div className="flex-1 overflow-y-auto px-3 pb-6" data-testid="sidebar-menu">
        {sections.map((section) => (
          <div key={section.titleKey} className="mt-4">
            {!collapsed && (
              <div className="text-sidebar-muted px-3 pb-2 text-[11px] font-semibold tracking-wider uppercase">{t(section.titleKey)}</div>
            )}
            <ul className="space-y-0.5">
              {section.items.map((item) => {
                const Icon = NAV_ICONS[item.icon];
                const active = item.href === activeHref;
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      onClick={onNavigate}
                      title={collapsed ? t(item.labelKey) : undefined}
                      data-testid={`nav-${item.href.replaceAll("/", "-").slice(1)}`}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "text-sidebar-foreground hover:text-sidebar-active flex items-center gap-3 rounded-md px-3 py-2 text-sm transition-colors",
                        active && "bg-sidebar-accent text-sidebar-active",
                        collapsed && "justify-center px-0",
                      )}
                    >
                      <Icon className="size-[18px] shrink-0" />
                      {!collapsed && <span className="truncate">{t(item.labelKey)}</span>}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
