"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";

/** The admin's setting for buyers' catalog API keys: their lifetime in days. */
export function ApiSettings() {
  const t = useTranslations("catalogApi.settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.settings.api.queryOptions());
  const save = useMutation(
    trpc.settings.setApi.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({
          queryKey: trpc.settings.api.queryKey(),
        });
        toast.success(t("saved"));
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <Card className="mt-6 max-w-2xl">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("lifetimeHint")}</CardDescription>
      </CardHeader>
      <CardContent>
        {settings.data ? (
          <LifetimeForm
            key={settings.data.keyLifetimeDays}
            initial={settings.data.keyLifetimeDays}
            saving={save.isPending}
            onSave={(keyLifetimeDays) => save.mutate({ keyLifetimeDays })}
          />
        ) : (
          <Skeleton className="h-16 w-full" />
        )}
      </CardContent>
    </Card>
  );
}

function LifetimeForm({
  initial,
  saving,
  onSave,
}: {
  initial: number;
  saving: boolean;
  onSave: (days: number) => void;
}) {
  const t = useTranslations("catalogApi.settings");
  const [days, setDays] = useState(String(initial));
  return (
    <form
      className="flex items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(Number(days));
      }}
    >
      <div className="space-y-2">
        <Label htmlFor="api-key-lifetime">{t("lifetime")}</Label>
        <Input
          id="api-key-lifetime"
          type="number"
          min={1}
          max={365}
          className="w-32"
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </div>
      <Button type="submit" disabled={saving}>
        {t("save")}
      </Button>
    </form>
  );
}
