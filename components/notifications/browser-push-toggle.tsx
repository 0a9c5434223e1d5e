"use client";
import { TRPCClientError } from "@trpc/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BellRing } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

const SERVICE_WORKER = "/push-sw.js";

/** The VAPID public key (base64url) as the bytes pushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

type Support = "checking" | "unsupported" | "denied" | "ready";

const noChanges = () => () => {};

function pushSupport(): Support {
  if (typeof window === "undefined") return "checking";
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return "unsupported";
  return Notification.permission === "denied" ? "denied" : "ready";
}

/** This browser's push switch: asks the browser's permission, subscribes with our VAPID key and tells the server; off unsubscribes both. */
export function BrowserPushToggle({ impersonating }: { impersonating: boolean }) {
  const t = useTranslations("notifications.push");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // What the browser can do is read on the client only; the server renders "checking".
  const browserSupport = useSyncExternalStore(noChanges, pushSupport, () => "checking" as const);
  const [refused, setRefused] = useState(false);
  const support: Support = refused ? "denied" : browserSupport;
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (pushSupport() === "unsupported") return;
    void navigator.serviceWorker
      .getRegistration("/")
      .then((registration) => registration?.pushManager.getSubscription())
      .then((subscription) => setEndpoint(subscription?.endpoint ?? null))
      .catch(() => setEndpoint(null));
  }, []);

  const state = useQuery(trpc.notifications.pushState.queryOptions({ endpoint: endpoint ?? undefined }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pushState.queryKey() });
  const subscribe = useMutation(trpc.notifications.subscribePush.mutationOptions());
  const unsubscribe = useMutation(trpc.notifications.unsubscribePush.mutationOptions());

  async function switchOn(publicKey: string) {
    setBusy(true);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setRefused(permission === "denied");
        toast.error(t("notGranted"));
        return;
      }
      const registration = await navigator.serviceWorker.register(SERVICE_WORKER, { scope: "/" });
      await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
      const json = subscription.toJSON();
      await subscribe.mutateAsync({ endpoint: subscription.endpoint, keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" } });
      setEndpoint(subscription.endpoint);
      toast.success(t("switchedOn"));
    } catch (error) {
      // The browser's own push service may be unreachable (offline, blocked by a firewall): say so, change nothing.
      toast.error(error instanceof TRPCClientError ? formErrorOf(error).message : t("browserFailed", { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  async function switchOff() {
    if (!endpoint) return;
    setBusy(true);
    try {
      const registration = await navigator.serviceWorker.getRegistration("/");
      const subscription = await registration?.pushManager.getSubscription();
      await unsubscribe.mutateAsync({ endpoint });
      await subscription?.unsubscribe();
      setEndpoint(null);
      toast.success(t("switchedOff"));
    } catch (error) {
      toast.error(formErrorOf(error).message);
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  const data = state.data;
  const onHere = Boolean(data?.thisBrowser);
  let hint: string;
  if (!data || support === "checking") hint = t("checking");
  else if (!data.enabled) hint = t("notConfigured");
  else if (support === "unsupported") hint = t("unsupported");
  else if (support === "denied") hint = t("denied");
  else if (impersonating) hint = t("impersonating");
  else hint = onHere ? t("onHere") : t("offHere");

  return (
    <div className="mb-4 flex flex-wrap items-center gap-3 rounded-md border p-3" data-testid="browser-push">
      <BellRing className="text-muted-foreground size-5 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {t("title")}
          <Badge variant={onHere ? "default" : "secondary"} data-testid="browser-push-status">
            {onHere ? t("on") : t("off")}
          </Badge>
          {data && data.devices > 0 && <span className="text-muted-foreground text-xs font-normal">{t("devices", { count: data.devices })}</span>}
        </div>
        <p className="text-muted-foreground text-xs">{hint}</p>
      </div>
      {data?.enabled && support === "ready" && !impersonating && (
        onHere ? (
          <Button variant="outline" size="sm" disabled={busy} onClick={() => void switchOff()} data-testid="browser-push-off">
            {t("switchOff")}
          </Button>
        ) : (
          <Button size="sm" disabled={busy || !data.publicKey} onClick={() => data.publicKey && void switchOn(data.publicKey)} data-testid="browser-push-on">
            {t("switchOn")}
          </Button>
        )
      )}
    </div>
  );
}
