"use client";
import { useQuery } from "@tanstack/react-query";
import { ChevronDown, ChevronRight } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Fragment, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PaginationBar } from "@/components/ui/pagination-bar";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const EMPTY = { actor: "", action: "", target: "", from: "", to: "", q: "" };
type Filters = typeof EMPTY;
const PAGE_SIZE = 50;

function Json({ value }: { value: unknown }) {
  return <pre className="bg-muted/50 max-h-64 overflow-auto rounded p-2 text-[11px] leading-4 whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>;
}

/** Details split into before/after when the entry carries them; the rest shown as it is. */
function Details({ details }: { details: Record<string, unknown> }) {
  const t = useTranslations("audit");
  const { before, after, ...rest } = details;
  return (
    <div className="grid gap-3 md:grid-cols-3">
      {before !== undefined && (
        <div>
          <div className="mb-1 text-xs font-semibold">{t("before")}</div>
          <Json value={before} />
        </div>
      )}
      {after !== undefined && (
        <div>
          <div className="mb-1 text-xs font-semibold">{t("after")}</div>
          <Json value={after} />
        </div>
      )}
      {Object.keys(rest).length > 0 && (
        <div>
          <div className="mb-1 text-xs font-semibold">{t("col.details")}</div>
          <Json value={rest} />
        </div>
      )}
    </div>
  );
}

/** The audit log with filters (who, action, target, dates, text in details), pages and expandable details. */
export function AuditLogView() {
  const t = useTranslations("audit");
  const format = useFormatter();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery(trpc.audit.search.queryOptions({ ...filters, page, pageSize: PAGE_SIZE }));
  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
    setPage(1);
  };
  const field = (key: keyof Filters, type = "text") => (
    <div className="grid gap-1">
      <Label htmlFor={`audit-${key}`}>{t(key)}</Label>
      <Input id={`audit-${key}`} type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} className={type === "date" ? "w-40" : "w-44"} />
    </div>
  );
  return (
    <Card>
      <CardHeader className="border-b">
        <CardTitle>{t("title")}</CardTitle>
        <form onSubmit={search} className="mt-3 flex flex-wrap items-end gap-3" data-testid="audit-filters">
          {field("actor")}
          {field("action")}
          {field("target")}
          {field("from", "date")}
          {field("to", "date")}
          {field("q")}
          <Button type="submit" data-testid="audit-search">
            {t("search")}
          </Button>
          <Button
            type="button"
            variant="outline"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
              setPage(1);
            }}
          >
            {t("reset")}
          </Button>
        </form>
      </CardHeader>
      <CardContent className="pt-4">
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="audit-table" aria-busy={list.isFetching}>
            <TableHeader>
              <TableRow>
                <TableHead className="w-8" />
                <TableHead>{t("col.time")}</TableHead>
                <TableHead>{t("col.actor")}</TableHead>
                <TableHead>{t("col.action")}</TableHead>
                <TableHead>{t("col.target")}</TableHead>
                <TableHead>{t("col.ip")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.isPending && (
                <TableRow>
                  <TableCell colSpan={6}>
                    <Skeleton className="h-24 w-full" />
                  </TableCell>
                </TableRow>
              )}
              {list.data?.rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6} className="text-muted-foreground py-8 text-center">
                    {t("empty")}
                  </TableCell>
                </TableRow>
              )}
              {list.data?.rows.map((r) => (
                <Fragment key={r.id}>
                  <TableRow className="cursor-pointer" onClick={() => setOpen(open === r.id ? null : r.id)} data-testid="audit-row">
                    <TableCell>{open === r.id ? <ChevronDown className="size-4" /> : <ChevronRight className="size-4" />}</TableCell>
                    <TableCell className="whitespace-nowrap">{format.dateTime(new Date(r.createdAt), { dateStyle: "short", timeStyle: "medium" })}</TableCell>
                    <TableCell>{r.actorName ?? <span className="text-muted-foreground">{t("system")}</span>}</TableCell>
                    <TableCell>
                      <Badge variant="outline" className="font-mono">
                        {r.action}
                      </Badge>
                    </TableCell>
                    <TableCell className="font-mono text-xs">
                      {r.targetType}
                      {r.targetId ? `:${r.targetId}` : ""}
                    </TableCell>
                    <TableCell className="text-muted-foreground text-xs">{r.ip ?? ""}</TableCell>
                  </TableRow>
                  {open === r.id && (
                    <TableRow>
                      <TableCell colSpan={6} className="bg-muted/20">
                        <Details details={r.details} />
                      </TableCell>
                    </TableRow>
                  )}
                </Fragment>
              ))}
            </TableBody>
          </Table>
        </div>
        {list.data && (
          <PaginationBar
            className="mt-4"
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPageChange={setPage}
            labels={{ previous: t("previous"), next: t("next"), summary: t("total", { count: list.data.total }) }}
          />
        )}
      </CardContent>
    </Card>
  );
}
