"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Loader2, Save } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";

const EDITABLE = ["kpp", "ogrn", "legalAddress", "postalAddress", "bankName", "bik", "account", "correspondentAccount", "contactName", "contactEmail", "contactPhone", "website", "description"] as const;
type Draft = Record<(typeof EDITABLE)[number], string>;
type Profile = NonNullable<ReturnType<typeof useProfile>["data"]>;

function useProfile() {
  const trpc = useTRPC();
  return useQuery(trpc.suppliers.profile.queryOptions());
}

function draftOf(p: Profile): Draft {
  return {
    kpp: p.kpp ?? "", ogrn: p.ogrn ?? "", legalAddress: p.legalAddress ?? "", postalAddress: p.postalAddress ?? "", bankName: p.bank?.bankName ?? "", bik: p.bank?.bik ?? "",
    account: p.bank?.account ?? "", correspondentAccount: p.bank?.correspondentAccount ?? "", contactName: p.contactName ?? "", contactEmail: p.contactEmail ?? "",
    contactPhone: p.contactPhone ?? "", website: p.website ?? "", description: p.description ?? "",
  };
}

function ProfileForm({ profile }: { profile: Profile }) {
  const t = useTranslations("suppliers.profile");
  const f = useTranslations("suppliers.register.fields");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [error, setError] = useState<FormError | null>(null);
  const save = useMutation(
    trpc.suppliers.updateProfile.mutationOptions({
      onSuccess: () => {
        setError(null);
        toast.success(t("saved"));
        void queryClient.invalidateQueries({ queryKey: trpc.suppliers.pathKey() });
      },
      onError: (e) => setError(formErrorOf(e)),
    }),
  );
  const readOnly = !profile.isOwner;
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  const label = (key: keyof Draft) => (key === "contactEmail" ? f("email") : key === "contactPhone" ? f("phone") : f(key));
  const input = (key: keyof Draft) => (
    <Field id={key} label={label(key)} error={fieldError(key)}>
      <Input id={key} value={draft[key]} disabled={readOnly} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} aria-invalid={Boolean(fieldError(key))} />
    </Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };
  return (
    <form onSubmit={submit} className="grid gap-6 lg:grid-cols-2" data-testid="supplier-profile-form" noValidate>
      <Card>
        <CardHeader className="border-b">
          <CardTitle>{t("company")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 pt-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="name" label={f("name")}>
              <Input id="name" value={profile.name} disabled />
            </Field>
            <Field id="inn" label={f("inn")} hint={t("fixedHint")}>
              <Input id="inn" value={profile.inn} disabled />
            </Field>
            {input("kpp")}
            {input("ogrn")}
          </div>
          {input("legalAddress")}
          {input("postalAddress")}
          {input("website")}
          <Field id="description" label={f("description")} error={fieldError("description")}>
            <Textarea id="description" rows={3} value={draft.description} disabled={readOnly} onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))} />
          </Field>
        </CardContent>
      </Card>
      <div className="grid content-start gap-6">
        <Card>
          <CardHeader className="border-b">
            <CardTitle>{t("contacts")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 pt-4">
            {input("contactName")}
            <div className="grid gap-4 sm:grid-cols-2">
              {input("contactEmail")}
              {input("contactPhone")}
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="border-b">
            <CardTitle>{t("bank")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 pt-4 sm:grid-cols-2">
            {input("bankName")}
            {input("bik")}
            {input("account")}
            {input("correspondentAccount")}
          </CardContent>
        </Card>
        {error && !(EDITABLE as readonly string[]).includes(error.field ?? "") && (
          <p className="text-destructive text-sm" role="alert">
            {error.message}
          </p>
        )}
        {readOnly ? (
          <p className="text-muted-foreground text-sm">{t("ownerOnly")}</p>
        ) : (
          <Button type="submit" disabled={save.isPending} data-testid="supplier-profile-save" className="justify-self-end">
            {save.isPending ? <Loader2 className="size-4 animate-spin" /> : <Save className="size-4" />}
            {t("save")}
          </Button>
        )}
      </div>
    </form>
  );
}

/** The company profile: the owner keeps contacts and bank details current; the name and INN stay as approved. */
export function SupplierProfileView() {
  const profile = useProfile();
  if (!profile.data) return <Skeleton className="h-96 w-full" />;
  return <ProfileForm profile={profile.data} />;
}
