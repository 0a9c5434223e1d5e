"use client";
import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ConflictRuleCard } from "./conflict-rule-card";
import { DiscountRulesTab } from "./discount-rules-tab";
import { MassRulesTab } from "./mass-rules-tab";
import { PriceTypesTab } from "./price-types-tab";
import { TiersTab } from "./tiers-tab";

const TABS = ["types", "discounts", "mass", "tiers", "conflict"] as const;
type Tab = (typeof TABS)[number];

/** The pricing admin: one page, a tab per kind of rule; the tab is in the URL (?tab=) so links and reloads keep it. */
export function PricingAdmin() {
  const t = useTranslations("pricing.tabs");
  const router = useRouter();
  const params = useSearchParams();
  const requested = params.get("tab");
  const tab: Tab = (TABS as readonly string[]).includes(requested ?? "") ? (requested as Tab) : "discounts";
  return (
    <Tabs value={tab} onValueChange={(value) => router.replace(`?tab=${value}`, { scroll: false })} className="gap-4">
      <TabsList className="flex-wrap">
        {TABS.map((value) => (
          <TabsTrigger key={value} value={value} data-testid={`pricing-tab-${value}`}>
            {t(value)}
          </TabsTrigger>
        ))}
      </TabsList>
      <TabsContent value="types">
        <PriceTypesTab />
      </TabsContent>
      <TabsContent value="discounts">
        <DiscountRulesTab />
      </TabsContent>
      <TabsContent value="mass">
        <MassRulesTab />
      </TabsContent>
      <TabsContent value="tiers">
        <TiersTab />
      </TabsContent>
      <TabsContent value="conflict">
        <ConflictRuleCard />
      </TabsContent>
    </Tabs>
  );
}
