import { UserRoundCheck } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { endImpersonationAction } from "./actions";

/** Shown on every buyer page while a staff user is logged in as the client: who, for which company, and the way back. */
export async function ImpersonationBanner({ buyerName, companyName, staffName }: { buyerName: string; companyName: string; staffName: string }) {
  const t = await getTranslations("impersonation");
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" role="status" data-testid="impersonation-banner">
      <UserRoundCheck className="size-4 shrink-0" />
      <span className="flex-1">{t("banner", { buyer: buyerName, company: companyName, staff: staffName })}</span>
      <form action={endImpersonationAction}>
        <Button type="submit" size="sm" variant="outline" data-testid="impersonation-back">
          {t("back")}
        </Button>
      </form>
    </div>
  );
}
