"use client";
import { useMutation } from "@tanstack/react-query";
import { CheckCircle2, Loader2, Search, Upload, X } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState, type ChangeEvent, type FormEvent, type ReactNode } from "react";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

const TEXT_FIELDS = [
  "name", "inn", "kpp", "ogrn", "legalAddress", "postalAddress", "bankName", "bik", "account", "correspondentAccount",
  "contactName", "email", "phone", "password", "website", "description",
] as const;
type Draft = Record<(typeof TEXT_FIELDS)[number], string>;
interface PickedFile {
  fileName: string;
  contentType: "application/pdf" | "image/jpeg" | "image/png";
  base64: string;
  size: number;
}
const ACCEPTED = ["application/pdf", "image/jpeg", "image/png"] as const;
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_TOTAL_BYTES = 7 * 1024 * 1024;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-4">
      <legend className="text-muted-foreground mb-1 text-xs font-semibold tracking-wide uppercase">{title}</legend>
      {children}
    </fieldset>
  );
}

/** The supplier's extended application: requisites (checksums on the server), contacts, the future login, documents. */
export function SupplierRegisterForm() {
  const t = useTranslations("suppliers.register");
  const locale = useLocale();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(TEXT_FIELDS.map((f) => [f, ""])) as Draft);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [error, setError] = useState<FormError | null>(null);
  const [lookupNote, setLookupNote] = useState<string | null>(null);
  const apply = useMutation(
    trpc.suppliers.register.mutationOptions({
      onError: (e) => {
        const parsed = formErrorOf(e);
        setError(parsed.message.startsWith("Too many") ? { field: null, message: t("rateLimited") } : parsed);
      },
    }),
  );
  const lookup = useMutation(
    trpc.suppliers.lookupInn.mutationOptions({
      onSuccess: (result) => {
        if (!result.company) {
          setLookupNote(t("lookupNotFound"));
          return;
        }
        const c = result.company;
        setDraft((d) => ({ ...d, name: c.name, kpp: c.kpp ?? "", ogrn: c.ogrn ?? "", legalAddress: c.legalAddress ?? d.legalAddress, contactName: d.contactName || (c.directorName ?? "") }));
        setLookupNote(t("lookupFilled"));
      },
      onError: (e) => setError(formErrorOf(e)),
    }),
  );
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (field: string) => (error?.field === field ? error.message : null);

  async function pickFiles(event: ChangeEvent<HTMLInputElement>) {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = "";
    for (const file of picked) {
      if (!(ACCEPTED as readonly string[]).includes(file.type)) {
        setError({ field: "documents", message: t("fileType") });
        continue;
      }
      if (file.size > MAX_BYTES || files.reduce((sum, f) => sum + f.size, 0) + file.size > MAX_TOTAL_BYTES) {
        setError({ field: "documents", message: t("fileSize") });
        continue;
      }
      const base64 = await readBase64(file);
      setFiles((current) => [...current, { fileName: file.name, contentType: file.type as PickedFile["contentType"], base64, size: file.size }].slice(0, 5));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    apply.mutate({ ...draft, locale: locale === "en" ? "en" : "ru", documents: files.map(({ fileName, contentType, base64 }) => ({ fileName, contentType, base64 })) });
  }

  if (apply.isSuccess) {
    return (
      <div className="flex flex-col items-center gap-3 py-6 text-center" data-testid="supplier-register-sent">
        <div className="bg-success/15 text-success grid size-14 place-items-center rounded-full">
          <CheckCircle2 className="size-7" />
        </div>
        <h2 className="text-lg font-semibold">{t("sentTitle")}</h2>
        <p className="text-muted-foreground max-w-md text-sm">{t("sentText")}</p>
        <Button asChild variant="outline">
          <Link href="/login">{t("backToLogin")}</Link>
        </Button>
      </div>
    );
  }

  const input = (key: keyof Draft, type = "text", hint?: string) => (
    <Field id={key} label={t(`fields.${key}`)} error={fieldError(key)} hint={hint}>
      <Input id={key} name={key} type={type} value={draft[key]} onChange={(e) => set(key, e.target.value)} aria-invalid={Boolean(fieldError(key))} autoComplete={key === "password" ? "new-password" : undefined} />
    </Field>
  );

  return (
    <form onSubmit={submit} className="grid gap-6" data-testid="supplier-register-form" noValidate>
      <Section title={t("sections.company")}>
        <div className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-end">
          {input("inn", "text", t("innHint"))}
          <Button type="button" variant="outline" onClick={() => { setError(null); setLookupNote(null); lookup.mutate({ inn: draft.inn }); }} disabled={lookup.isPending || !draft.inn} data-testid="lookup-inn" className="sm:mb-5">
            {lookup.isPending ? <Loader2 className="size-4 animate-spin" /> : <Search className="size-4" />}
            {t("lookup")}
          </Button>
        </div>
        {lookupNote && <p className="text-muted-foreground -mt-2 text-xs" data-testid="lookup-note">{lookupNote}</p>}
        <div className="grid gap-4 sm:grid-cols-2">
          {input("name")}
          {input("kpp", "text", t("kppHint"))}
          {input("ogrn")}
          {input("website", "url")}
        </div>
        {input("legalAddress")}
        {input("postalAddress")}
      </Section>
      <Section title={t("sections.bank")}>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("bankName")}
          {input("bik")}
          {input("account")}
          {input("correspondentAccount")}
        </div>
      </Section>
      <Section title={t("sections.contact")}>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("contactName")}
          {input("phone", "tel")}
          {input("email", "email", t("emailHint"))}
          {input("password", "password", t("passwordHint"))}
        </div>
      </Section>
      <Section title={t("sections.about")}>
        <Field id="description" label={t("fields.description")} error={fieldError("description")}>
          <Textarea id="description" rows={3} value={draft.description} onChange={(e) => set("description", e.target.value)} />
        </Field>
        <Field id="documents" label={t("fields.documents")} error={fieldError("documents")} hint={t("documentsHint")}>
          <div className="grid gap-2">
            <label className="border-input hover:bg-muted/50 flex cursor-pointer items-center justify-center gap-2 rounded-md border border-dashed px-4 py-4 text-sm">
              <Upload className="size-4" />
              {t("chooseFiles")}
              <input id="documents" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" className="sr-only" onChange={pickFiles} data-testid="documents-input" />
            </label>
            {files.map((f, index) => (
              <div key={`${f.fileName}-${index}`} className="bg-muted/40 flex items-center justify-between rounded-md px-3 py-1.5 text-sm" data-testid="picked-document">
                <span className="truncate">{f.fileName}</span>
                <span className="text-muted-foreground flex items-center gap-2 text-xs">
                  {Math.ceil(f.size / 1024)} KB
                  <button type="button" aria-label={t("removeFile")} onClick={() => setFiles((all) => all.filter((_, i) => i !== index))}>
                    <X className="size-3.5" />
                  </button>
                </span>
              </div>
            ))}
          </div>
        </Field>
      </Section>
      {error && !(TEXT_FIELDS as readonly string[]).includes(error.field ?? "") && error.field !== "documents" && (
        <p className="text-destructive text-sm" role="alert" data-testid="register-error">
          {error.message}
        </p>
      )}
      <p className="text-muted-foreground text-xs">{t("consent")}</p>
      <Button type="submit" className="w-full" disabled={apply.isPending} data-testid="supplier-register-submit">
        {apply.isPending && <Loader2 className="size-4 animate-spin" />}
        {t("submit")}
      </Button>
      <p className="text-center text-sm">
        <Link href="/login" className="text-primary hover:underline">
          {t("backToLogin")}
        </Link>
      </p>
    </form>
  );
}
