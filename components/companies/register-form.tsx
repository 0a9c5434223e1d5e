"use client";
import { useMutation } from "@tanstack/react-query";
import { CheckCircle2, Loader2 } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

const FIELDS = ["name", "email", "phone", "companyName", "inn", "kpp", "message"] as const;
type Draft = Record<(typeof FIELDS)[number], string>;

/** The public application form: the same requisites rules as the staff form, errors beside the fields. */
export function RegisterForm() {
  const t = useTranslations("companies.register");
  const locale = useLocale();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<Draft>({ name: "", email: "", phone: "", companyName: "", inn: "", kpp: "", message: "" });
  const [error, setError] = useState<FormError | null>(null);
  const apply = useMutation(
    trpc.companies.register.mutationOptions({
      onError: (e) => {
        const parsed = formErrorOf(e);
        setError(parsed.message.startsWith("Too many") ? { field: null, message: t("rateLimited") } : parsed);
      },
    }),
  );
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (field: string) => (error?.field === field ? error.message : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    apply.mutate({ ...draft, locale: locale === "en" ? "en" : "ru" });
  }

  if (apply.isSuccess) {
    return (
      <div className="flex flex-col items-center gap-3 py-6 text-center" data-testid="register-sent">
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

  const input = (key: Exclude<keyof Draft, "message">, type = "text", hint?: string) => (
    <Field id={key} label={t(key)} error={fieldError(key)} hint={hint}>
      <Input id={key} type={type} value={draft[key]} onChange={(e) => set(key, e.target.value)} aria-invalid={Boolean(fieldError(key))} />
    </Field>
  );

  return (
    <form onSubmit={submit} className="grid gap-4" data-testid="register-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        {input("name")}
        {input("email", "email")}
        {input("phone", "tel")}
        {input("companyName")}
        {input("inn")}
        {input("kpp", "text", t("kppHint"))}
      </div>
      <Field id="message" label={t("message")} error={fieldError("message")}>
        <Textarea id="message" rows={3} value={draft.message} placeholder={t("messagePlaceholder")} onChange={(e) => set("message", e.target.value)} />
      </Field>
      {error && !FIELDS.includes(error.field as (typeof FIELDS)[number]) && (
        <p className="text-destructive text-sm" role="alert">
          {error.message}
        </p>
      )}
      <p className="text-muted-foreground text-xs">{t("consent")}</p>
      <Button type="submit" className="w-full" disabled={apply.isPending} data-testid="register-submit">
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
