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
import { Switch } from "@/components/ui/switch";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { Validity } from "./discount-rules-tab";
import { EntityPicker, type Picked } from "./entity-picker";
import { percentLabel } from "./format";

interface MassRow {
  id: string;
  name: string;
  brandId: string | null;
  brandName: string | null;
  line: string | null;
  categoryId: string | null;
  categoryName: string | null;
  regionId: string | null;
  regionName: string | null;
  adjustPercent: string;
  validFrom: string | null;
  validTo: string | null;
  isActive: boolean;
}

const SHOWN_FIELDS = ["name", "line", "adjustPercent", "validFrom", "validTo"];

export function MassRulesTab() {
  const t = useTranslations("pricing");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.pricing.massRules.queryOptions());
  const [editing, setEditing] = useState<MassRow | "new" | null>(null);
  const toggle = useMutation(
    trpc.pricing.setMassRuleActive.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.pricing.massRules.queryKey() }),
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <AdminTableCard
      title={t("mass.title")}
      description={t("mass.intro")}
      action={
        <Button variant="success" onClick={() => setEditing("new")} data-testid="add-mass-rule">
          <Plus className="size-4" />
          {t("mass.add")}
        </Button>
      }
      tableTestId="mass-rules-table"
      columns={6}
      loading={list.isPending}
      empty={list.data?.length === 0}
      emptyText={t("mass.empty")}
      head={
        <>
          <TableHead>{t("common.name")}</TableHead>
          <TableHead>{t("mass.slice")}</TableHead>
          <TableHead className="text-right">{t("mass.adjust")}</TableHead>
          <TableHead>{t("common.validity")}</TableHead>
          <TableHead>{t("common.status")}</TableHead>
          <TableHead className="text-right">{t("common.actions")}</TableHead>
        </>
      }
      after={<>{editing && <MassRuleDialog row={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}</>}
    >
      {list.data?.map((row) => {
        const slice = [row.brandName, row.line, row.categoryName, row.regionName].filter(Boolean);
        const up = !row.adjustPercent.startsWith("-");
        return (
          <TableRow key={row.id} data-testid="mass-row" data-name={row.name} className={row.isActive ? undefined : "opacity-60"}>
            <TableCell className="font-medium">{row.name}</TableCell>
            <TableCell className="text-sm">{slice.length ? slice.join(" · ") : <span className="text-muted-foreground">{t("mass.everything")}</span>}</TableCell>
            <TableCell className="text-right">
              <Badge variant={up ? "warning" : "success"} className="font-mono">
                {up ? "+" : ""}
                {percentLabel(row.adjustPercent)}%
              </Badge>
            </TableCell>
            <TableCell className="text-xs">
              <Validity from={row.validFrom} to={row.validTo} />
            </TableCell>
            <TableCell>{row.isActive ? <Badge variant="success">{t("common.active")}</Badge> : <Badge variant="secondary">{t("common.inactive")}</Badge>}</TableCell>
            <TableCell className="space-x-1 text-right whitespace-nowrap">
              <Button size="icon" variant="ghost" onClick={() => setEditing(row)} aria-label={t("common.edit")} title={t("common.edit")}>
                <Pencil className="size-4" />
              </Button>
              <Button
                size="icon"
                variant="ghost"
                disabled={toggle.isPending}
                onClick={() => toggle.mutate({ id: row.id, isActive: !row.isActive })}
                aria-label={row.isActive ? t("common.deactivate") : t("common.activate")}
                title={row.isActive ? t("common.deactivate") : t("common.activate")}
              >
                {row.isActive ? <PowerOff className="size-4" /> : <Power className="size-4" />}
              </Button>
            </TableCell>
          </TableRow>
        );
      })}
    </AdminTableCard>
  );
}

const pickedOf = (id: string | null, label: string | null): Picked | null => (id ? { id, label: label ?? id } : null);

