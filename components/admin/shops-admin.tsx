"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Plus, Power } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { SecretOnceDialog } from "./secret-once-dialog";

function NewShopDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (apiId: string, key: string) => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [hostname, setHostname] = useState("");
  const [currency, setCurrency] = useState("USD");
  const [error, setError] = useState<FormError | null>(null);
  const create = useMutation(
    trpc.shops.create.mutationOptions({
      onSuccess: async ({ shop, apiKey }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.shops.list.queryKey() });
        onCreated(shop.apiId, apiKey);
      },
      onError: (e) => setError(formErrorOf(e)),
    }),
  );
  const fieldError = (f: string) => (error?.field === f ? error.message : null);
  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    create.mutate({ name, hostname, defaultCurrency: currency });
  }
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("shops.createTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" data-testid="shop-form">
          <Field id="shop-name" label={t("shops.fields.name")} error={fieldError("name")}>
            <Input id="shop-name" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field id="shop-hostname" label={t("shops.fields.hostname")} error={fieldError("hostname")}>
            <Input id="shop-hostname" placeholder="shop.example.com" value={hostname} onChange={(e) => setHostname(e.target.value)} />
          </Field>
          <Field id="shop-currency" label={t("shops.fields.currency")} error={fieldError("defaultCurrency")}>
            <Input id="shop-currency" maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
          </Field>
          {error && !error.field && <p className="text-destructive text-sm">{error.message}</p>}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending} data-testid="shop-form-submit">
              {t("shops.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Shops that may submit orders: create one, rotate its key (shown once), switch it off. */
export function ShopsAdmin() {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const shops = useQuery(trpc.shops.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ title: string; apiId: string; key: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.shops.list.queryKey() });
  const rotate = useMutation(
    trpc.shops.rotateKey.mutationOptions({
      onSuccess: async ({ shop, apiKey }) => {
        await refresh();
        setSecret({ title: t("shops.rotatedTitle", { name: shop.name }), apiId: shop.apiId, key: apiKey });
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  const toggle = useMutation(trpc.shops.update.mutationOptions({ onSuccess: refresh, onError: (e) => toast.error(formErrorOf(e).message) }));

  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between border-b">
        <CardTitle>{t("shops.listTitle")}</CardTitle>
        <Button variant="success" onClick={() => setCreating(true)} data-testid="add-shop">
          <Plus className="size-4" />
          {t("shops.add")}
        </Button>
      </CardHeader>
      <CardContent className="pt-4">
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="shops-table">
            <TableHeader className="bg-muted/50">
              <TableRow>
                <TableHead>{t("shops.fields.name")}</TableHead>
                <TableHead>{t("shops.fields.hostname")}</TableHead>
                <TableHead>api_id</TableHead>
                <TableHead>{t("shops.fields.key")}</TableHead>
                <TableHead>{t("shops.fields.currency")}</TableHead>
                <TableHead>{t("shops.fields.status")}</TableHead>
                <TableHead className="text-right">{t("common.actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shops.isPending && (
                <TableRow>
                  <TableCell colSpan={7}>
                    <Skeleton className="h-6 w-full" />
                  </TableCell>
                </TableRow>
              )}
              {shops.data?.map((shop) => (
                <TableRow key={shop.id} data-testid="shop-row">
                  <TableCell className="font-medium">{shop.name}</TableCell>
                  <TableCell>{shop.hostname}</TableCell>
                  <TableCell className="font-mono text-xs">{shop.apiId}</TableCell>
                  <TableCell className="text-muted-foreground text-xs">
                    <span className="font-mono">{shop.apiKeyPrefix}…</span>
                    <div>{t("shops.rotatedAt", { date: format.dateTime(shop.keyRotatedAt, { dateStyle: "medium" }) })}</div>
                  </TableCell>
                  <TableCell>{shop.defaultCurrency}</TableCell>
                  <TableCell>
                    <Badge variant={shop.isActive ? "success" : "destructive"}>{shop.isActive ? t("shops.active") : t("shops.inactive")}</Badge>
                  </TableCell>
                  <TableCell className="space-x-1 text-right whitespace-nowrap">
                    <Button size="sm" variant="outline" onClick={() => rotate.mutate({ id: shop.id })} disabled={rotate.isPending} data-testid="rotate-key">
                      <KeyRound className="size-4" />
                      {t("shops.rotate")}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => toggle.mutate({ id: shop.id, isActive: !shop.isActive })}>
                      <Power className="size-4" />
                      {shop.isActive ? t("shops.disable") : t("shops.enable")}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </CardContent>
      {creating && (
        <NewShopDialog
          onClose={() => setCreating(false)}
          onCreated={(apiId, key) => {
            setCreating(false);
            setSecret({ title: t("shops.createdTitle"), apiId, key });
          }}
        />
      )}
      {secret && (
        <SecretOnceDialog
          title={secret.title}
          fields={[
            { label: "api_id", value: secret.apiId, testId: "secret-api_id", codeLabel: true },
            { label: "api_key", value: secret.key, testId: "secret-api_key", codeLabel: true },
          ]}
          texts={{ description: t("shops.keyOnce"), copy: t("shops.copy"), copied: t("shops.copied"), done: t("shops.done") }}
          onClose={() => setSecret(null)}
        />
      )}
    </Card>
  );
}
