"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { PublicShipper } from "@/server/domain/fulfilment/shippers";
import { EMPTY_SHIPPER_FORM, formOf, inputOf, type ShipperFormState } from "./shipper-form";

const SELECT = "border-input bg-background h-9 w-full rounded-md border px-3 text-sm";

/** Create or edit a shipper: adapter and its settings, routing (countries, SKUs, priority) and the SKU map. */
export function ShipperDialog({ shipper, onClose, onCreated }: { shipper: PublicShipper | null; onClose: () => void; onCreated: (created: { name: string; code: string }, secret: string) => void }) {
  const t = useTranslations("fulfilment.shippers");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ShipperFormState>(shipper ? formOf(shipper) : EMPTY_SHIPPER_FORM);
  const [error, setError] = useState<FormError | null>(null);
  const set = <K extends keyof ShipperFormState>(key: K, value: ShipperFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.fulfilment.listShippers.queryKey() });
  const create = useMutation(
    trpc.fulfilment.createShipper.mutationOptions({
      onSuccess: async ({ shipper: created, secret }) => {
        await refresh();
        onCreated(created, secret);
      },
      onError: (e) => setError(formErrorOf(e)),
    }),
  );
  const update = useMutation(
    trpc.fulfilment.updateShipper.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onClose();
      },
      onError: (e) => setError(formErrorOf(e)),
    }),
  );
  const fieldError = (...fields: string[]) => (error?.field && fields.includes(error.field) ? error.message : null);
  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const input = inputOf(form);
    if (shipper) update.mutate({ id: shipper.id, ...input });
    else create.mutate(input);
  }
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{shipper ? t("editTitle", { name: shipper.name }) : t("createTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" data-testid="shipper-form">
          <Field id="shipper-name" label={t("fields.name")} error={fieldError("name")}>
            <Input id="shipper-name" value={form.name} onChange={(e) => set("name", e.target.value)} />
          </Field>
          <Field id="shipper-code" label={t("fields.code")} error={fieldError("code")} hint={t("hints.code")}>
            <Input id="shipper-code" value={form.code} onChange={(e) => set("code", e.target.value)} />
          </Field>
          <Field id="shipper-adapter" label={t("fields.adapter")} error={fieldError("adapter")}>
            <select id="shipper-adapter" className={SELECT} value={form.adapter} onChange={(e) => set("adapter", e.target.value as ShipperFormState["adapter"])}>
              {(["http_json", "email", "manual"] as const).map((a) => (
                <option key={a} value={a}>
                  {t(`adapter.${a}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="shipper-priority" label={t("fields.priority")} error={fieldError("priority")} hint={t("hints.priority")}>
            <Input id="shipper-priority" inputMode="numeric" value={form.priority} onChange={(e) => set("priority", e.target.value)} />
          </Field>
          {form.adapter === "http_json" && (
            <div className="sm:col-span-2">
              <Field id="shipper-url" label={t("fields.url")} error={fieldError("settings", "settings.url")} hint={t("hints.url")}>
                <Input id="shipper-url" placeholder="https://warehouse.example/api/orders" value={form.url} onChange={(e) => set("url", e.target.value)} />
              </Field>
            </div>
          )}
          {form.adapter === "email" && (
            <Field id="shipper-email" label={t("fields.email")} error={fieldError("settings", "settings.email")}>
              <Input id="shipper-email" type="email" value={form.email} onChange={(e) => set("email", e.target.value)} />
            </Field>
          )}
          {form.adapter !== "http_json" && (
            <Field id="shipper-format" label={t("fields.format")}>
              <select id="shipper-format" className={SELECT} value={form.format} onChange={(e) => set("format", e.target.value === "xlsx" ? "xlsx" : "csv")}>
                <option value="csv">CSV</option>
                <option value="xlsx">XLSX</option>
              </select>
            </Field>
          )}
          <Field id="shipper-carrier" label={t("fields.carrier")} error={fieldError("settings.carrier")}>
            <Input id="shipper-carrier" placeholder="DHL" value={form.carrier} onChange={(e) => set("carrier", e.target.value)} />
          </Field>
          <Field id="shipper-tracking-url" label={t("fields.trackingUrl")} error={fieldError("settings", "settings.trackingUrl")} hint={t("hints.trackingUrl")}>
            <Input id="shipper-tracking-url" placeholder="https://www.dhl.com/track?id={tracking_number}" value={form.trackingUrl} onChange={(e) => set("trackingUrl", e.target.value)} />
          </Field>
          <Field id="shipper-countries" label={t("fields.countries")} error={fieldError("countries")} hint={t("hints.countries")}>
            <Input id="shipper-countries" placeholder="DE, FR, AT" value={form.countries} onChange={(e) => set("countries", e.target.value)} />
          </Field>
          <Field id="shipper-skus" label={t("fields.skus")} error={fieldError("skus")} hint={t("hints.skus")}>
            <Input id="shipper-skus" value={form.skus} onChange={(e) => set("skus", e.target.value)} />
          </Field>
          <div className="sm:col-span-2">
            <Field id="shipper-sku-map" label={t("fields.skuMap")} error={fieldError("skuMap")} hint={t("hints.skuMap")}>
              <Textarea id="shipper-sku-map" rows={4} className="font-mono text-sm" placeholder={"VTB-20-30 = WH-VITB-30\nVTB-BONUS = WH-VITB-30 x2"} value={form.skuMap} onChange={(e) => set("skuMap", e.target.value)} />
            </Field>
          </div>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <Switch checked={form.isEnabled} onCheckedChange={(on) => set("isEnabled", on)} data-testid="shipper-enabled" />
            {t("fields.enabled")}
          </label>
          {error && (!error.field || !["name", "code", "adapter", "priority", "countries", "skus", "skuMap"].includes(error.field) && !error.field.startsWith("settings")) && (
            <p className="text-destructive text-sm sm:col-span-2">{error.message}</p>
          )}
          <DialogFooter className="sm:col-span-2">
            <Button type="button" variant="outline" onClick={onClose}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending || update.isPending} data-testid="shipper-form-submit">
              {shipper ? t("save") : t("create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
