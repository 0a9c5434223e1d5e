"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { FeedInput } from "@/server/domain/feeds/feeds";

export interface FeedOptions {
  priceTypes: Array<{ id: string; name: string; currency: string }>;
  brands: Array<{ id: string; name: string }>;
  sections: Array<{ id: string; name: string; depth: number }>;
}

type FormState = Required<Omit<FeedInput, "everyMinutes">> & { everyMinutes: number | null };

const NONE = "none";
const SCHEDULES = [60, 360, 1440];

function Choices({ label, items, chosen, onChange, testId }: { label: string; items: Array<{ id: string; name: string; depth?: number }>; chosen: string[]; onChange: (ids: string[]) => void; testId: string }) {
  return (
    <div className="space-y-2">
      <Label>{label}</Label>
      <div className="max-h-40 space-y-1 overflow-y-auto rounded-md border p-2" data-testid={testId}>
        {items.map((item) => (
          <label key={item.id} className="flex items-center gap-2 text-sm" style={{ paddingLeft: `${(item.depth ?? 0) * 1}rem` }}>
            <Checkbox checked={chosen.includes(item.id)} onCheckedChange={(on) => onChange(on === true ? [...chosen, item.id] : chosen.filter((id) => id !== item.id))} />
            {item.name}
          </label>
        ))}
      </div>
    </div>
  );
}

/** Create or edit a feed: format, shop header, price type, brand and section filters, schedule. */
export function FeedFormDialog({ open, onOpenChange, options, initial, saving, onSave }: { open: boolean; onOpenChange: (open: boolean) => void; options: FeedOptions; initial: FormState | null; saving: boolean; onSave: (feed: FormState) => void }) {
  const t = useTranslations("feeds");
  const [form, setForm] = useState<FormState>(
    initial ?? { name: "", format: "yml", shopName: "", companyName: "", shopUrl: "https://", title: "", description: "", idField: "sku", priceTypeId: options.priceTypes[0]?.id ?? "", brandIds: [], categoryIds: [], everyMinutes: null },
  );
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  const text = (key: "name" | "shopName" | "companyName" | "shopUrl" | "title", label: string) => (
    <div className="space-y-2">
      <Label htmlFor={`feed-${key}`}>{label}</Label>
      <Input id={`feed-${key}`} value={form[key]} onChange={(e) => set(key, e.target.value)} required />
    </div>
  );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{initial ? t("edit") : t("add")}</DialogTitle>
        </DialogHeader>
        <form
          className="grid gap-4 md:grid-cols-2"
          onSubmit={(event) => {
            event.preventDefault();
            onSave(form);
          }}
        >
          {text("name", t("name"))}
          <div className="space-y-2">
            <Label>{t("format")}</Label>
            <Select value={form.format} onValueChange={(value) => set("format", value as FormState["format"])}>
              <SelectTrigger className="w-full" data-testid="feed-format">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="yml">{t("formats.yml")}</SelectItem>
                <SelectItem value="google">{t("formats.google")}</SelectItem>
              </SelectContent>
            </Select>
          </div>
          {text("shopName", t("shopName"))}
          {text("companyName", t("companyName"))}
          {text("shopUrl", t("shopUrl"))}
          {text("title", t("feedTitle"))}
          <div className="space-y-2 md:col-span-2">
            <Label htmlFor="feed-description">{t("description")}</Label>
            <Textarea id="feed-description" rows={2} value={form.description} onChange={(e) => set("description", e.target.value)} />
          </div>
          <div className="space-y-2">
            <Label>{t("priceType")}</Label>
            <Select value={form.priceTypeId} onValueChange={(value) => set("priceTypeId", value)}>
              <SelectTrigger className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {options.priceTypes.map((p) => (
                  <SelectItem key={p.id} value={p.id}>
                    {p.name} ({p.currency})
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="space-y-2">
              <Label>{t("idField")}</Label>
              <Select value={form.idField} onValueChange={(value) => set("idField", value as FormState["idField"])}>
                <SelectTrigger className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="sku">{t("idFields.sku")}</SelectItem>
                  <SelectItem value="id">{t("idFields.id")}</SelectItem>
                </SelectContent>
              </Select>
            </div>
            <div className="space-y-2">
              <Label>{t("schedule")}</Label>
              <Select value={form.everyMinutes ? String(form.everyMinutes) : NONE} onValueChange={(value) => set("everyMinutes", value === NONE ? null : Number(value))}>
                <SelectTrigger className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={NONE}>{t("scheduleNone")}</SelectItem>
                  {SCHEDULES.map((m) => (
                    <SelectItem key={m} value={String(m)}>
                      {t("scheduleMinutes", { count: m })}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
          </div>
          <Choices label={t("brands")} items={options.brands} chosen={form.brandIds} onChange={(ids) => set("brandIds", ids)} testId="feed-brands" />
          <Choices label={t("sections")} items={options.sections} chosen={form.categoryIds} onChange={(ids) => set("categoryIds", ids)} testId="feed-sections" />
          <DialogFooter className="md:col-span-2">
            <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={saving} data-testid="feed-save">
              {t("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
