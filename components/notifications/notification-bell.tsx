"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";

/** How often the bell asks for news: polling is enough for a back office (no socket to keep). */
const POLL_MS = 30_000;

/** The topbar bell: unread count, the latest notifications, mark one or all read, follow the link. */
export function NotificationBell() {
  const t = useTranslations("notifications.bell");
  const locale = useLocale() === "ru" ? "ru" : "en";
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const bell = useQuery({ ...trpc.notifications.bell.queryOptions(), refetchInterval: POLL_MS });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.bell.queryKey() });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refresh }));
  const unread = bell.data?.unread ?? 0;
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="icon" className="relative" aria-label={t("label")} data-testid="notification-bell">
          <Bell className="size-5" />
          {unread > 0 && (
            <span className="bg-destructive absolute -top-0.5 -right-0.5 min-w-4 rounded-full px-1 text-[10px] leading-4 font-semibold text-white" data-testid="bell-count">
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-0" data-testid="bell-panel">
        <div className="flex items-center justify-between border-b px-4 py-3">
          <span className="text-sm font-semibold">{t("label")}</span>
          {unread > 0 && (
            <Button variant="link" size="sm" className="h-auto p-0 text-xs" onClick={() => markAll.mutate()} data-testid="bell-mark-all">
              {t("markAll")}
            </Button>
          )}
        </div>
        <ul className="max-h-96 overflow-y-auto">
          {bell.data?.recent.length === 0 && <li className="text-muted-foreground px-4 py-6 text-center text-sm">{t("empty")}</li>}
          {bell.data?.recent.map((n) => {
            const body = n.body?.[locale];
            const content = (
              <>
                <div className={cn("text-sm", !n.readAt && "font-semibold")}>{n.title[locale]}</div>
                {body && <div className="text-muted-foreground line-clamp-2 text-xs">{body}</div>}
                <div className="text-muted-foreground mt-1 text-[11px]">{format.relativeTime(new Date(n.createdAt))}</div>
              </>
            );
            return (
              <li key={n.id} className={cn("border-b px-4 py-3 last:border-b-0", !n.readAt && "bg-primary/5")} data-testid="bell-item">
                <div className="flex items-start gap-2">
                  <div className="min-w-0 flex-1">
                    {n.link ? (
                      <Link
                        href={n.link}
                        className="block hover:underline"
                        onClick={() => {
                          if (!n.readAt) markRead.mutate({ id: n.id });
                          setOpen(false);
                        }}
                      >
                        {content}
                      </Link>
                    ) : (
                      content
                    )}
                  </div>
                  {!n.readAt && (
                    <Button variant="ghost" size="sm" className="h-auto px-1 py-0 text-[11px]" onClick={() => markRead.mutate({ id: n.id })} data-testid="bell-mark-read">
                      {t("markRead")}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </PopoverContent>
    </Popover>
  );
}
