"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { BrowserPushToggle } from "./browser-push-toggle";
import { CHANNELS, eventMessageKey } from "@/server/domain/notifications/matrix";

/** Every user's own notification choices (profile): one checkbox per event and channel; mandatory cells are locked. */
export function MyNotificationsCard({ impersonating = false }: { impersonating?: boolean }) {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery(trpc.notifications.myPrefs.queryOptions());
  const save = useMutation(
    trpc.notifications.setMyPref.mutationOptions({
      onSuccess: async () => {
        toast.success(t("saved"));
        await queryClient.invalidateQueries({ queryKey: trpc.notifications.myPrefs.queryKey() });
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <Card className="xl:col-span-2">
      <CardHeader className="border-b">
        <CardTitle>{t("myTitle")}</CardTitle>
        <CardDescription>{t("myHint")}</CardDescription>
      </CardHeader>
      <CardContent className="pt-4">
        <BrowserPushToggle impersonating={impersonating} />
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="my-notifications">
            <TableHeader>
              <TableRow>
                <TableHead>{t("event")}</TableHead>
                {CHANNELS.map((c) => (
                  <TableHead key={c} className="text-center">
                    {t(`channel.${c}`)}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {prefs.data?.events.map((row) => (
                <TableRow key={row.event}>
                  <TableCell className="font-medium">{t(`events.${eventMessageKey(row.event)}`)}</TableCell>
                  {row.cells.map((cell) => (
                    <TableCell key={cell.channel} className="text-center">
                      <div className="inline-flex flex-col items-center">
                        <Checkbox
                          checked={cell.enabled}
                          disabled={cell.locked}
                          aria-label={`${row.event} ${cell.channel}`}
                          data-testid={`pref-${eventMessageKey(row.event)}-${cell.channel}`}
                          onCheckedChange={(v) => save.mutate({ event: row.event, channel: cell.channel, enabled: v === true })}
                        />
                        {cell.locked && <span className="text-muted-foreground text-[10px]">{t("mandatory")}</span>}
                      </div>
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </CardContent>
    </Card>
  );
}
