"use client";
import { Minus, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { normalizeQuantity, stepQuantity, type QuantityRule } from "@/server/domain/catalog/quantity";

/** −/+ with a typed value that snaps (on blur) to the unit's minimum and multiple. */
export function QuantityStepper({ value, rule, onChange }: { value: number; rule: QuantityRule; onChange: (value: number) => void }) {
  const t = useTranslations("catalog.card");
  // What the buyer is typing, until it is committed (blur / Enter) and snapped to the rule.
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    onChange(normalizeQuantity(Number(draft.replace(",", ".")), rule));
    setDraft(null);
  };
  return (
    <div className="flex items-center" data-testid="quantity-stepper">
      <Button type="button" variant="outline" size="icon" className="rounded-r-none" onClick={() => onChange(stepQuantity(value, rule, -1))} aria-label={t("decrease")} data-testid="qty-decrease">
        <Minus className="size-4" />
      </Button>
      <Input
        className="h-9 w-20 rounded-none border-x-0 text-center tabular-nums"
        inputMode="decimal"
        value={draft ?? String(value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
        aria-label={t("quantity")}
        data-testid="qty-input"
      />
      <Button type="button" variant="outline" size="icon" className="rounded-l-none" onClick={() => onChange(stepQuantity(value, rule, 1))} aria-label={t("increase")} data-testid="qty-increase">
        <Plus className="size-4" />
      </Button>
    </div>
  );
}
