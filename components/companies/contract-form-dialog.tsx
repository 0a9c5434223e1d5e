"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { CURRENCIES } from "@/server/domain/companies/contract-currencies";
import type { ContractRow } from "@/server/domain/companies/contracts";
import { toMinor } from "./format";

const NONE = "none";
type Currency = (typeof CURRENCIES)[number];

/** Add or edit a contract: price type, currency, payment terms (days), credit limit (major units typed, minor stored). */
export function ContractFormDialog({ companyId, contract, onClose, onDone }: { companyId: string; contract: ContractRow | null; onClose: () => void; onDone: () => Promise<void> }) {
  const t = useTranslations("companies");
  const trpc = useTRPC();
  const options = useQuery(trpc.companies.formOptions.queryOptions());
  const [draft, setDraft] = useState({
    number: contract?.number ?? "",
    title: contract?.title ?? "",
    priceTypeId: contract?.priceTypeId ?? NONE,
    currency: (contract?.currency ?? "RUB") as Currency,
    paymentTermsDays: String(contract?.paymentTermsDays ?? 0),
    creditLimit: contract?.creditLimitMinor != null ? String(contract.creditLimitMinor / 100) : "",
    isDefault: contract?.isDefault ?? false,
    validFrom: contract?.validFrom ?? "",
    validTo: contract?.validTo ?? "",
  });
  const [error, setError] = useState<FormError | null>(null);
  const done = async (saved: { number: string }) => {
    toast.success(t("contracts.saved", { number: saved.number }));
    await onDone();
    onClose();
  };
  const create = useMutation(trpc.companies.createContract.mutationOptions({ onSuccess: done, onError: (e) => setError(formErrorOf(e)) }));
  const update = useMutation(trpc.companies.updateContract.mutationOptions({ onSuccess: done, onError: (e) => setError(formErrorOf(e)) }));
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (field: string) => (error?.field === field ? error.message : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const creditLimitMinor = toMinor(draft.creditLimit);
    if (Number.isNaN(creditLimitMinor)) {
      setError({ field: "creditLimitMinor", message: t("contracts.creditHint") });
      return;
    }
    const fields = {
      number: draft.number,
      title: draft.title,
      priceTypeId: draft.priceTypeId === NONE ? null : draft.priceTypeId,
      currency: draft.currency,
      paymentTermsDays: Number(draft.paymentTermsDays) || 0,
      creditLimitMinor,
      isDefault: draft.isDefault,
      validFrom: draft.validFrom,
      validTo: draft.validTo,
    };
    if (contract) update.mutate({ id: contract.id, ...fields });
    else create.mutate({ companyId, ...fields });
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{contract ? t("contracts.editTitle") : t("contracts.createTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" data-testid="contract-form" noValidate>
          <Field id="number" label={t("contracts.number")} error={fieldError("number")}>
            <Input id="number" value={draft.number} onChange={(e) => set("number", e.target.value)} />
          </Field>
          <Field id="contractTitle" label={t("contracts.contractTitle")} error={fieldError("title")}>
            <Input id="contractTitle" value={draft.title} onChange={(e) => set("title", e.target.value)} />
          </Field>
          <Field id="contractPriceType" label={t("contracts.priceType")} error={fieldError("priceTypeId")}>
            <Select value={draft.priceTypeId} onValueChange={(v) => set("priceTypeId", v)}>
              <SelectTrigger id="contractPriceType" className="w-full" data-testid="contract-price-type">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NONE}>{t("form.noPriceType")}</SelectItem>
                {options.data?.priceTypes.map((p) => (
                  <SelectItem key={p.id} value={p.id}>
                    {p.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <Field id="currency" label={t("contracts.currency")} error={fieldError("currency")}>
            <Select value={draft.currency} onValueChange={(v) => set("currency", v as Currency)}>
              <SelectTrigger id="currency" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {CURRENCIES.map((c) => (
                  <SelectItem key={c} value={c}>
                    {c}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <Field id="paymentTermsDays" label={t("contracts.paymentTerms")} error={fieldError("paymentTermsDays")}>
            <Input id="paymentTermsDays" type="number" min={0} max={365} value={draft.paymentTermsDays} onChange={(e) => set("paymentTermsDays", e.target.value)} />
          </Field>
          <Field id="creditLimit" label={t("contracts.creditLimit")} error={fieldError("creditLimitMinor")} hint={t("contracts.creditHint")}>
            <Input id="creditLimit" inputMode="decimal" value={draft.creditLimit} onChange={(e) => set("creditLimit", e.target.value)} />
          </Field>
          <Field id="validFrom" label={t("contracts.validFrom")} error={fieldError("validFrom")}>
            <Input id="validFrom" type="date" className="dark:[color-scheme:dark]" value={draft.validFrom} onChange={(e) => set("validFrom", e.target.value)} />
          </Field>
          <Field id="validTo" label={t("contracts.validTo")} error={fieldError("validTo")}>
            <Input id="validTo" type="date" className="dark:[color-scheme:dark]" value={draft.validTo} onChange={(e) => set("validTo", e.target.value)} />
          </Field>
          <div className="flex items-center gap-2 sm:col-span-2">
            <Checkbox id="isDefault" checked={draft.isDefault} onCheckedChange={(v) => set("isDefault", v === true)} />
            <Label htmlFor="isDefault" className="font-normal">
              {t("contracts.makeDefault")}
            </Label>
          </div>
          {error && !["number", "title", "priceTypeId", "currency", "paymentTermsDays", "creditLimitMinor", "validFrom", "validTo"].includes(error.field ?? "") && (
            <p className="text-destructive text-sm sm:col-span-2" role="alert">
              {error.message}
            </p>
          )}
          <DialogFooter className="sm:col-span-2">
            <Button type="button" variant="outline" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending || update.isPending} data-testid="contract-submit">
              {contract ? t("form.save") : t("form.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
