"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { Field } from "@/components/forms/field";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import {
  ADAPTER_OPTIONS, EMPTY_PROCESSOR_FORM, formValuesOf, PAYMENT_METHOD_OPTIONS, processorFormSchema, processorInputOf, type ProcessorFormValues,
} from "./processor-form-schema";
import type { ProcessorRow } from "./processor-types";

type Errors = Partial<Record<keyof ProcessorFormValues | "form", string>>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="text-muted-foreground mb-1 text-xs font-semibold tracking-wider uppercase">{title}</legend>
      {children}
    </fieldset>
  );
}

/** Create or edit a processor. Credentials are write-only: blank on edit means "keep the stored ones". */
export function ProcessorFormDialog({ processor, onClose, onSecret }: { processor: ProcessorRow | null; onClose: () => void; onSecret: (code: string, secret: string) => void }) {
  const t = useTranslations("processors");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProcessorFormValues>(processor ? formValuesOf(processor) : EMPTY_PROCESSOR_FORM);
  const [errors, setErrors] = useState<Errors>({});
  const set = <K extends keyof ProcessorFormValues>(key: K, value: ProcessorFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (e[key] || e.form ? { ...e, [key]: undefined, form: undefined } : e));
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.payments.processorOverview.queryKey() });
  const onError = (e: unknown) => {
    const error = formErrorOf(e);
    setErrors(error.field ? { [error.field === "credentials" ? "apiKey" : error.field]: error.message } : { form: error.message });
  };
  const create = useMutation(
    trpc.payments.createProcessor.mutationOptions({
      onSuccess: async ({ processor: created, webhookSecret }) => {
        await refresh();
        onClose();
        if (webhookSecret) onSecret(created.code, webhookSecret);
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.payments.updateProcessor.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onClose();
      },
      onError,
    }),
  );
  const message = (key: string | undefined) => (key ? (t.has(`validation.${key}`) ? t(`validation.${key}`) : key) : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    // An API processor calls back here unless told otherwise: /api/callbacks/<code> on this CRM.
    const callbackUrl = values.adapter !== "manual" && !values.callbackUrl.trim() && values.code.trim() ? `${window.location.origin}/api/callbacks/${values.code.trim()}` : values.callbackUrl;
    const parsed = processorFormSchema.safeParse({ ...values, callbackUrl });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form") as keyof Errors;
        next[key] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    const input = processorInputOf(parsed.data, processor?.settings);
    if (processor) update.mutate({ id: processor.id, ...input });
    else create.mutate({ ...input, generateWebhookSecret: parsed.data.generateWebhookSecret && parsed.data.adapter !== "manual" });
  }

  const text = (key: keyof ProcessorFormValues, label: string, props: { placeholder?: string; type?: string; hint?: string; disabled?: boolean } = {}) => (
    <Field id={`processor-${key}`} label={label} error={message(errors[key])} hint={props.hint}>
      <Input
        id={`processor-${key}`}
        type={props.type ?? "text"}
        autoComplete="off"
        placeholder={props.placeholder}
        disabled={props.disabled}
        value={String(values[key])}
        onChange={(e) => set(key, e.target.value as never)}
      />
    </Field>
  );
  const pending = create.isPending || update.isPending;
  const api = values.adapter !== "manual";

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{processor ? t("editTitle", { name: processor.name }) : t("createTitle")}</DialogTitle>
          <DialogDescription>{t("formHint")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-5" data-testid="processor-form" noValidate>
          <Section title={t("sections.identity")}>
            {text("name", t("fields.name"), { placeholder: "CardPay EU" })}
            {text("code", t("fields.code"), { placeholder: "cardpay-eu", hint: t("hints.code"), disabled: Boolean(processor) })}
            <Field id="processor-adapter" label={t("fields.adapter")} error={message(errors.adapter)} hint={t(`adapterHint.${values.adapter}`)}>
              <Select value={values.adapter} onValueChange={(v) => set("adapter", v as ProcessorFormValues["adapter"])}>
                <SelectTrigger id="processor-adapter" className="w-full" data-testid="processor-adapter">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {ADAPTER_OPTIONS.map((a) => (
                    <SelectItem key={a} value={a}>
                      {t(`adapters.${a}`)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
            <div className="space-y-1.5">
              <Label>{t("fields.methods")}</Label>
              <div className="flex flex-wrap gap-x-4 gap-y-2 pt-1">
                {PAYMENT_METHOD_OPTIONS.map((m) => (
                  <label key={m} className="flex items-center gap-2 text-sm">
                    <Checkbox
                      checked={values.methods.includes(m)}
                      onCheckedChange={(checked) => set("methods", checked === true ? [...values.methods, m] : values.methods.filter((x) => x !== m))}
                      data-testid={`processor-method-${m}`}
                    />
                    {t(`methods.${m}`)}
                  </label>
                ))}
              </div>
              {errors.methods && <p className="text-destructive text-xs" data-testid="error-processor-methods">{message(errors.methods)}</p>}
            </div>
          </Section>

          <Section title={t("sections.routing")}>
            {text("currencies", t("fields.currencies"), { placeholder: "USD, EUR", hint: t("hints.anyIfEmpty") })}
            {text("countries", t("fields.countries"), { placeholder: "US, DE", hint: t("hints.anyIfEmpty") })}
            {text("minAmount", t("fields.minAmount"), { placeholder: "—", hint: t("hints.usd") })}
            {text("maxAmount", t("fields.maxAmount"), { placeholder: "—", hint: t("hints.usd") })}
            {text("dailyCap", t("fields.dailyCap"), { placeholder: "—", hint: t("hints.usd") })}
            {text("monthlyCap", t("fields.monthlyCap"), { placeholder: "—", hint: t("hints.usd") })}
            {text("feePercent", t("fields.feePercent"), { placeholder: "2.9" })}
            {text("feeFixedMinor", t("fields.feeFixed"), { placeholder: "30", hint: t("hints.feeFixed") })}
            {text("priority", t("fields.priority"), { hint: t("hints.priority") })}
            {text("failureThreshold", t("fields.failureThreshold"), { hint: t("hints.failureThreshold") })}
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <Switch checked={values.isEnabled} onCheckedChange={(v) => set("isEnabled", v)} data-testid="processor-enabled" />
              {t("fields.enabled")}
            </label>
          </Section>

          {api && (
            <Section title={t("sections.connection")}>
              {text("baseUrl", t("fields.baseUrl"), { placeholder: "http://127.0.0.1:4010" })}
              {text("callbackUrl", t("fields.callbackUrl"), { placeholder: "https://crm.example/api/callbacks/code", hint: t("hints.callbackUrl") })}
              {text("apiKey", t("fields.apiKey"), { type: "password", hint: processor?.hasCredentials ? t("hints.keepSecret") : t("hints.writeOnly") })}
              {values.generateWebhookSecret && !processor ? (
                <Field id="processor-webhookSecret" label={t("fields.webhookSecret")} hint={t("hints.generated")}>
                  <Input id="processor-webhookSecret" disabled value={t("generatedPlaceholder")} />
                </Field>
              ) : (
                text("webhookSecret", t("fields.webhookSecret"), { type: "password", hint: processor?.hasCredentials ? t("hints.keepSecret") : t("hints.writeOnly") })
              )}
              {!processor && (
                <label className="flex items-center gap-2 text-sm sm:col-span-2">
                  <Checkbox checked={values.generateWebhookSecret} onCheckedChange={(v) => set("generateWebhookSecret", v === true)} data-testid="processor-generate-secret" />
                  {t("fields.generateWebhookSecret")}
                </label>
              )}
            </Section>
          )}

          {errors.form && <p className="text-destructive text-sm">{message(errors.form)}</p>}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending} data-testid="processor-form-submit">
              {processor ? tc("save") : t("create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
