"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, KeyRound, Pencil, Plus, Power } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PublicShipper } from "@/server/domain/fulfilment/shippers";
import { downloadBase64 } from "./download";
import { ShipperDialog } from "./shipper-dialog";
import { SecretOnceDialog } from "@/components/admin/secret-once-dialog";

/** Admin: shippers with their adapter, routing and SKU map; secrets shown once; the manual shipper's file. */
export function ShippersAdmin() {
  const t = useTranslations("fulfilment.shippers");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const shippers = useQuery(trpc.fulfilment.listShippers.queryOptions());
  const [editing, setEditing] = useState<PublicShipper | "new" | null>(null);
  const [secret, setSecret] = useState<{ title: string; secret: string; code: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.fulfilment.listShippers.queryKey() });
  const onError = (e: unknown) => toast.error(formErrorOf(e).message);
  const rotate = useMutation(trpc.fulfilment.rotateSecret.mutationOptions({ onError }));
  const toggle = useMutation(trpc.fulfilment.updateShipper.mutationOptions({ onSuccess: refresh, onError }));
  const manifest = useMutation(
    trpc.fulfilment.downloadManifest.mutationOptions({
      onSuccess: (file) => {
        if (file.count === 0) toast.info(t("manifestEmpty"));
        else downloadBase64(file);
      },
      onError,
    }),
  );
  const pushUrl = (code: string) => `${typeof window === "undefined" ? "" : window.location.origin}/api/shippers/${code}/tracking`;

  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between border-b">
        <div>
          <CardTitle>{t("listTitle")}</CardTitle>
          <p className="text-muted-foreground mt-1 text-sm">{t("intro")}</p>
        </div>
        <Button variant="success" onClick={() => setEditing("new")} data-testid="add-shipper">
          <Plus className="size-4" />
          {t("add")}
        </Button>
      </CardHeader>
      <CardContent className="pt-4">
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="shippers-table">
            <TableHeader className="bg-muted/50">
              <TableRow>
                <TableHead>{t("fields.name")}</TableHead>
                <TableHead>{t("fields.adapter")}</TableHead>
                <TableHead>{t("fields.routing")}</TableHead>
                <TableHead>{t("fields.skuMap")}</TableHead>
                <TableHead className="text-right">{t("fields.priority")}</TableHead>
                <TableHead>{t("fields.status")}</TableHead>
                <TableHead className="text-right">{tc("actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shippers.isPending && (
                <TableRow>
                  <TableCell colSpan={7}>
                    <Skeleton className="h-6 w-full" />
                  </TableCell>
                </TableRow>
              )}
              {shippers.data?.length === 0 && (
                <TableRow>
                  <TableCell colSpan={7} className="text-muted-foreground py-6 text-center">
                    {t("empty")}
                  </TableCell>
                </TableRow>
              )}
              {shippers.data?.map((s) => (
                <TableRow key={s.id} data-testid="shipper-row">
                  <TableCell>
                    <div className="font-medium">{s.name}</div>
                    <div className="text-muted-foreground font-mono text-xs">{s.code}</div>
                  </TableCell>
                  <TableCell>
                    <div>{t(`adapter.${s.adapter as "http_json" | "email" | "manual"}`)}</div>
                    <div className="text-muted-foreground max-w-56 truncate text-xs">{s.settings.url ?? s.settings.email ?? (s.settings.format ?? "csv").toUpperCase()}</div>
                  </TableCell>
                  <TableCell className="text-xs">
                    <div>{s.countries.length ? s.countries.join(", ") : t("anyCountry")}</div>
                    <div className="text-muted-foreground">{s.skus.length ? t("skuCount", { count: s.skus.length }) : t("anySku")}</div>
                  </TableCell>
                  <TableCell className="font-mono text-xs">
                    {s.skuMap.slice(0, 3).map((m) => (
                      <div key={m.sku}>
                        {m.sku} → {m.code}
                        {m.multiplier !== 1 ? ` ×${m.multiplier}` : ""}
                      </div>
                    ))}
                    {s.skuMap.length > 3 && <div className="text-muted-foreground">+{s.skuMap.length - 3}</div>}
                  </TableCell>
                  <TableCell className="text-right">{s.priority}</TableCell>
                  <TableCell>
                    <Badge variant={s.isEnabled ? "success" : "destructive"}>{s.isEnabled ? t("enabled") : t("disabled")}</Badge>
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-wrap justify-end gap-1">
                      <Button size="sm" variant="outline" onClick={() => setEditing(s)} data-testid="edit-shipper">
                        <Pencil className="size-4" />
                        {tc("edit")}
                      </Button>
                      <Button
                        size="sm"
                        variant="outline"
                        disabled={rotate.isPending}
                        onClick={() => rotate.mutate({ id: s.id }, { onSuccess: ({ secret: value }) => setSecret({ title: t("rotatedTitle", { name: s.name }), secret: value, code: s.code }) })}
                        data-testid="rotate-secret"
                      >
                        <KeyRound className="size-4" />
                        {t("rotate")}
                      </Button>
                      {s.adapter === "manual" && (
                        <Button
                          size="sm"
                          variant="outline"
                          disabled={manifest.isPending}
                          onClick={() => manifest.mutate({ id: s.id, format: s.settings.format === "xlsx" ? "xlsx" : "csv" })}
                          data-testid="download-manifest"
                        >
                          <Download className="size-4" />
                          {t("manifest")}
                        </Button>
                      )}
                      <Button size="sm" variant="ghost" onClick={() => toggle.mutate({ id: s.id, isEnabled: !s.isEnabled })}>
                        <Power className="size-4" />
                        {s.isEnabled ? t("disable") : t("enable")}
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </CardContent>
      {editing && (
        <ShipperDialog
          shipper={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(created, value) => {
            setEditing(null);
            setSecret({ title: t("createdTitle", { name: created.name }), secret: value, code: created.code });
          }}
        />
      )}
      {secret && (
        <SecretOnceDialog
          title={secret.title}
          fields={[
            { label: t("secret"), value: secret.secret, testId: "shipper-secret" },
            { label: t("pushUrl"), value: pushUrl(secret.code), testId: "shipper-push-url" },
          ]}
          texts={{ description: t("secretOnce"), copy: t("copy"), copied: t("copied"), done: t("done") }}
          onClose={() => setSecret(null)}
        />
      )}
    </Card>
  );
}
