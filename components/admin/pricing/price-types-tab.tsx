"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil, Plus } from "lucide-react";
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

interface PriceTypeRow {
  id: string;
  code: string;
  name: string;
  rank: number;
  currency: string;
  isDefault: boolean;
  isActive: boolean;
  erpId: string | null;
}

export function PriceTypesTab() {
  const t = useTranslations("pricing");
  const trpc = useTRPC();
  const list = useQuery(trpc.pricing.priceTypes.queryOptions());
  const [editing, setEditing] = useState<PriceTypeRow | "new" | null>(null);
  return (
    <AdminTableCard
      title={t("types.title")}
      description={t("types.intro")}
      action={
        <Button variant="success" onClick={() => setEditing("new")} data-testid="add-price-type">
          <Plus className="size-4" />
          {t("types.add")}
        </Button>
      }
      tableTestId="price-types-table"
      columns={7}
      loading={list.isPending}
      empty={list.data?.length === 0}
      emptyText={t("types.empty")}
      head={
        <>
          <TableHead>{t("types.rank")}</TableHead>
          <TableHead>{t("types.name")}</TableHead>
          <TableHead>{t("types.code")}</TableHead>
          <TableHead>{t("types.currency")}</TableHead>
          <TableHead>{t("types.erpId")}</TableHead>
          <TableHead>{t("common.status")}</TableHead>
          <TableHead className="text-right">{t("common.actions")}</TableHead>
        </>
      }
      after={<>{editing && <PriceTypeDialog row={editing === "new" ? null : editing} nextRank={(list.data?.at(-1)?.rank ?? -1) + 1} onClose={() => setEditing(null)} />}</>}
    >
      {list.data?.map((row) => (
        <TableRow key={row.id} data-testid="price-type-row" data-code={row.code}>
          <TableCell className="font-mono text-xs">{row.rank}</TableCell>
          <TableCell className="font-medium">
            {row.name} {row.isDefault && <Badge variant="info">{t("types.default")}</Badge>}
          </TableCell>
          <TableCell className="font-mono text-xs">{row.code}</TableCell>
          <TableCell>{row.currency}</TableCell>
          <TableCell className="text-muted-foreground font-mono text-xs">{row.erpId ?? t("common.none")}</TableCell>
          <TableCell>{row.isActive ? <Badge variant="success">{t("common.active")}</Badge> : <Badge variant="secondary">{t("common.inactive")}</Badge>}</TableCell>
          <TableCell className="text-right">
            <Button size="icon" variant="ghost" onClick={() => setEditing(row)} aria-label={t("common.edit")} title={t("common.edit")} data-testid="price-type-edit">
              <Pencil className="size-4" />
            </Button>
          </TableCell>
        </TableRow>
      ))}
    </AdminTableCard>
  );
}

function PriceTypeDialog({ row, nextRank, onClose }: { row: PriceTypeRow | null; nextRank: number; onClose: () => void }) {
  const t = useTranslations("pricing");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    code: row?.code ?? "",
    name: row?.name ?? "",
    rank: String(row?.rank ?? nextRank),
    currency: row?.currency ?? "RUB",
    isDefault: row?.isDefault ?? false,
    isActive: row?.isActive ?? true,
    erpId: row?.erpId ?? "",
  });
  const [error, setError] = useState<FormError | null>(null);
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.pricing.priceTypes.queryKey() });
      toast.success(t("common.saved"));
      onClose();
    },
    onError: (e: unknown) => setError(formErrorOf(e)),
  };
  const create = useMutation(trpc.pricing.createPriceType.mutationOptions(options));
  const update = useMutation(trpc.pricing.updatePriceType.mutationOptions(options));
  const fieldError = (f: string) => (error?.field === f ? error.message : null);
  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const input = { ...values, rank: Number(values.rank) || 0, erpId: values.erpId.trim() || null };
    if (row) update.mutate({ id: row.id, ...input });
    else create.mutate(input);
  }
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{row ? t("types.editTitle", { name: row.name }) : t("types.addTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" data-testid="price-type-form" noValidate>
          <Field id="pt-name" label={t("types.name")} error={fieldError("name")}>
            <Input id="pt-name" value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />
          </Field>
          <Field id="pt-code" label={t("types.code")} error={fieldError("code")} hint={t("types.codeHint")}>
            <Input id="pt-code" value={values.code} onChange={(e) => setValues({ ...values, code: e.target.value })} />
          </Field>
          <Field id="pt-rank" label={t("types.rank")} error={fieldError("rank")} hint={t("types.rankHint")}>
            <Input id="pt-rank" type="number" min={0} value={values.rank} onChange={(e) => setValues({ ...values, rank: e.target.value })} />
          </Field>
          <Field id="pt-currency" label={t("types.currency")} error={fieldError("currency")}>
            <Input id="pt-currency" maxLength={3} value={values.currency} onChange={(e) => setValues({ ...values, currency: e.target.value.toUpperCase() })} />
          </Field>
          <Field id="pt-erp" label={t("types.erpId")} error={fieldError("erpId")}>
            <Input id="pt-erp" value={values.erpId} onChange={(e) => setValues({ ...values, erpId: e.target.value })} />
          </Field>
          <div className="flex flex-col justify-end gap-3 pb-1">
            <div className="flex items-center gap-2">
              <Switch id="pt-default" checked={values.isDefault} onCheckedChange={(on) => setValues({ ...values, isDefault: on })} />
              <Label htmlFor="pt-default">{t("types.isDefault")}</Label>
            </div>
            <div className="flex items-center gap-2">
              <Switch id="pt-active" checked={values.isActive} onCheckedChange={(on) => setValues({ ...values, isActive: on })} />
              <Label htmlFor="pt-active">{t("types.isActive")}</Label>
            </div>
          </div>
          {error && !error.field && <p className="text-destructive text-sm sm:col-span-2">{error.message}</p>}
          <DialogFooter className="sm:col-span-2">
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending || update.isPending} data-testid="price-type-save">
              {t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
