"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AUDIENCES, CHANNELS, eventMessageKey } from "@/server/domain/notifications/matrix";

/** The admin's event × audience × channel matrix: each checkbox is one default. */
export function NotificationMatrixAdmin() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const matrix = useQuery(trpc.notifications.matrix.queryOptions());
  const save = useMutation(
    trpc.notifications.setDefault.mutationOptions({
      onSuccess: async () => {
        toast.success(t("saved"));
        await queryClient.invalidateQueries({ queryKey: trpc.notifications.matrix.queryKey() });
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <Card className="mb-6">
      <CardHeader className="border-b">
        <CardTitle>{t("matrixTitle")}</CardTitle>
        <CardDescription>{t("matrixHint")}</CardDescription>
      </CardHeader>
      <CardContent className="pt-4">
        {matrix.isPending && <Skeleton className="h-64 w-full" />}
        {matrix.data && (
          <div className="overflow-x-auto rounded-md border">
            <Table data-testid="notification-matrix">
              <TableHeader>
                <TableRow>
                  <TableHead rowSpan={2}>{t("event")}</TableHead>
                  {AUDIENCES.map((a) => (
                    <TableHead key={a} colSpan={CHANNELS.length} className="border-l text-center">
                      {t(a)}
                    </TableHead>
                  ))}
                </TableRow>
                <TableRow>
                  {AUDIENCES.flatMap((a) =>
                    CHANNELS.map((c, i) => (
                      <TableHead key={`${a}-${c}`} className={i === 0 ? "border-l text-center text-xs" : "text-center text-xs"}>
                        {t(`channel.${c}`)}
                      </TableHead>
                    )),
                  )}
                </TableRow>
              </TableHeader>
              <TableBody>
                {matrix.data.map((row) => (
                  <TableRow key={row.event}>
                    <TableCell className="font-medium">{t(`events.${eventMessageKey(row.event)}`)}</TableCell>
                    {row.cells.map((cell, i) => (
                      <TableCell key={`${cell.audience}-${cell.channel}`} className={i % CHANNELS.length === 0 ? "border-l text-center" : "text-center"}>
                        <div className="inline-flex items-center gap-1">
                          <Checkbox
                            checked={cell.enabled}
                            aria-label={`${row.event} ${cell.audience} ${cell.channel}`}
                            data-testid={`default-${eventMessageKey(row.event)}-${cell.audience}-${cell.channel}`}
                            onCheckedChange={(v) => save.mutate({ event: row.event, audience: cell.audience, channel: cell.channel, enabled: v === true })}
                          />
                          {cell.seed && <span className="bg-primary size-1.5 rounded-full" title="seed" />}
                        </div>
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <p className="text-muted-foreground mt-3 text-xs">{t("pushNote")}</p>
      </CardContent>
    </Card>
  );
}

/** What the SMS provider was given (the stub's whole delivery). */
export function SmsLogCard() {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const trpc = useTRPC();
  const log = useQuery(trpc.notifications.smsLog.queryOptions({}));
  return (
    <Card>
      <CardHeader className="border-b">
        <CardTitle>{t("smsTitle")}</CardTitle>
        <CardDescription>{t("smsHint")}</CardDescription>
      </CardHeader>
      <CardContent className="pt-4">
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="sms-log">
            <TableHeader>
              <TableRow>
                <TableHead>{t("col.time")}</TableHead>
                <TableHead>{t("col.recipient")}</TableHead>
                <TableHead>{t("col.text")}</TableHead>
                <TableHead>{t("col.provider")}</TableHead>
                <TableHead>{t("col.status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {log.data?.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5} className="text-muted-foreground py-6 text-center">
                    {t("smsEmpty")}
                  </TableCell>
                </TableRow>
              )}
              {log.data?.map((m) => (
                <TableRow key={m.id}>
                  <TableCell className="whitespace-nowrap">{format.dateTime(new Date(m.createdAt), { dateStyle: "short", timeStyle: "short" })}</TableCell>
                  <TableCell>
                    <div>{m.userName ?? ""}</div>
                    <div className="text-muted-foreground text-xs">+{m.phone}</div>
                  </TableCell>
                  <TableCell className="max-w-md text-sm whitespace-pre-wrap">{m.text}</TableCell>
                  <TableCell>{m.provider}</TableCell>
                  <TableCell>
                    <Badge variant={m.status === "sent" ? "success" : m.status === "failed" ? "destructive" : "warning"}>{m.status}</Badge>
                    {m.error && <div className="text-destructive text-xs">{m.error}</div>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </CardContent>
    </Card>
  );
}
