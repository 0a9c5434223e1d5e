"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Building2, Check, ChevronDown, Crown } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

/**
 * The buyer's topbar switcher (002 "Мультикомпании"): which company he works for now. Switching
 * refetches everything on screen (prices, discounts and terms follow the company; carts stay).
 */
export function CompanySwitcher() {
  const t = useTranslations("companies.switcher");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const mine = useQuery(trpc.buyerAccount.companies.queryOptions());
  const switchTo = useMutation(
    trpc.buyerAccount.setActiveCompany.mutationOptions({
      onSuccess: async (result) => {
        queryClient.setQueryData(trpc.buyerAccount.companies.queryKey(), result);
        const name = result.companies.find((c) => c.isActive)?.name ?? "";
        toast.success(t("switched", { name }));
        // Every query may depend on the active company: refetch them all, and the server-rendered parts too.
        await queryClient.invalidateQueries();
        router.refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const companies = mine.data?.companies ?? [];
  const active = companies.find((c) => c.isActive);
  if (mine.isPending) return <div className="bg-muted h-9 w-40 animate-pulse rounded-md" />;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="h-auto max-w-72 gap-2 px-2 py-1.5" data-testid="company-switcher" aria-label={t("label")} disabled={companies.length === 0}>
          <span className="bg-primary/10 text-primary grid size-8 shrink-0 place-items-center rounded-md">
            <Building2 className="size-4" />
          </span>
          <span className="hidden min-w-0 text-left sm:block">
            <span className="text-muted-foreground block text-[11px] leading-tight">{t("label")}</span>
            <span className="block truncate text-sm font-medium" data-testid="active-company-name">
              {active?.name ?? t("none")}
            </span>
          </span>
          {companies.length > 1 && <ChevronDown className="text-muted-foreground size-4" />}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80">
        <DropdownMenuLabel>{t("choose")}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {companies.map((c) => (
          <DropdownMenuItem key={c.companyId} disabled={switchTo.isPending} onSelect={() => !c.isActive && switchTo.mutate({ companyId: c.companyId })} data-testid="company-option" data-active={c.isActive} className="items-start gap-2">
            <Check className={c.isActive ? "text-primary mt-0.5 size-4" : "invisible mt-0.5 size-4"} />
            <div className="min-w-0 flex-1">
              <div className="truncate font-medium">{c.name}</div>
              <div className="text-muted-foreground text-xs">
                {c.inn}
                {c.holdingName ? ` · ${c.holdingName}` : ""}
                {c.isDefault ? ` · ${t("default")}` : ""}
              </div>
            </div>
            {c.isOwner && <Crown className="text-warning mt-0.5 size-4" aria-label={t("owner")} />}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
