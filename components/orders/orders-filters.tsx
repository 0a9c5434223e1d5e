"use client";
import { useQuery } from "@tanstack/react-query";
import { RotateCcw, Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { CALL_CENTER_STATUSES, PAYMENT_METHODS } from "@/server/domain/orders/order-statuses";
import type { OrdersUrlState } from "./url-state";

const ANY = "any";

function FilterSelect({ id, label, value, onChange, options, anyLabel }: { id: string; label: string; value?: string; onChange: (value?: string) => void; options: Array<{ value: string; label: string }>; anyLabel: string }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id} className="text-muted-foreground text-xs">
        {label}
      </Label>
      <Select value={value ?? ANY} onValueChange={(next) => onChange(next === ANY ? undefined : next)}>
        <SelectTrigger id={id} className="w-44" data-testid={id}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ANY}>{anyLabel}</SelectItem>
          {options.map((option) => (
            <SelectItem key={option.value} value={option.value}>
              {option.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}

/** Search box (debounced) and the filter row; every change goes to the URL and back to page one. */
export function OrdersFilters({ state, onChange, operator }: { state: OrdersUrlState; onChange: (patch: Partial<OrdersUrlState>) => void; operator: boolean }) {
  const t = useTranslations("orders");
  const trpc = useTRPC();
  const options = useQuery(trpc.orders.filterOptions.queryOptions());
  const [search, setSearch] = useState(state.q ?? "");
  const [seenQ, setSeenQ] = useState(state.q);
  // Follow the URL when it changes from outside (reset, back button), not while the user types.
  if (seenQ !== state.q) {
    setSeenQ(state.q);
    if (state.q === undefined || !search.trim()) setSearch(state.q ?? "");
  }
  useEffect(() => {
    if ((state.q ?? "") === search.trim()) return;
    const timer = setTimeout(() => onChange({ q: search.trim() || undefined }), 350);
    return () => clearTimeout(timer);
  }, [search, state.q, onChange]);
  const [country, setCountry] = useState(state.country ?? "");
  const [seenCountry, setSeenCountry] = useState(state.country);
  if (seenCountry !== state.country) {
    setSeenCountry(state.country);
    setCountry(state.country ?? "");
  }

  const sortValue = `${state.sort === "total" ? "total" : "created"}:${state.dir ?? "desc"}`;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="relative min-w-72 flex-1">
        <Search className="text-muted-foreground absolute top-2.5 left-3 size-4" />
        <Input className="pl-9" placeholder={t("search")} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="orders-search" aria-label={t("search")} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="orders-from" className="text-muted-foreground text-xs">
          {t("filters.from")}
        </Label>
        <Input id="orders-from" type="date" className="w-40" value={state.from ?? ""} onChange={(e) => onChange({ from: e.target.value || undefined })} data-testid="orders-from" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="orders-to" className="text-muted-foreground text-xs">
          {t("filters.to")}
        </Label>
        <Input id="orders-to" type="date" className="w-40" value={state.to ?? ""} onChange={(e) => onChange({ to: e.target.value || undefined })} data-testid="orders-to" />
      </div>
      <FilterSelect id="orders-shop" label={t("filters.shop")} anyLabel={t("filters.any")} value={state.shop} onChange={(shop) => onChange({ shop })} options={(options.data?.shops ?? []).map((s) => ({ value: s.id, label: s.name }))} />
      <div className="grid gap-1.5">
        <Label htmlFor="orders-country" className="text-muted-foreground text-xs">
          {t("filters.country")}
        </Label>
        <Input
          id="orders-country"
          className="w-24 uppercase"
          maxLength={2}
          placeholder={t("filters.countryPlaceholder")}
          value={country}
          onChange={(e) => {
            const next = e.target.value.replace(/[^A-Za-z]/g, "").toUpperCase();
            setCountry(next);
            if (next.length === 2 || next.length === 0) onChange({ country: next || undefined });
          }}
          data-testid="orders-country"
        />
      </div>
      <FilterSelect id="orders-payment" label={t("filters.paymentMethod")} anyLabel={t("filters.any")} value={state.pm} onChange={(pm) => onChange({ pm: pm as OrdersUrlState["pm"] })} options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`paymentMethod.${m}`) }))} />
      {!operator && (
        <FilterSelect id="orders-processor" label={t("filters.processor")} anyLabel={t("filters.any")} value={state.processor} onChange={(processor) => onChange({ processor })} options={(options.data?.processors ?? []).map((p) => ({ value: p.id, label: p.name }))} />
      )}
      {!operator && (
        <FilterSelect id="orders-cc" label={t("filters.callCenterStatus")} anyLabel={t("filters.any")} value={state.cc} onChange={(cc) => onChange({ cc: cc as OrdersUrlState["cc"] })} options={CALL_CENTER_STATUSES.map((s) => ({ value: s, label: t(`callCenterStatus.${s}`) }))} />
      )}
      {!operator && (
        <div className="grid gap-1.5">
          <Label htmlFor="orders-sort" className="text-muted-foreground text-xs">
            {t("filters.sort")}
          </Label>
          <Select
            value={sortValue}
            onValueChange={(value) => {
              const [sort, dir] = value.split(":") as ["created" | "total", "asc" | "desc"];
              onChange({ sort, dir });
            }}
          >
            <SelectTrigger id="orders-sort" className="w-44" data-testid="orders-sort">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="created:desc">{t("filters.sortCreatedDesc")}</SelectItem>
              <SelectItem value="created:asc">{t("filters.sortCreatedAsc")}</SelectItem>
              <SelectItem value="total:desc">{t("filters.sortTotalDesc")}</SelectItem>
              <SelectItem value="total:asc">{t("filters.sortTotalAsc")}</SelectItem>
            </SelectContent>
          </Select>
        </div>
      )}
      <Button variant="ghost" onClick={() => onChange({ q: undefined, from: undefined, to: undefined, shop: undefined, country: undefined, pm: undefined, processor: undefined, cc: undefined, sort: undefined, dir: undefined })} data-testid="orders-reset">
        <RotateCcw className="size-4" />
        {t("filters.reset")}
      </Button>
    </div>
  );
}
