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
import { EntityPicker, type Picked } from "./entity-picker";
import { majorToMinor, minorToMajor, useMoney } from "./format";

interface TierRow {
  id: string;
  name: string;
  thresholdMinor: number;
  currency: string;
  priceTypeId: string;
  priceTypeName: string;
  regionId: string | null;
  regionName: string | null;
  isActive: boolean;
}

export function TiersTab() {
  const t = useTranslations("pricing");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const money = useMoney();
  const list = useQuery(trpc.pricing.tiers.queryOptions());
  const [editing, setEditing] = useState<TierRow | "new" | null>(null);
  const toggle = useMutation(
    trpc.pricing.setTierActive.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.pricing.tiers.queryKey() }),
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  return (
    <AdminTableCard
      title={t("tiers.title")}
      description={t("tiers.intro")}
      action={
        <Button variant="success" onClick={() => setEditing("new")} data-testid="add-tier">
          <Plus className="size-4" />
          {t("tiers.add")}
        </Button>
      }
      tableTestId="tiers-table"
      columns={6}
      loading={list.isPending}
      empty={list.data?.length === 0}
      emptyText={t("tiers.empty")}
      head={
        <>
          <TableHead>{t("common.name")}</TableHead>
          <TableHead className="text-right">{t("tiers.threshold")}</TableHead>
          <TableHead>{t("tiers.priceType")}</TableHead>
          <TableHead>{t("common.region")}</TableHead>
          <TableHead>{t("common.status")}</TableHead>
          <TableHead className="text-right">{t("common.actions")}</TableHead>
        </>
      }
      after={<>{editing && <TierDialog row={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}</>}
    >
      {list.data?.map((row) => (
        <TableRow key={row.id} data-testid="tier-row" data-name={row.name} className={row.isActive ? undefined : "opacity-60"}>
          <TableCell className="font-medium">{row.name}</TableCell>
          <TableCell className="text-right font-mono">{money(row.thresholdMinor, row.currency)}</TableCell>
          <TableCell>
            <Badge variant="info">{row.priceTypeName}</Badge>
          </TableCell>
          <TableCell>{row.regionName ?? <span className="text-muted-foreground">{t("common.anyRegion")}</span>}</TableCell>
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
      ))}
    </AdminTableCard>
  );
}

function TierDialog({ row, onClose }: { row: TierRow | null; onClose: () => void }) {
  const t = useTranslations("pricing");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const types = useQuery(trpc.pricing.priceTypes.queryOptions());
  const [name, setName] = useState(row?.name ?? "");
  const [threshold, setThreshold] = useState(row ? minorToMajor(row.thresholdMinor) : "");
  const [currency, setCurrency] = useState(row?.currency ?? "RUB");
  const [priceTypeId, setPriceTypeId] = useState(row?.priceTypeId ?? "");
  const [region, setRegion] = useState<Picked | null>(row?.regionId ? { id: row.regionId, label: row.regionName ?? row.regionId } : null);
  const [isActive, setIsActive] = useState(row?.isActive ?? true);
  const [error, setError] = useState<FormError | null>(null);
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.pricing.tiers.queryKey() });
      toast.success(t("common.saved"));
      onClose();
    },
    onError: (e: unknown) => setError(formErrorOf(e)),
  };
  const create = useMutation(trpc.pricing.createTier.mutationOptions(options));
  const update = useMutation(trpc.pricing.updateTier.mutationOptions(options));
  const fieldError = (f: string) => (error?.field === f ? error.message : null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const thresholdMinor = majorToMinor(threshold);
    if (thresholdMinor === null) {
      setError({ field: "thresholdMinor", message: t("tiers.thresholdHint") });
      return;
    }
    setError(null);
    const input = { name, thresholdMinor, currency, priceTypeId, regionId: region?.id ?? null, isActive };
    if (row) update.mutate({ id: row.id, ...input });
    else create.mutate(input);
  }
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{row ? t("tiers.editTitle", { name: row.name }) : t("tiers.addTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" data-testid="tier-form" noValidate>
          <div className="sm:col-span-2">
            <Field id="tier-name" label={t("common.name")} error={fieldError("name")}>
              <Input id="tier-name" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
          </div>
          <Field id="tier-threshold" label={t("tiers.threshold")} error={fieldError("thresholdMinor")} hint={t("tiers.thresholdHint")}>
            <Input id="tier-threshold" inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
          </Field>
          <Field id="tier-currency" label={t("tiers.currency")} error={fieldError("currency")}>
            <Input id="tier-currency" maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
          </Field>
          <Field id="tier-type" label={t("tiers.priceType")} error={fieldError("priceTypeId")}>
            <Select value={priceTypeId} onValueChange={setPriceTypeId}>
              <SelectTrigger id="tier-type" className="w-full" data-testid="tier-type">
                <SelectValue placeholder={t("picker.placeholder")} />
              </SelectTrigger>
              <SelectContent>
                {types.data?.map((type) => (
                  <SelectItem key={type.id} value={type.id}>
                    {type.name} · {type.rank}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <Field id="tier-region" label={t("common.region")}>
            <EntityPicker id="tier-region" kind="region" value={region} onChange={setRegion} placeholder={t("common.anyRegion")} />
          </Field>
          <div className="flex items-center gap-2 sm:col-span-2">
            <Switch id="tier-active" checked={isActive} onCheckedChange={setIsActive} />
            <Label htmlFor="tier-active">{t("common.active")}</Label>
          </div>
          {error && !["name", "thresholdMinor", "currency", "priceTypeId"].includes(error.field ?? "") && <p className="text-destructive text-sm sm:col-span-2">{error.message}</p>}
          <DialogFooter className="sm:col-span-2">
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending || update.isPending} data-testid="tier-save">
              {t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
