"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, KeyRound } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const ENDPOINTS = [
  { path: "/api/v1/catalog/sections", key: "sections" },
  { path: "/api/v1/catalog/properties", key: "properties" },
  { path: "/api/v1/catalog/products", key: "products" },
  { path: "/api/v1/catalog/products/{sku}", key: "product" },
  { path: "/api/v1/openapi.json", key: "openapi" },
] as const;

/** The buyer's API key (issue, reset, revoke; the key itself shown once) and how to call the API. */
export function ApiKeyPanel() {
  const t = useTranslations("catalogApi");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.buyerAccount.apiKey.queryOptions());
  const [fresh, setFresh] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.buyerAccount.apiKey.queryKey() });
  const issue = useMutation(
    trpc.buyerAccount.issueApiKey.mutationOptions({
      onSuccess: async (result) => {
        setFresh(result.key);
        toast.success(t("endedSessions", { count: result.endedSessions }));
        await refresh();
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  const revoke = useMutation(
    trpc.buyerAccount.revokeApiKey.mutationOptions({
      onSuccess: async () => {
        setFresh(null);
        toast.success(t("revoked"));
        await refresh();
      },
    }),
  );
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const when = (date: Date | null) => (date ? format.dateTime(new Date(date), { dateStyle: "medium", timeStyle: "short" }) : t("never"));

  return (
    <div className="grid gap-6 xl:grid-cols-[420px_minmax(0,1fr)]">
      <Card data-testid="api-key-card">
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <KeyRound className="size-4" /> {t("keyTitle")}
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-muted-foreground text-sm">{t("intro")}</p>
          {current.isPending ? (
            <Skeleton className="h-24 w-full" />
          ) : current.data ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-muted-foreground">{t("prefix")}</dt>
              <dd className="font-mono" data-testid="api-key-prefix">
                {current.data.prefix}…{" "}
                <Badge variant={current.data.expired ? "destructive" : "secondary"}>{current.data.expired ? t("expired") : t("active")}</Badge>
              </dd>
              <dt className="text-muted-foreground">{t("created")}</dt>
              <dd>{when(current.data.createdAt)}</dd>
              <dt className="text-muted-foreground">{t("expires")}</dt>
              <dd>{when(current.data.expiresAt)}</dd>
              <dt className="text-muted-foreground">{t("lastUsed")}</dt>
              <dd>{when(current.data.lastUsedAt)}</dd>
            </dl>
          ) : (
            <p className="text-sm">{t("noKey")}</p>
          )}
          {fresh && (
            <div className="rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950/40">
              <p className="text-sm font-medium">{t("newKeyTitle")}</p>
              <p className="text-muted-foreground mb-2 text-xs">{t("newKeyHint")}</p>
              <div className="flex items-center gap-2">
                <code className="bg-background min-w-0 flex-1 truncate rounded border px-2 py-1 text-xs" data-testid="api-key-fresh">
                  {fresh}
                </code>
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() => {
                    void navigator.clipboard?.writeText(fresh);
                    toast.success(t("copied"));
                  }}
                >
                  <Copy className="size-3.5" /> {t("copy")}
                </Button>
              </div>
            </div>
          )}
          <div className="flex gap-2">
            <Button
              onClick={() => {
                if (current.data && !window.confirm(t("resetConfirm"))) return;
                issue.mutate();
              }}
              disabled={issue.isPending}
              data-testid="api-key-issue"
            >
              {current.data ? t("reset") : t("issue")}
            </Button>
            {current.data && (
              <Button variant="outline" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
                {t("revoke")}
              </Button>
            )}
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("docsTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-sm">{t("docsAuth")}</p>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("endpoint")}</TableHead>
                <TableHead>{t("what")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ENDPOINTS.map((e) => (
                <TableRow key={e.path}>
                  <TableCell className="font-mono text-xs whitespace-nowrap">GET {e.path}</TableCell>
                  <TableCell className="text-sm whitespace-normal">{e.key === "openapi" ? <a className="text-primary underline" href={e.path}>{t(e.key)}</a> : t(e.key)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div>
            <p className="mb-1 text-sm font-medium">{t("example")}</p>
            <pre className="bg-muted overflow-x-auto rounded p-3 text-xs">{`curl -H "Authorization: Bearer ${fresh ?? "b2bk_…"}" \\\n  "${origin}/api/v1/catalog/products?limit=50"`}</pre>
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
