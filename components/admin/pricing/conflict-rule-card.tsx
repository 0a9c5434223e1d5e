"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The admin's answer to "a line qualifies for several discounts": largest wins, or priority order. */
export function ConflictRuleCard() {
  const t = useTranslations("pricing.conflict");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.pricing.conflictRule.queryOptions());
  const save = useMutation(
    trpc.pricing.setConflictRule.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.pricing.conflictRule.queryKey() });
        toast.success(t("saved"));
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <Card className="max-w-3xl">
      <CardHeader className="border-b">
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("intro")}</CardDescription>
      </CardHeader>
      <CardContent className="pt-4">
        {current.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <div className="grid gap-3" role="radiogroup" data-testid="conflict-rule">
            {(["largest", "priority"] as const).map((rule) => {
              const checked = current.data?.rule === rule;
              return (
                <label key={rule} className={`flex cursor-pointer gap-3 rounded-md border p-3 ${checked ? "border-primary bg-primary/5" : ""}`} data-testid={`conflict-${rule}`}>
                  <input type="radio" name="conflict" className="accent-primary mt-1" checked={checked} disabled={save.isPending} onChange={() => save.mutate({ rule })} />
                  <span>
                    <span className="block font-medium">{t(rule)}</span>
                    <span className="text-muted-foreground block text-sm">{t(`${rule}Hint`)}</span>
                  </span>
                </label>
              );
            })}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
