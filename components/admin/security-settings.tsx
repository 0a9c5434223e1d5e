"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";

export function SecuritySettings() {
  const t = useTranslations("security");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.settings.security.queryOptions());
  const save = useMutation(
    trpc.settings.setSecurity.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.settings.security.queryKey() });
        toast.success(t("saved"));
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <Card className="max-w-2xl">
      <CardHeader>
        <CardTitle>{t("loginTitle")}</CardTitle>
        <CardDescription>{t("loginText")}</CardDescription>
      </CardHeader>
      <CardContent>
        {settings.data ? (
          <div className="flex items-center justify-between gap-4 rounded-md border p-4">
            <div>
              <Label htmlFor="require-admin-totp">{t("requireAdminTotp")}</Label>
              <p className="text-muted-foreground mt-1 text-sm">{t("requireAdminTotpText")}</p>
            </div>
            <Switch
              id="require-admin-totp"
              checked={settings.data.requireAdminTotp}
              disabled={save.isPending}
              onCheckedChange={(value) => save.mutate({ requireAdminTotp: value })}
            />
          </div>
        ) : (
          <Skeleton className="h-20 w-full" />
        )}
      </CardContent>
    </Card>
  );
}
