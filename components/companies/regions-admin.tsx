"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MapPin, Pencil, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { AdminTableCard } from "@/components/admin/admin-table-card";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";

const NONE = "none";

interface RegionRow {
  id: string;
  code: string;
  name: string;
  priceTypeId: string | null;
  isDefault: boolean;
}

function RegionDialog({ region, onClose, onDone }: { region: RegionRow | null; onClose: () => void; onDone: () => Promise<void> }) {
  const t = useTranslations("companies");
  const trpc = useTRPC();
  const priceTypes = useQuery(trpc.regions.priceTypes.queryOptions());
  const [draft, setDraft] = useState({ code: region?.code ?? "", name: region?.name ?? "", priceTypeId: region?.priceTypeId ?? NONE, isDefault: region?.isDefault ?? false });
  const [error, setError] = useState<FormError | null>(null);
  const done = async (saved: { name: string }) => {
    toast.success(t("regions.saved", { name: saved.name }));
    await onDone();
    onClose();
  };
  const create = useMutation(trpc.regions.create.mutationOptions({ onSuccess: done, onError: (e) => setError(formErrorOf(e)) }));
  const update = useMutation(trpc.regions.update.mutationOptions({ onSuccess: done, onError: (e) => setError(formErrorOf(e)) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = { ...draft, priceTypeId: draft.priceTypeId === NONE ? null : draft.priceTypeId };
    if (region) update.mutate({ id: region.id, ...fields });
    else create.mutate(fields);
  };
  const err = (f: string) => (error?.field === f ? error.message : null);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{region ? t("regions.editTitle") : t("regions.createTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" data-testid="region-form" noValidate>
          <Field id="regionCode" label={t("regions.code")} error={err("code")}>
            <Input id="regionCode" value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value })} />
          </Field>
          <Field id="regionName" label={t("regions.name")} error={err("name")}>
            <Input id="regionName" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </Field>
          <Field id="regionPriceType" label={t("regions.priceType")}>
            <Select value={draft.priceTypeId} onValueChange={(v) => setDraft({ ...draft, priceTypeId: v })}>
              <SelectTrigger id="regionPriceType" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NONE}>{t("form.noPriceType")}</SelectItem>
                {priceTypes.data?.map((p) => (
                  <SelectItem key={p.id} value={p.id}>
                    {p.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <div className="flex items-center gap-2">
            <Checkbox id="regionDefault" checked={draft.isDefault} onCheckedChange={(v) => setDraft({ ...draft, isDefault: v === true })} />
            <Label htmlFor="regionDefault" className="font-normal">
              {t("regions.default")}
            </Label>
          </div>
          {error && !["code", "name"].includes(error.field ?? "") && <p className="text-destructive text-sm">{error.message}</p>}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending || update.isPending} data-testid="region-submit">
              {region ? t("form.save") : t("form.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Admin: sales regions, each with its own price type (used when neither contract, company nor holding sets one). */
export function RegionsAdmin() {
  const t = useTranslations("companies.regions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.regions.list.queryOptions());
  const [editing, setEditing] = useState<RegionRow | "new" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.regions.pathKey() });
  const remove = useMutation(
    trpc.regions.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(t("deleted"));
        await refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const rows = list.data ?? [];
  return (
    <AdminTableCard
      title={t("listTitle")}
      action={
        <Button variant="success" onClick={() => setEditing("new")} data-testid="add-region">
          <Plus className="size-4" />
          {t("add")}
        </Button>
      }
      tableTestId="regions-table"
      columns={6}
      loading={list.isPending}
      empty={list.data?.length === 0}
      emptyText={t("empty")}
      head={
        <>
          <TableHead>{t("name")}</TableHead>
          <TableHead>{t("code")}</TableHead>
          <TableHead>{t("priceType")}</TableHead>
          <TableHead className="text-right">{t("warehouses")}</TableHead>
          <TableHead className="text-right">{t("companies")}</TableHead>
          <TableHead className="w-24" />
        </>
      }
      after={<>{editing && <RegionDialog region={editing === "new" ? null : editing} onClose={() => setEditing(null)} onDone={refresh} />}</>}
    >
      {rows.map((r) => (
        <TableRow key={r.id} data-testid="region-row">
          <TableCell>
            <div className="flex items-center gap-2 font-medium">
              <MapPin className="text-primary size-4" />
              {r.name}
              {r.isDefault && <Badge variant="success">{t("default")}</Badge>}
            </div>
          </TableCell>
          <TableCell className="font-mono text-sm">{r.code}</TableCell>
          <TableCell>{r.priceTypeName ?? "—"}</TableCell>
          <TableCell className="text-right tabular-nums">{r.warehousesCount}</TableCell>
          <TableCell className="text-right tabular-nums">{r.companiesCount}</TableCell>
          <TableCell>
            <div className="flex justify-end gap-1">
              <Button size="icon" variant="ghost" aria-label={t("edit")} onClick={() => setEditing(r)}>
                <Pencil className="size-4" />
              </Button>
              <Button size="icon" variant="ghost" aria-label={t("delete")} onClick={() => window.confirm(t("deleteConfirm", { name: r.name })) && remove.mutate({ id: r.id })}>
                <Trash2 className="text-destructive size-4" />
              </Button>
            </div>
          </TableCell>
        </TableRow>
      ))}
    </AdminTableCard>
  );
}
