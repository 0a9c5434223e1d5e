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
import type { PostalAddress } from "@/db/schema/orders";
import type { CustomerDetails } from "@/server/domain/customers/manage-customers";

interface AddressDraft {
  address: string;
  address2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}

interface Draft {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  country: string;
  billing: AddressDraft;
  shippingSame: boolean;
  shipping: AddressDraft;
  managerId: string;
}

const emptyAddress: AddressDraft = { address: "", address2: "", city: "", state: "", zip: "", country: "" };
const SELF = "self";

function addressDraftOf(address: PostalAddress | null): AddressDraft {
  if (!address) return emptyAddress;
  return { address: address.address, address2: address.address2 ?? "", city: address.city, state: address.state, zip: address.zip, country: address.country };
}

function draftOf(customer: CustomerDetails | null): Draft {
  if (!customer) return { firstName: "", lastName: "", email: "", phone: "", country: "", billing: emptyAddress, shippingSame: true, shipping: emptyAddress, managerId: SELF };
  const billing = addressDraftOf(customer.billingAddress);
  const shipping = addressDraftOf(customer.shippingAddress);
  return {
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    phone: customer.phone ?? "",
    country: customer.country ?? "",
    billing,
    shippingSame: JSON.stringify(billing) === JSON.stringify(shipping),
    shipping,
    managerId: customer.managerId ?? SELF,
  };
}

/** An address is sent only when its street line is filled; its country defaults to the customer's. */
function addressOf(draft: AddressDraft, fallbackCountry: string) {
  if (!draft.address.trim()) return null;
  return { ...draft, country: draft.country.trim() || fallbackCountry };
}

function AddressFields({ prefix, value, onChange, error, countryPlaceholder }: { prefix: string; value: AddressDraft; onChange: (v: AddressDraft) => void; error: string | null; countryPlaceholder: string }) {
  const t = useTranslations("customers.fields");
  const set = (key: keyof AddressDraft, v: string) => onChange({ ...value, [key]: v });
  return (
    <div className="grid gap-3 sm:grid-cols-6">
      <div className="sm:col-span-4">
        <Field id={`${prefix}-address`} label={t("address")} error={error}>
          <Input id={`${prefix}-address`} value={value.address} onChange={(e) => set("address", e.target.value)} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field id={`${prefix}-address2`} label={t("address2")}>
          <Input id={`${prefix}-address2`} value={value.address2} onChange={(e) => set("address2", e.target.value)} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field id={`${prefix}-city`} label={t("city")}>
          <Input id={`${prefix}-city`} value={value.city} onChange={(e) => set("city", e.target.value)} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field id={`${prefix}-state`} label={t("state")}>
          <Input id={`${prefix}-state`} value={value.state} onChange={(e) => set("state", e.target.value)} />
        </Field>
      </div>
      <div>
        <Field id={`${prefix}-zip`} label={t("zip")}>
          <Input id={`${prefix}-zip`} value={value.zip} onChange={(e) => set("zip", e.target.value)} />
        </Field>
      </div>
      <div>
        <Field id={`${prefix}-country`} label={t("countryShort")}>
          <Input id={`${prefix}-country`} value={value.country} maxLength={2} className="uppercase" placeholder={countryPlaceholder.toUpperCase()} onChange={(e) => set("country", e.target.value)} />
        </Field>
      </div>
    </div>
  );
}