function MassRuleDialog({ row, onClose }: { row: MassRow | null; onClose: () => void }) {
  const t = useTranslations("pricing");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(row?.name ?? "");
  const [brand, setBrand] = useState(pickedOf(row?.brandId ?? null, row?.brandName ?? null));
  const [line, setLine] = useState(row?.line ?? "");
  const [category, setCategory] = useState(pickedOf(row?.categoryId ?? null, row?.categoryName ?? null));
  const [region, setRegion] = useState(pickedOf(row?.regionId ?? null, row?.regionName ?? null));
  const [adjust, setAdjust] = useState(row ? percentLabel(row.adjustPercent) : "");
  const [validFrom, setValidFrom] = useState(row?.validFrom ?? "");
  const [validTo, setValidTo] = useState(row?.validTo ?? "");
  const [isActive, setIsActive] = useState(row?.isActive ?? true);
  const [error, setError] = useState<FormError | null>(null);
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.pricing.massRules.queryKey() });
      toast.success(t("common.saved"));
      onClose();
    },
    onError: (e: unknown) => setError(formErrorOf(e)),
  };
  const create = useMutation(trpc.pricing.createMassRule.mutationOptions(options));
  const update = useMutation(trpc.pricing.updateMassRule.mutationOptions(options));
  const fieldError = (f: string) => (error?.field === f ? error.message : null);
  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const rule = {
      name,
      brandId: brand?.id ?? null,
      line: line.trim() || null,
      categoryId: category?.id ?? null,
      regionId: region?.id ?? null,
      adjustPercent: adjust.replace(",", ".").replace("−", "-"),
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
          <DialogTitle>{row ? t("mass.editTitle", { name: row.name }) : t("mass.addTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" data-testid="mass-form" noValidate>
          <div className="sm:col-span-2">
            <Field id="mr-name" label={t("common.name")} error={fieldError("name")}>
              <Input id="mr-name" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
          </div>
          <Field id="mr-brand" label={t("mass.brand")}>
            <EntityPicker id="mr-brand" kind="brand" value={brand} onChange={setBrand} placeholder={t("common.any")} />
          </Field>
          <Field id="mr-line" label={t("mass.line")} error={fieldError("line")} hint={t("mass.lineHint")}>
            <Input id="mr-line" value={line} onChange={(e) => setLine(e.target.value)} />
          </Field>
          <Field id="mr-category" label={t("mass.category")}>
            <EntityPicker id="mr-category" kind="category" value={category} onChange={setCategory} placeholder={t("common.any")} />
          </Field>
          <Field id="mr-region" label={t("mass.region")}>
            <EntityPicker id="mr-region" kind="region" value={region} onChange={setRegion} placeholder={t("common.anyRegion")} />
          </Field>
          <Field id="mr-adjust" label={t("mass.adjust")} error={fieldError("adjustPercent")} hint={t("mass.adjustHint")}>
            <Input id="mr-adjust" inputMode="decimal" value={adjust} onChange={(e) => setAdjust(e.target.value)} />
          </Field>
          <div />
          <Field id="mr-from" label={t("common.validFrom")} error={fieldError("validFrom")}>
            <Input id="mr-from" type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
          </Field>
          <Field id="mr-to" label={t("common.validTo")} error={fieldError("validTo")}>
            <Input id="mr-to" type="date" value={validTo} onChange={(e) => setValidTo(e.target.value)} />
          </Field>
          <div className="flex items-center gap-2 sm:col-span-2">
            <Switch id="mr-active" checked={isActive} onCheckedChange={setIsActive} />
            <Label htmlFor="mr-active">{t("common.active")}</Label>
          </div>
          {error && !SHOWN_FIELDS.includes(error.field ?? "") && <p className="text-destructive text-sm sm:col-span-2">{error.message}</p>}
          <DialogFooter className="sm:col-span-2">
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending || update.isPending} data-testid="mass-save">
              {t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
