"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil, Plus, Warehouse } from "lucide-react";
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

interface WarehouseRow {
  id: string;
  code: string;
  name: string;
  regionId: string | null;
  address: string | null;
  isActive: boolean;
}

function WarehouseDialog({ warehouse, onClose, onDone }: { warehouse: WarehouseRow | null; onClose: () => void; onDone: () => Promise<void> }) {
  const t = useTranslations("companies");
  const trpc = useTRPC();
  const regions = useQuery(trpc.regions.list.queryOptions());
  const [draft, setDraft] = useState({
    code: warehouse?.code ?? "",
    name: warehouse?.name ?? "",
    regionId: warehouse?.regionId ?? NONE,
    address: warehouse?.address ?? "",
    isActive: warehouse?.isActive ?? true,
  });
  const [error, setError] = useState<FormError | null>(null);
  const done = async (saved: { name: string }) => {
    toast.success(t("warehouses.saved", { name: saved.name }));
    await onDone();
    onClose();
  };
  const create = useMutation(trpc.regions.createWarehouse.mutationOptions({ onSuccess: done, onError: (e) => setError(formErrorOf(e)) }));
  const update = useMutation(trpc.regions.updateWarehouse.mutationOptions({ onSuccess: done, onError: (e) => setError(formErrorOf(e)) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = { ...draft, regionId: draft.regionId === NONE ? null : draft.regionId };
    if (warehouse) update.mutate({ id: warehouse.id, ...fields });
    else create.mutate(fields);
  };
  const err = (f: string) => (error?.field === f ? error.message : null);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{warehouse ? t("warehouses.editTitle") : t("warehouses.createTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" data-testid="warehouse-form" noValidate>
          <Field id="warehouseCode" label={t("warehouses.code")} error={err("code")}>
            <Input id="warehouseCode" value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value })} />
          </Field>
          <Field id="warehouseName" label={t("warehouses.name")} error={err("name")}>
            <Input id="warehouseName" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </Field>
          <Field id="warehouseRegion" label={t("warehouses.region")}>
            <Select value={draft.regionId} onValueChange={(v) => setDraft({ ...draft, regionId: v })}>
              <SelectTrigger id="warehouseRegion" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NONE}>{t("form.noRegion")}</SelectItem>
                {regions.data?.map((r) => (
                  <SelectItem key={r.id} value={r.id}>
                    {r.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <Field id="warehouseAddress" label={t("warehouses.address")} error={err("address")}>
            <Input id="warehouseAddress" value={draft.address} onChange={(e) => setDraft({ ...draft, address: e.target.value })} />
          </Field>
          <div className="flex items-center gap-2">
            <Checkbox id="warehouseActive" checked={draft.isActive} onCheckedChange={(v) => setDraft({ ...draft, isActive: v === true })} />
            <Label htmlFor="warehouseActive" className="font-normal">
              {t("warehouses.active")}
            </Label>
          </div>
          {error && !["code", "name", "address"].includes(error.field ?? "") && <p className="text-destructive text-sm">{error.message}</p>}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending || update.isPending} data-testid="warehouse-submit">
              {warehouse ? t("form.save") : t("form.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Admin: warehouses, each serving one region (regional stock and pick-up points). */
export function WarehousesAdmin() {
  const t = useTranslations("companies.warehouses");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.regions.warehouses.queryOptions());
  const [editing, setEditing] = useState<WarehouseRow | "new" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.regions.pathKey() });
  const rows = list.data ?? [];
  return (
    <AdminTableCard
      title={t("listTitle")}
      action={
        <Button variant="success" onClick={() => setEditing("new")} data-testid="add-warehouse">
          <Plus className="size-4" />
          {t("add")}
        </Button>
      }
      tableTestId="warehouses-table"
      columns={6}
      loading={list.isPending}
      empty={list.data?.length === 0}
      emptyText={t("empty")}
      head={
        <>
          <TableHead>{t("name")}</TableHead>
          <TableHead>{t("code")}</TableHead>
          <TableHead>{t("region")}</TableHead>
          <TableHead>{t("address")}</TableHead>
          <TableHead>{t("active")}</TableHead>
          <TableHead className="w-16" />
        </>
      }
      after={<>{editing && <WarehouseDialog warehouse={editing === "new" ? null : editing} onClose={() => setEditing(null)} onDone={refresh} />}</>}
    >
      {rows.map((w) => (
        <TableRow key={w.id} data-testid="warehouse-row">
          <TableCell>
            <div className="flex items-center gap-2 font-medium">
              <Warehouse className="text-primary size-4" />
              {w.name}
            </div>
          </TableCell>
          <TableCell className="font-mono text-sm">{w.code}</TableCell>
          <TableCell>{w.regionName ?? "—"}</TableCell>
          <TableCell className="text-sm">{w.address ?? "—"}</TableCell>
          <TableCell>
            <Badge variant={w.isActive ? "success" : "secondary"}>{w.isActive ? t("active") : t("inactive")}</Badge>
          </TableCell>
          <TableCell>
            <Button size="icon" variant="ghost" aria-label={t("edit")} onClick={() => setEditing(w)}>
              <Pencil className="size-4" />
            </Button>
          </TableCell>
        </TableRow>
      ))}
    </AdminTableCard>
  );
}
