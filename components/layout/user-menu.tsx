"use client";
import { ArrowLeftRight, KeyRound, LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { Role } from "@/server/auth/roles";

export interface ShellUser {
  name: string;
  role: Role;
  email: string | null;
  /** The other cabinet this user may open (a buyer who also supplies). */
  switchTo?: { href: string; labelKey: string };
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
}

export function UserMenu({ user }: { user: ShellUser }) {
  const t = useTranslations();
  async function logOut() {
    // redirect:false because next-auth would send us to NEXTAUTH_URL's host, not necessarily this one.
    await signOut({ redirect: false });
    // A full load, not a client navigation: nothing cached for this user may survive logout.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/login");
  }
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="h-auto gap-2 px-2 py-1.5" data-testid="user-menu">
          <Avatar className="size-8">
            <AvatarFallback className="bg-primary/15 text-primary text-xs font-semibold">{initials(user.name)}</AvatarFallback>
          </Avatar>
          <span className="hidden text-left leading-tight md:block">
            <span className="block text-sm font-medium">{user.name}</span>
            <span className="text-muted-foreground block text-xs" data-testid="user-role">
              {t(`roles.${user.role}`)}
            </span>
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel className="font-normal">
          <div className="text-sm font-medium">{user.name}</div>
          {user.email && <div className="text-muted-foreground truncate text-xs">{user.email}</div>}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {user.switchTo && (
          <DropdownMenuItem asChild>
            <Link href={user.switchTo.href} data-testid="switch-cabinet">
              <ArrowLeftRight className="size-4" />
              {t(user.switchTo.labelKey)}
            </Link>
          </DropdownMenuItem>
        )}
        <DropdownMenuItem asChild>
          <Link href="/account">
            <KeyRound className="size-4" />
            {t("topbar.account")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={logOut} data-testid="logout">
          <LogOut className="size-4" />
          {t("topbar.logout")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
