"use client";
import { Eye, EyeOff, Loader2 } from "lucide-react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type Refusal = "invalid" | "throttled_account" | "throttled_ip" | "inactive" | "totp_required" | "totp_invalid";
const REFUSALS: readonly Refusal[] = ["invalid", "throttled_account", "throttled_ip", "inactive", "totp_required", "totp_invalid"];

/** The server answers "<reason>:<retry-after seconds>"; anything else is an unexpected failure. */
function parseError(code: string): { reason: Refusal | "unknown"; minutes: number } {
  const [reason = "", seconds = ""] = decodeURIComponent(code).split(":");
  const known = (REFUSALS as readonly string[]).includes(reason) ? (reason as Refusal) : "unknown";
  return { reason: known, minutes: Math.max(1, Math.ceil(Number(seconds || 0) / 60)) };
}

export function LoginForm() {
  const t = useTranslations("login");
  const router = useRouter();
  const [identifier, setIdentifier] = useState("");
  const [password, setPassword] = useState("");
  const [otp, setOtp] = useState("");
  const [remember, setRemember] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const [needOtp, setNeedOtp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      identifier,
      password,
      otp: needOtp ? otp : "",
      remember: String(remember),
    }).catch(() => undefined);
    setPending(false);
    if (result?.ok && !result.error) {
      router.replace("/");
      router.refresh();
      return;
    }
    const { reason, minutes } = parseError(result?.error ?? "unknown");
    if (reason === "totp_required") {
      setNeedOtp(true);
      setError(t("errors.totp_required"));
      return;
    }
    setError(reason === "unknown" ? t("errors.unknown") : t(`errors.${reason}`, { minutes }));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && (
        <Alert variant="destructive" role="alert" data-testid="login-error">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      <div className="space-y-2">
        <Label htmlFor="identifier">{t("identifier")}</Label>
        <Input
          id="identifier"
          name="identifier"
          autoComplete="username"
          placeholder={t("identifierPlaceholder")}
          value={identifier}
          onChange={(e) => setIdentifier(e.target.value)}
          required
          autoFocus
        />
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">{t("password")}</Label>
        <div className="relative">
          <Input
            id="password"
            name="password"
            type={showPassword ? "text" : "password"}
            autoComplete="current-password"
            placeholder={t("passwordPlaceholder")}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            className="pr-10"
          />
          <button
            type="button"
            onClick={() => setShowPassword((v) => !v)}
            className="text-muted-foreground hover:text-foreground absolute inset-y-0 right-0 flex w-10 items-center justify-center"
            aria-label={showPassword ? t("hidePassword") : t("showPassword")}
          >
            {showPassword ? <EyeOff className="size-4" /> : <Eye className="size-4" />}
          </button>
        </div>
      </div>
      {needOtp && (
        <div className="space-y-2">
          <Label htmlFor="otp">{t("otp")}</Label>
          <Input
            id="otp"
            name="otp"
            inputMode="numeric"
            autoComplete="one-time-code"
            placeholder="123456"
            maxLength={6}
            value={otp}
            onChange={(e) => setOtp(e.target.value.replace(/\D/g, ""))}
            autoFocus
          />
        </div>
      )}
      <div className="flex items-center gap-2">
        <Checkbox id="remember" checked={remember} onCheckedChange={(v) => setRemember(v === true)} />
        <Label htmlFor="remember" className="font-normal">
          {t("remember")}
        </Label>
      </div>
      <Button type="submit" className="w-full" variant="success" disabled={pending || !identifier || !password}>
        {pending && <Loader2 className="size-4 animate-spin" />}
        {t("submit")}
      </Button>
    </form>
  );
}