/** Add a customer or edit one; the server re-checks everything (a taken e-mail comes back beside the field). */
export function CustomerFormDialog({
  customer,
  canAssign,
  onOpenChange,
  onDone,
}: {
  customer: CustomerDetails | null;
  canAssign: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: (customer: CustomerDetails) => void | Promise<void>;
}) {
  const t = useTranslations("customers");
  const trpc = useTRPC();
  const [draft, setDraft] = useState<Draft>(() => draftOf(customer));
  const [error, setError] = useState<FormError | null>(null);
  const managers = useQuery({ ...trpc.customers.managers.queryOptions(), enabled: canAssign && !customer });
  const done = async (saved: CustomerDetails) => {
    toast.success(customer ? t("form.saved", { name: `${saved.firstName} ${saved.lastName}` }) : t("form.created", { name: `${saved.firstName} ${saved.lastName}` }));
    await onDone(saved);
    onOpenChange(false);
  };
  const create = useMutation(trpc.customers.create.mutationOptions({ onSuccess: done, onError: (e) => setError(formErrorOf(e)) }));
  const update = useMutation(trpc.customers.update.mutationOptions({ onSuccess: done, onError: (e) => setError(formErrorOf(e)) }));
  const pending = create.isPending || update.isPending;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (field: string) => (error?.field === field ? error.message : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const billingAddress = addressOf(draft.billing, draft.country);
    const shippingAddress = draft.shippingSame ? billingAddress : addressOf(draft.shipping, draft.country);
    const fields = { firstName: draft.firstName, lastName: draft.lastName, email: draft.email, phone: draft.phone, country: draft.country, billingAddress, shippingAddress };
    if (customer) update.mutate({ id: customer.id, ...fields });
    else create.mutate({ ...fields, managerId: canAssign && draft.managerId !== SELF ? draft.managerId : undefined });
  }

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{customer ? t("form.editTitle") : t("form.createTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" data-testid="customer-form" noValidate>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="firstName" label={t("fields.firstName")} error={fieldError("firstName")}>
              <Input id="firstName" value={draft.firstName} onChange={(e) => set("firstName", e.target.value)} autoComplete="off" />
            </Field>
            <Field id="lastName" label={t("fields.lastName")} error={fieldError("lastName")}>
              <Input id="lastName" value={draft.lastName} onChange={(e) => set("lastName", e.target.value)} autoComplete="off" />
            </Field>
          </div>
          <Field id="email" label={t("fields.email")} error={fieldError("email")} hint={t("form.emailHint")}>
            <Input id="email" type="email" value={draft.email} onChange={(e) => set("email", e.target.value)} autoComplete="off" />
          </Field>
          <div className="grid gap-4 sm:grid-cols-3">
            <div className="sm:col-span-2">
              <Field id="phone" label={t("fields.phone")} error={fieldError("phone")}>
                <Input id="phone" value={draft.phone} onChange={(e) => set("phone", e.target.value)} autoComplete="off" placeholder="+1 555 010 2030" />
              </Field>
            </div>
            <Field id="country" label={t("fields.country")} error={fieldError("country")}>
              <Input id="country" value={draft.country} onChange={(e) => set("country", e.target.value)} maxLength={2} className="uppercase" placeholder="US" />
            </Field>
          </div>
          {canAssign && !customer && (
            <Field id="managerId" label={t("fields.manager")} error={fieldError("managerId")}>
              <Select value={draft.managerId} onValueChange={(v) => set("managerId", v)}>
                <SelectTrigger id="managerId" className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={SELF}>{t("form.defaultManager")}</SelectItem>
                  {managers.data?.map((m) => (
                    <SelectItem key={m.id} value={m.id}>
                      {m.name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
          )}
          <fieldset className="grid gap-3 rounded-md border p-3">
            <legend className="px-1 text-sm font-medium">{t("fields.billingAddress")}</legend>
            <AddressFields prefix="billing" value={draft.billing} onChange={(v) => set("billing", v)} error={fieldError("billingAddress")} countryPlaceholder={draft.country} />
            <div className="flex items-center gap-2">
              <Checkbox id="shippingSame" checked={draft.shippingSame} onCheckedChange={(v) => set("shippingSame", v === true)} />
              <Label htmlFor="shippingSame" className="font-normal">
                {t("form.shippingSame")}
              </Label>
            </div>
          </fieldset>
          {!draft.shippingSame && (
            <fieldset className="grid gap-3 rounded-md border p-3">
              <legend className="px-1 text-sm font-medium">{t("fields.shippingAddress")}</legend>
              <AddressFields prefix="shipping" value={draft.shipping} onChange={(v) => set("shipping", v)} error={fieldError("shippingAddress")} countryPlaceholder={draft.country} />
            </fieldset>
          )}
          {error && !["firstName", "lastName", "email", "phone", "country", "managerId", "billingAddress", "shippingAddress"].includes(error.field ?? "") && (
            <p className="text-destructive text-sm" role="alert">
              {error.message}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={pending} data-testid="customer-form-submit">
              {customer ? t("form.save") : t("form.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
