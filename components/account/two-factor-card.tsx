"use client";
import { useMutation } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";

/** Two-factor login: scan the QR code, prove it with one code, and it is on. */
export function TwoFactorCard({ enabled }: { enabled: boolean }) {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const router = useRouter();
  const [setup, setSetup] = useState<{ secret: string; qrDataUrl: string } | null>(null);
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const onError = (e: unknown) => setError(formErrorOf(e).message);
  const begin = useMutation(trpc.account.beginTotp.mutationOptions({ onSuccess: (data) => setSetup(data), onError }));
  const confirm = useMutation(
    trpc.account.confirmTotp.mutationOptions({
      onSuccess: () => {
        toast.success(t("totpEnabled"));
        setSetup(null);
        router.refresh();
      },
      onError,
    }),
  );
  const disable = useMutation(
    trpc.account.disableTotp.mutationOptions({
      onSuccess: () => {
        toast.success(t("totpDisabled"));
        setPassword("");
        router.refresh();
      },
      onError,
    }),
  );

  function submitCode(event: FormEvent) {
    event.preventDefault();
    setError(null);
    confirm.mutate({ code });
  }
  function submitDisable(event: FormEvent) {
    event.preventDefault();
    setError(null);
    disable.mutate({ password });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {t("totpTitle")}
          <Badge variant={enabled ? "success" : "secondary"} data-testid="totp-status">
            {enabled ? t("on") : t("off")}
          </Badge>
        </CardTitle>
        <CardDescription>{t("totpText")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {error && <p className="text-destructive text-sm" role="alert">{error}</p>}
        {enabled ? (
          <form onSubmit={submitDisable} className="grid max-w-sm gap-3">
            <Field id="totp-password" label={t("passwordToDisable")}>
              <Input id="totp-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </Field>
            <div>
              <Button type="submit" variant="destructive" disabled={disable.isPending || !password}>
                {t("disableTotp")}
              </Button>
            </div>
          </form>
        ) : setup ? (
          <form onSubmit={submitCode} className="grid gap-4 sm:grid-cols-[200px_1fr]">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
            <img src={setup.qrDataUrl} alt={t("qrAlt")} width={200} height={200} className="rounded-md border bg-white" />
            <div className="grid content-start gap-3">
              <p className="text-sm">{t("scanText")}</p>
              <code className="bg-muted rounded px-2 py-1 text-xs break-all" data-testid="totp-secret">
                {setup.secret}
              </code>
              <Field id="totp-code" label={t("code")}>
                <Input id="totp-code" inputMode="numeric" maxLength={6} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))} />
              </Field>
              <div>
                <Button type="submit" disabled={confirm.isPending || code.length !== 6}>
                  {t("confirmTotp")}
                </Button>
              </div>
            </div>
          </form>
        ) : (
          <Button onClick={() => begin.mutate()} disabled={begin.isPending} data-testid="enable-totp">
            <ShieldCheck className="size-4" />
            {t("enableTotp")}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
