"use client";
import { X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import type { Badge } from "@/db/schema/catalog";
import type { Facets, FacetValue, RangeFacet } from "@/server/domain/catalog/list-products";

const VISIBLE_VALUES = 6;

function FacetGroup({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <fieldset className="border-b pb-3 last:border-b-0" data-testid={testId}>
      <legend className="mb-2 text-sm font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

function ValueList({ values, onToggle, name }: { values: FacetValue[]; onToggle: (id: string, on: boolean) => void; name: string }) {
  const t = useTranslations("catalog.filters");
  const format = useFormatter();
  const [all, setAll] = useState(false);
  const shown = all ? values : values.slice(0, VISIBLE_VALUES);
  return (
    <div className="space-y-1.5">
      {shown.map((v) => {
        const id = `facet-${v.id}`;
        return (
          <label key={v.id} htmlFor={id} className="flex cursor-pointer items-center gap-2 text-sm" data-testid="facet-value" data-count={v.count}>
            <Checkbox id={id} checked={v.selected} onCheckedChange={(c) => onToggle(v.id, c === true)} disabled={v.count === 0 && !v.selected} aria-label={`${name}: ${v.label}`} />
            <span className={v.count === 0 && !v.selected ? "text-muted-foreground flex-1 truncate" : "flex-1 truncate"}>{v.label}</span>
            <span className="text-muted-foreground text-xs tabular-nums" data-testid="facet-count">
              {format.number(v.count)}
            </span>
          </label>
        );
      })}
      {values.length > VISIBLE_VALUES && (
        <button type="button" className="text-primary text-xs hover:underline" onClick={() => setAll(!all)}>
          {all ? t("showLess") : t("showMore", { count: values.length })}
        </button>
      )}
    </div>
  );
}

function RangeInputs({ facet, onChange }: { facet: RangeFacet; onChange: (min?: number, max?: number) => void }) {
  const t = useTranslations("catalog.filters");
  const format = useFormatter();
  const [min, setMin] = useState(facet.selectedMin?.toString() ?? "");
  const [max, setMax] = useState(facet.selectedMax?.toString() ?? "");
  const parse = (v: string) => (v.trim() === "" || !Number.isFinite(Number(v.replace(",", "."))) ? undefined : Number(v.replace(",", ".")));
  return (
    <form
      className="grid grid-cols-2 gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onChange(parse(min), parse(max));
      }}
    >
      <Input className="h-8" inputMode="decimal" placeholder={`${t("min")} ${format.number(facet.min)}`} value={min} onChange={(e) => setMin(e.target.value)} aria-label={`${facet.name} ${t("min")}`} />
      <Input className="h-8" inputMode="decimal" placeholder={`${t("max")} ${format.number(facet.max)}`} value={max} onChange={(e) => setMax(e.target.value)} aria-label={`${facet.name} ${t("max")}`} />
      <Button type="submit" size="sm" variant="outline" className="col-span-2">
        {t("apply")}
      </Button>
    </form>
  );
}

export interface FacetActions {
  toggleValue: (id: string, on: boolean) => void;
  toggleBrand: (id: string, on: boolean) => void;
  toggleBadge: (badge: Badge, on: boolean) => void;
  setStock: (on: boolean) => void;
  setRange: (kindId: string, min?: number, max?: number) => void;
  clear: () => void;
}

/** Facet filters with counts for the current selection (each facet's counts ignore its own selection). */
export function FacetFilters({ facets, actions, filtered }: { facets: Facets; actions: FacetActions; filtered: boolean }) {
  const t = useTranslations("catalog");
  const format = useFormatter();
  return (
    <div className="space-y-3" data-testid="facets">
      {filtered && (
        <Button variant="ghost" size="sm" className="w-full justify-start" onClick={actions.clear} data-testid="clear-filters">
          <X className="size-4" />
          {t("filters.clear")}
        </Button>
      )}
      <FacetGroup title={t("filters.stock")}>
        <label htmlFor="facet-stock" className="flex cursor-pointer items-center gap-2 text-sm" data-testid="facet-stock">
          <Checkbox id="facet-stock" checked={facets.inStock.selected} onCheckedChange={(c) => actions.setStock(c === true)} />
          <span className="flex-1">{t("filters.inStock")}</span>
          <span className="text-muted-foreground text-xs tabular-nums">{format.number(facets.inStock.count)}</span>
        </label>
      </FacetGroup>
      {facets.badges.length > 0 && (
        <FacetGroup title={t("filters.badges")}>
          <ValueList name={t("filters.badges")} values={facets.badges.map((b) => ({ id: b.badge, label: t(`badges.${b.badge}`), count: b.count, selected: b.selected }))} onToggle={(id, on) => actions.toggleBadge(id as Badge, on)} />
        </FacetGroup>
      )}
      {facets.brands.length > 0 && (
        <FacetGroup title={t("filters.brands")} testId="facet-brands">
          <ValueList name={t("filters.brands")} values={facets.brands} onToggle={actions.toggleBrand} />
        </FacetGroup>
      )}
      {facets.enums.map((f) => (
        <FacetGroup key={f.kindId} title={f.unit ? `${f.name}, ${f.unit}` : f.name} testId="facet-enum">
          <ValueList name={f.name} values={f.values} onToggle={actions.toggleValue} />
        </FacetGroup>
      ))}
      {facets.ranges.map((f) => (
        <FacetGroup key={`${f.kindId}-${f.selectedMin ?? ""}-${f.selectedMax ?? ""}`} title={f.unit ? `${f.name}, ${f.unit}` : f.name} testId="facet-range">
          <RangeInputs facet={f} onChange={(min, max) => actions.setRange(f.kindId, min, max)} />
        </FacetGroup>
      ))}
    </div>
  );
}
