"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { PaginationBar } from "@/components/ui/pagination-bar";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const STATUS_VARIANT = { sent: "success", queued: "info", retrying: "warning", failed: "destructive", skipped: "secondary" } as const;

function MessageDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useTranslations("mail");
  const trpc = useTRPC();
  const message = useQuery(trpc.emails.message.queryOptions({ id }));
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{message.data?.subject ?? "…"}</DialogTitle>
          <DialogDescription>
            {message.data ? t("toFrom", { to: message.data.toAddress, from: message.data.fromAddress }) : ""}
          </DialogDescription>
        </DialogHeader>
        {message.data ? (
          <iframe title={message.data.subject} srcDoc={message.data.html} sandbox="" className="h-[560px] w-full rounded-md border bg-white" data-testid="mail-body" />
        ) : (
          <Skeleton className="h-[560px] w-full" />
        )}
      </DialogContent>
    </Dialog>
  );
}

/** Every customer e-mail with its delivery status; with no mail server configured, the mailbox itself. */
export function MailLog() {
  const t = useTranslations("mail");
  const format = useFormatter();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const log = useQuery({ ...trpc.emails.log.queryOptions({ search: search || undefined, page, pageSize: 25 }), placeholderData: keepPreviousData, refetchInterval: 5000 });
  return (
    <Card>
      <CardHeader className="border-b">
        <CardTitle>{t("listTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 pt-4">
        <div className="relative max-w-md">
          <Search className="text-muted-foreground absolute top-2.5 left-3 size-4" />
          <Input className="pl-9" placeholder={t("search")} value={search} onChange={(e) => { setSearch(e.target.value); setPage(1); }} data-testid="mail-search" />
        </div>
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="mail-table">
            <TableHeader className="bg-muted/50">
              <TableRow>
                <TableHead>{t("date")}</TableHead>
                <TableHead>{t("order")}</TableHead>
                <TableHead>{t("to")}</TableHead>
                <TableHead>{t("subject")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead>{t("transport")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {log.isPending && (
                <TableRow>
                  <TableCell colSpan={6}>
                    <Skeleton className="h-6 w-full" />
                  </TableCell>
                </TableRow>
              )}
              {log.data?.rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6} className="text-muted-foreground py-10 text-center">
                    {t("none")}
                  </TableCell>
                </TableRow>
              )}
              {log.data?.rows.map((m) => (
                <TableRow key={m.id} className="cursor-pointer" onClick={() => setOpen(m.id)} data-testid="mail-row">
                  <TableCell className="text-sm whitespace-nowrap">{format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}</TableCell>
                  <TableCell className="font-mono text-xs">{m.shopOrderId}</TableCell>
                  <TableCell className="text-sm">{m.toAddress}</TableCell>
                  <TableCell className="max-w-80 truncate text-sm">
                    {m.subject}
                    {m.error && <div className="text-destructive truncate text-xs">{m.error}</div>}
                  </TableCell>
                  <TableCell>
                    <Badge variant={STATUS_VARIANT[m.status]}>{t(`statuses.${m.status}`)}</Badge>
                    {m.attempts > 1 && <span className="text-muted-foreground ml-1 text-xs">×{m.attempts}</span>}
                  </TableCell>
                  <TableCell className="text-muted-foreground text-xs">{m.transport}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        {log.data && (
          <PaginationBar
            page={log.data.page}
            pageSize={log.data.pageSize}
            total={log.data.total}
            onPageChange={setPage}
            labels={{ previous: t("previous"), next: t("next"), summary: t("shownOf", { shown: log.data.rows.length, total: log.data.total }) }}
          />
        )}
      </CardContent>
      {open !== null && <MessageDialog id={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
