"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil, Plus, Power, PowerOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { AdminTableCard } from "@/components/admin/admin-table-card";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { EntityPicker, type LookupKind, type Picked } from "./entity-picker";
import { percentLabel } from "./format";

const TARGETS = ["category", "brand", "category_brand", "sku_list"] as const;
const SCOPES = ["all", "contract", "company", "holding", "region"] as const;
type Target = (typeof TARGETS)[number];
type Scope = (typeof SCOPES)[number];

interface DiscountRow {
  id: string;
  name: string;
  scope: Scope;
  scopeId: string | null;
  scopeName: string | null;
  target: Target;
  categoryId: string | null;
  categoryName: string | null;
  brandId: string | null;
  brandName: string | null;
  skus: string[];
  percent: string;
  priority: number;
  validFrom: string | null;
  validTo: string | null;
  isActive: boolean;
}

export function Validity({ from, to }: { from: string | null; to: string | null }) {
  const t = useTranslations("pricing.common");
  if (!from && !to) return <span className="text-muted-foreground">{t("always")}</span>;
  return (
    <span className="whitespace-nowrap">
      {from ?? "…"} — {to ?? "…"}
    </span>
  );
}

export function DiscountRulesTab() {
  const t = useTranslations("pricing");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [target, setTarget] = useState<Target | "any">("any");
  const [scope, setScope] = useState<Scope | "any">("any");
  const [status, setStatus] = useState<"active" | "inactive" | "any">("active");
  const input = { q: q.trim() || undefined, target: target === "any" ? undefined : target, scope: scope === "any" ? undefined : scope, status, limit: 200 };
  const list = useQuery(trpc.pricing.discountRules.queryOptions(input));
  const [editing, setEditing] = useState<DiscountRow | "new" | null>(null);
  const toggle = useMutation(
    trpc.pricing.setDiscountRuleActive.mutationOptions({
      onSuccess: async (rule) => {
        await queryClient.invalidateQueries({ queryKey: trpc.pricing.discountRules.queryKey() });
        toast.success(rule.isActive ? t("discounts.activated", { name: rule.name }) : t("discounts.deactivated", { name: rule.name }));
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <AdminTableCard
      title={t("discounts.title")}
      description={t("discounts.intro")}
      action={
        <Button variant="success" onClick={() => setEditing("new")} data-testid="add-discount">
          <Plus className="size-4" />
          {t("discounts.add")}
        </Button>
      }
      toolbar={
        <>
          <div className="grid gap-2 md:grid-cols-[2fr_1fr_1fr_1fr]">
            <Input placeholder={t("discounts.search")} value={q} onChange={(e) => setQ(e.target.value)} data-testid="discount-search" />
            <Select value={target} onValueChange={(v) => setTarget(v as Target | "any")}>
              <SelectTrigger className="w-full" data-testid="discount-filter-target">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="any">{t("discounts.allTargets")}</SelectItem>
                {TARGETS.map((v) => (
                  <SelectItem key={v} value={v}>
                    {t(`discounts.targets.${v}`)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <Select value={scope} onValueChange={(v) => setScope(v as Scope | "any")}>
              <SelectTrigger className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="any">{t("discounts.allScopes")}</SelectItem>
                {SCOPES.map((v) => (
                  <SelectItem key={v} value={v}>
                    {t(`discounts.scopes.${v}`)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <Select value={status} onValueChange={(v) => setStatus(v as "active" | "inactive" | "any")}>
              <SelectTrigger className="w-full" data-testid="discount-filter-status">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {(["active", "inactive", "any"] as const).map((v) => (
                  <SelectItem key={v} value={v}>
                    {t(`discounts.statuses.${v}`)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        </>
      }
      tableTestId="discounts-table"
      columns={8}
      loading={list.isPending}
      empty={list.data?.length === 0}
      emptyText={t("discounts.empty")}
      head={
        <>
          <TableHead>{t("common.name")}</TableHead>
          <TableHead>{t("discounts.scope")}</TableHead>
          <TableHead>{t("discounts.target")}</TableHead>
          <TableHead className="text-right">{t("discounts.percent")}</TableHead>
          <TableHead className="text-right">{t("discounts.priority")}</TableHead>
          <TableHead>{t("common.validity")}</TableHead>
          <TableHead>{t("common.status")}</TableHead>
          <TableHead className="text-right">{t("common.actions")}</TableHead>
        </>
      }
      after={<>{editing && <DiscountDialog row={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}</>}
    >
      {list.data?.map((row) => (
        <TableRow key={row.id} data-testid="discount-row" data-name={row.name} className={row.isActive ? undefined : "opacity-60"}>
          <TableCell className="font-medium">{row.name}</TableCell>
          <TableCell className="text-sm">
            <Badge variant={row.scope === "all" ? "secondary" : "outline"}>{t(`discounts.scopes.${row.scope}`)}</Badge> {row.scopeName}
          </TableCell>
          <TableCell className="text-sm">
            <div className="text-muted-foreground text-xs">{t(`discounts.targets.${row.target}`)}</div>
            {row.target === "sku_list" ? (
              <span title={row.skus.join(", ")}>
                {row.skus.slice(0, 3).join(", ")}
                {row.skus.length > 3 && ` … (${t("discounts.skusCount", { count: row.skus.length })})`}
              </span>
            ) : (
              [row.brandName, row.categoryName].filter(Boolean).join(" · ")
            )}
          </TableCell>
          <TableCell className="text-right font-mono">{percentLabel(row.percent)}%</TableCell>
          <TableCell className="text-right font-mono text-xs">{row.priority}</TableCell>
          <TableCell className="text-xs">
            <Validity from={row.validFrom} to={row.validTo} />
          </TableCell>
          <TableCell>{row.isActive ? <Badge variant="success">{t("common.active")}</Badge> : <Badge variant="secondary">{t("common.inactive")}</Badge>}</TableCell>
          <TableCell className="space-x-1 text-right whitespace-nowrap">
            <Button size="icon" variant="ghost" onClick={() => setEditing(row)} aria-label={t("common.edit")} title={t("common.edit")} data-testid="discount-edit">
              <Pencil className="size-4" />
            </Button>
            <Button
              size="icon"
              variant="ghost"
              disabled={toggle.isPending}
              onClick={() => toggle.mutate({ id: row.id, isActive: !row.isActive })}
              aria-label={row.isActive ? t("common.deactivate") : t("common.activate")}
              title={row.isActive ? t("common.deactivate") : t("common.activate")}
              data-testid="discount-toggle"
            >
              {row.isActive ? <PowerOff className="size-4" /> : <Power className="size-4" />}
            </Button>
          </TableCell>
        </TableRow>
      ))}
    </AdminTableCard>
  );
}

/** Fields with their own error line; anything else (e.g. an update's nested "rule") shows under the form. */
const SHOWN_FIELDS = ["name", "scopeId", "brandId", "categoryId", "skus", "percent", "priority", "validFrom", "validTo"];

const pickedOf = (id: string | null, label: string | null): Picked | null => (id ? { id, label: label ?? id } : null);

function DiscountDialog({ row, onClose }: { row: DiscountRow | null; onClose: () => void }) {
  const t = useTranslations("pricing");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(row?.name ?? "");
  const [scope, setScope] = useState<Scope>(row?.scope ?? "all");
  const [scopeValue, setScopeValue] = useState<Picked | null>(pickedOf(row?.scopeId ?? null, row?.scopeName ?? null));
  const [target, setTarget] = useState<Target>(row?.target ?? "brand");
  const [category, setCategory] = useState<Picked | null>(pickedOf(row?.categoryId ?? null, row?.categoryName ?? null));
  const [brand, setBrand] = useState<Picked | null>(pickedOf(row?.brandId ?? null, row?.brandName ?? null));
  const [skus, setSkus] = useState(row?.skus.join("\n") ?? "");
  const [percent, setPercent] = useState(row ? percentLabel(row.percent) : "");
  const [priority, setPriority] = useState(String(row?.priority ?? 100));
  const [validFrom, setValidFrom] = useState(row?.validFrom ?? "");
  const [validTo, setValidTo] = useState(row?.validTo ?? "");
  const [isActive, setIsActive] = useState(row?.isActive ?? true);
  const [error, setError] = useState<FormError | null>(null);
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.pricing.discountRules.queryKey() });
      toast.success(t("common.saved"));
      onClose();
    },
    onError: (e: unknown) => setError(formErrorOf(e)),
  };
  const create = useMutation(trpc.pricing.createDiscountRule.mutationOptions(options));
  const update = useMutation(trpc.pricing.updateDiscountRule.mutationOptions(options));
  const fieldError = (f: string) => (error?.field === f ? error.message : null);
  const usesCategory = target === "category" || target === "category_brand";
  const usesBrand = target === "brand" || target === "category_brand";

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const rule = {
      name,
      scope,
      scopeId: scope === "all" ? null : (scopeValue?.id ?? null),
      target,
      categoryId: usesCategory ? (category?.id ?? null) : null,
      brandId: usesBrand ? (brand?.id ?? null) : null,
      skus: target === "sku_list" ? skus.split(/[\s,;]+/).filter(Boolean) : [],
      percent: percent.replace(",", "."),
      priority: Number(priority) || 0,
      validFrom: validFrom || null,
      validTo: validTo || null,
      isActive,
    };
    if (row) update.mutate({ id: row.id, rule });
    else create.mutate(rule);
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{row ? t("discounts.editTitle", { name: row.name }) : t("discounts.addTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" data-testid="discount-form" noValidate>
          <div className="sm:col-span-2">
            <Field id="dr-name" label={t("common.name")} error={fieldError("name")}>
              <Input id="dr-name" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
          </div>
          <Field id="dr-scope" label={t("discounts.scope")}>
            <Select
              value={scope}
              onValueChange={(v) => {
                setScope(v as Scope);
                setScopeValue(null);
              }}
            >
              <SelectTrigger id="dr-scope" className="w-full" data-testid="dr-scope">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {SCOPES.map((v) => (
                  <SelectItem key={v} value={v}>
                    {t(`discounts.scopes.${v}`)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          {scope !== "all" ? (
            <Field id="dr-scope-id" label={t(`discounts.scopes.${scope}`)} error={fieldError("scopeId")}>
              <EntityPicker id="dr-scope-id" kind={scope as LookupKind} value={scopeValue} onChange={setScopeValue} />
            </Field>
          ) : (
            <div />
          )}
          <Field id="dr-target" label={t("discounts.target")}>
            <Select value={target} onValueChange={(v) => setTarget(v as Target)}>
              <SelectTrigger id="dr-target" className="w-full" data-testid="dr-target">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {TARGETS.map((v) => (
                  <SelectItem key={v} value={v}>
                    {t(`discounts.targets.${v}`)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <div className="grid gap-4">
            {usesBrand && (
              <Field id="dr-brand" label={t("discounts.brand")} error={fieldError("brandId")}>
                <EntityPicker id="dr-brand" kind="brand" value={brand} onChange={setBrand} />
              </Field>
            )}
            {usesCategory && (
              <Field id="dr-category" label={t("discounts.category")} error={fieldError("categoryId")}>
                <EntityPicker id="dr-category" kind="category" value={category} onChange={setCategory} />
              </Field>
            )}
          </div>
          {target === "sku_list" && (
            <div className="sm:col-span-2">
              <Field id="dr-skus" label={t("discounts.skus")} error={fieldError("skus")} hint={t("discounts.skusHint")}>
                <Textarea id="dr-skus" rows={4} className="font-mono" value={skus} onChange={(e) => setSkus(e.target.value)} />
              </Field>
            </div>
          )}
          <Field id="dr-percent" label={t("discounts.percent")} error={fieldError("percent")}>
            <Input id="dr-percent" inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} />
          </Field>
          <Field id="dr-priority" label={t("discounts.priority")} error={fieldError("priority")} hint={t("discounts.priorityHint")}>
            <Input id="dr-priority" type="number" min={0} value={priority} onChange={(e) => setPriority(e.target.value)} />
          </Field>
          <Field id="dr-from" label={t("common.validFrom")} error={fieldError("validFrom")}>
            <Input id="dr-from" type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
          </Field>
          <Field id="dr-to" label={t("common.validTo")} error={fieldError("validTo")}>
            <Input id="dr-to" type="date" value={validTo} onChange={(e) => setValidTo(e.target.value)} />
          </Field>
          <div className="flex items-center gap-2 sm:col-span-2">
            <Switch id="dr-active" checked={isActive} onCheckedChange={setIsActive} />
            <Label htmlFor="dr-active">{t("common.active")}</Label>
          </div>
          {error && !SHOWN_FIELDS.includes(error.field ?? "") && <p className="text-destructive text-sm sm:col-span-2">{error.message}</p>}
          <DialogFooter className="sm:col-span-2">
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending || update.isPending} data-testid="discount-save">
              {t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
