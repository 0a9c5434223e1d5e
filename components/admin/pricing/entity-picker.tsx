"use client";
import { useQuery } from "@tanstack/react-query";
import { ChevronsUpDown, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";

export type LookupKind = "category" | "brand" | "company" | "holding" | "region" | "contract";
export interface Picked {
  id: string;
  label: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** A searchable picker over the server's lookup (categories show where they sit in the tree). */
export function EntityPicker({ id, kind, value, onChange, placeholder, allowClear = true }: { id: string; kind: LookupKind; value: Picked | null; onChange: (value: Picked | null) => void; placeholder?: string; allowClear?: boolean }) {
  const t = useTranslations("pricing.picker");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const query = useDebounced(q, 200);
  const options = useQuery({ ...trpc.pricing.lookup.queryOptions({ kind, q: query, limit: 30 }), enabled: open });
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <div className="flex gap-1">
        <PopoverTrigger asChild>
          <Button id={id} type="button" variant="outline" className="w-full justify-between font-normal" data-testid={`picker-${id}`}>
            <span className={value ? "truncate" : "text-muted-foreground truncate"}>{value?.label ?? placeholder ?? t("placeholder")}</span>
            <ChevronsUpDown className="size-4 opacity-50" />
          </Button>
        </PopoverTrigger>
        {allowClear && value && (
          <Button type="button" size="icon" variant="ghost" onClick={() => onChange(null)} aria-label={t("clear")} title={t("clear")}>
            <X className="size-4" />
          </Button>
        )}
      </div>
      <PopoverContent className="w-80 p-2" align="start">
        <Input autoFocus placeholder={t("search")} value={q} onChange={(e) => setQ(e.target.value)} data-testid={`picker-${id}-search`} />
        <div className="mt-2 max-h-64 overflow-y-auto" role="listbox">
          {options.data?.length === 0 && <p className="text-muted-foreground p-2 text-sm">{t("nothing")}</p>}
          {options.data?.map((option) => (
            <button
              key={option.id}
              type="button"
              role="option"
              aria-selected={value?.id === option.id}
              className="hover:bg-accent aria-selected:bg-primary/10 flex w-full flex-col items-start rounded px-2 py-1.5 text-left text-sm"
              onClick={() => {
                onChange({ id: option.id, label: option.label });
                setOpen(false);
              }}
              data-testid="picker-option"
            >
              <span>{option.label}</span>
              {option.hint && <span className="text-muted-foreground text-xs">{option.hint}</span>}
            </button>
          ))}
        </div>
      </PopoverContent>
    </Popover>
  );
}
