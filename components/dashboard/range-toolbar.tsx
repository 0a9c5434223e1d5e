"use client";
import { CalendarDays } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { RANGE_PRESETS, type RangePreset } from "@/server/domain/dashboard/date-range";
import type { DashboardFormat } from "./use-dashboard-format";

export interface RangeChoice {
  preset: RangePreset;
  from?: string;
  to?: string;
}

/** Velzon's range buttons (This month, 7D, 1M, 3M, 6M, 1Y) and a custom range in a popover. */
export function RangeToolbar({
  value,
  resolved,
  onChange,
  format,
}: {
  value: RangeChoice;
  resolved: { from: string; to: string } | null;
  onChange: (choice: RangeChoice) => void;
  format: DashboardFormat;
}) {
  const t = useTranslations("dashboard");
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(value.from ?? resolved?.from ?? "");
  const [to, setTo] = useState(value.to ?? resolved?.to ?? "");
  const invalid = Boolean(from && to && from > to);

  function apply(event: FormEvent) {
    event.preventDefault();
    if (!from || !to || invalid) return;
    setOpen(false);
    onChange({ preset: "custom", from, to });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {resolved && (
        <span className="text-muted-foreground hidden items-center gap-1.5 text-sm md:flex" data-testid="dashboard-range-label">
          <CalendarDays className="size-4" />
          {format.dayLong(resolved.from)} – {format.dayLong(resolved.to)}
        </span>
      )}
      <div role="group" aria-label={t("rangeLabel")} className="bg-card flex overflow-hidden rounded-md border shadow-xs">
        {RANGE_PRESETS.filter((p) => p !== "custom").map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={value.preset === preset}
            data-testid={`range-${preset}`}
            onClick={() => onChange({ preset })}
            className={cn(
              "border-r px-3 py-1.5 text-xs font-medium transition-colors last:border-r-0",
              value.preset === preset ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:bg-accent hover:text-accent-foreground",
            )}
          >
            {t(`presets.${preset}`)}
          </button>
        ))}
      </div>
      <Popover
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) {
            setFrom(value.from ?? resolved?.from ?? "");
            setTo(value.to ?? resolved?.to ?? "");
          }
        }}
      >
        <PopoverTrigger asChild>
          <Button variant={value.preset === "custom" ? "default" : "outline"} size="sm" data-testid="range-custom" aria-pressed={value.preset === "custom"}>
            <CalendarDays />
            {t("presets.custom")}
          </Button>
        </PopoverTrigger>
        <PopoverContent align="end" className="w-72">
          <form onSubmit={apply} className="grid gap-3" data-testid="custom-range-form">
            <div className="text-sm font-medium">{t("custom.title")}</div>
            <div className="grid grid-cols-2 gap-2">
              <div className="grid gap-1.5">
                <Label htmlFor="dashboard-from">{t("custom.from")}</Label>
                <Input id="dashboard-from" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} required />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="dashboard-to">{t("custom.to")}</Label>
                <Input id="dashboard-to" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} required />
              </div>
            </div>
            {invalid && <p className="text-destructive text-xs">{t("custom.invalid")}</p>}
            <Button type="submit" size="sm" disabled={!from || !to || invalid}>
              {t("custom.apply")}
            </Button>
          </form>
        </PopoverContent>
      </Popover>
    </div>
  );
}
