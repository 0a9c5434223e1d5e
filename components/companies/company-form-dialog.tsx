"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { CompanyDetails } from "@/server/domain/companies/companies";

const NONE = "none";
const TEXT_FIELDS = ["name", "inn", "kpp", "ogrn", "legalAddress", "postalAddress", "bankName", "bik", "account", "correspondentAccount"] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Draft = Record<TextField, string> & { holdingId: string; regionId: string; priceTypeId: string; managerId: string; status: "active" | "blocked" };

function draftOf(company: CompanyDetails | null): Draft {
  return {
    name: company?.name ?? "",
    inn: company?.inn ?? "",
    kpp: company?.kpp ?? "",
    ogrn: company?.ogrn ?? "",
    legalAddress: company?.legalAddress ?? "",
    postalAddress: company?.postalAddress ?? "",
    bankName: company?.bank?.bankName ?? "",
    bik: company?.bank?.bik ?? "",
    account: company?.bank?.account ?? "",
    correspondentAccount: company?.bank?.correspondentAccount ?? "",
    holdingId: company?.holdingId ?? NONE,
    regionId: company?.regionId ?? NONE,
    priceTypeId: company?.priceTypeId ?? NONE,
    managerId: company?.managerId ?? NONE,
    status: company?.status ?? "active",
  };
}

function OptionSelect({ id, value, onChange, none, options }: { id: string; value: string; onChange: (v: string) => void; none: string; options: Array<{ id: string; name: string }> }) {
  return (
    <Select value={value} onValueChange={onChange}>
      <SelectTrigger id={id} className="w-full" data-testid={`select-${id}`}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={NONE}>{none}</SelectItem>
        {options.map((o) => (
          <SelectItem key={o.id} value={o.id}>
            {o.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

/** Create or edit a legal entity; requisites are checked on the server and errors shown beside their fields. */
export function CompanyFormDialog({ company, onOpenChange, onDone }: { company: CompanyDetails | null; onOpenChange: (open: boolean) => void; onDone: (saved: CompanyDetails) => void | Promise<void> }) {
  const t = useTranslations("companies");
  const trpc = useTRPC();
  const options = useQuery(trpc.companies.formOptions.queryOptions());
  const [draft, setDraft] = useState<Draft>(() => draftOf(company));
  const [error, setError] = useState<FormError | null>(null);
  const done = async (saved: CompanyDetails) => {
    toast.success(company ? t("form.saved", { name: saved.name }) : t("form.created", { name: saved.name }));
    await onDone(saved);
    onOpenChange(false);
  };
  const create = useMutation(trpc.companies.create.mutationOptions({ onSuccess: done, onError: (e) => setError(formErrorOf(e)) }));
  const update = useMutation(trpc.companies.update.mutationOptions({ onSuccess: done, onError: (e) => setError(formErrorOf(e)) }));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  const orNull = (v: string) => (v === NONE ? null : v);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const fields = {
      name: draft.name,
      inn: draft.inn,
      kpp: draft.kpp,
      ogrn: draft.ogrn,
      legalAddress: draft.legalAddress,
      postalAddress: draft.postalAddress,
      bankName: draft.bankName,
      bik: draft.bik,
      account: draft.account,
      correspondentAccount: draft.correspondentAccount,
      holdingId: orNull(draft.holdingId),
      regionId: orNull(draft.regionId),
      priceTypeId: orNull(draft.priceTypeId),
      managerId: options.data?.mayAssign ? orNull(draft.managerId) : (company?.managerId ?? null),
      status: draft.status,
    };
    if (company) update.mutate({ id: company.id, ...fields });
    else create.mutate(fields);
  }

  const text = (field: TextField, hint?: string, placeholder?: string) => (
    <Field id={field} label={t(`fields.${field}`)} error={fieldError(field)} hint={hint}>
      <Input id={field} value={draft[field]} onChange={(e) => set(field, e.target.value)} autoComplete="off" placeholder={placeholder} aria-invalid={Boolean(fieldError(field))} />
    </Field>
  );
  const known = [...TEXT_FIELDS, "holdingId", "regionId", "priceTypeId", "managerId", "status"];

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{company ? t("form.editTitle") : t("form.createTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" data-testid="company-form" noValidate>
          {text("name")}
          <fieldset className="grid gap-3 rounded-md border p-3 sm:grid-cols-3">
            <legend className="px-1 text-sm font-medium">{t("form.requisites")}</legend>
            {text("inn", t("form.innHint"))}
            {text("kpp", t("form.kppHint"))}
            {text("ogrn")}
            <div className="sm:col-span-3">{text("legalAddress")}</div>
            <div className="sm:col-span-3">{text("postalAddress")}</div>
          </fieldset>
          <fieldset className="grid gap-3 rounded-md border p-3 sm:grid-cols-2">
            <legend className="px-1 text-sm font-medium">{t("form.bank")}</legend>
            {text("bankName")}
            {text("bik")}
            {text("account")}
            {text("correspondentAccount")}
          </fieldset>
          <fieldset className="grid gap-3 rounded-md border p-3 sm:grid-cols-2">
            <legend className="px-1 text-sm font-medium">{t("form.terms")}</legend>
            <Field id="holdingId" label={t("fields.holding")} error={fieldError("holdingId")}>
              <OptionSelect id="holdingId" value={draft.holdingId} onChange={(v) => set("holdingId", v)} none={t("form.noHolding")} options={options.data?.holdings ?? []} />
            </Field>
            <Field id="regionId" label={t("fields.region")} error={fieldError("regionId")}>
              <OptionSelect id="regionId" value={draft.regionId} onChange={(v) => set("regionId", v)} none={t("form.noRegion")} options={options.data?.regions ?? []} />
            </Field>
            <Field id="priceTypeId" label={t("fields.priceType")} error={fieldError("priceTypeId")}>
              <OptionSelect id="priceTypeId" value={draft.priceTypeId} onChange={(v) => set("priceTypeId", v)} none={t("form.noPriceType")} options={options.data?.priceTypes ?? []} />
            </Field>
            {options.data?.mayAssign && (
              <Field id="managerId" label={t("fields.manager")} error={fieldError("managerId")}>
                <OptionSelect id="managerId" value={draft.managerId} onChange={(v) => set("managerId", v)} none={t("form.noManager")} options={options.data.managers} />
              </Field>
            )}
            <Field id="status" label={t("fields.status")}>
              <Select value={draft.status} onValueChange={(v) => set("status", v as Draft["status"])}>
                <SelectTrigger id="status" className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="active">{t("status.active")}</SelectItem>
                  <SelectItem value="blocked">{t("status.blocked")}</SelectItem>
                </SelectContent>
              </Select>
            </Field>
          </fieldset>
          {error && !known.includes(error.field ?? "") && (
            <p className="text-destructive text-sm" role="alert">
              {error.message}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending || update.isPending} data-testid="company-form-submit">
              {company ? t("form.save") : t("form.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
