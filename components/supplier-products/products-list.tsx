"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Package } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/layout/empty-state";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PRODUCT_STATUSES } from "@/db/schema/catalog";
import { ProductStatusBadge } from "./status-badge";

const SELECT = "border-input bg-background h-9 rounded-md border px-3 text-sm";
type Edit = { price?: string; stock?: string; threshold?: string };

/** The supplier's products: filters, status badges with the moderator's comment, and an inline price/stock editor. */
export function SupplierProductsList() {
  const t = useTranslations("supplierProducts");
  const money = useMoney();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("");
  const [lowOnly, setLowOnly] = useState(false);
  const [editing, setEditing] = useState(false);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const options = useQuery(trpc.supplierProducts.formOptions.queryOptions());
  const [warehouseId, setWarehouseId] = useState("");
  const list = useQuery(
    trpc.supplierProducts.list.queryOptions({ search: search || undefined, status: (status || undefined) as (typeof PRODUCT_STATUSES)[number] | undefined, lowOnly: lowOnly || undefined }),
  );
  const settings = useQuery(trpc.supplierProducts.stockSettings.queryOptions());
  const [threshold, setThreshold] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.supplierProducts.pathKey() });
  const save = useMutation(
    trpc.supplierProducts.updatePricesAndStock.mutationOptions({
      onSuccess: async (r) => {
        toast.success(t("list.saved", { count: r.updated }));
        setEdits({});
        setEditing(false);
        await invalidate();
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  const saveSettings = useMutation(
    trpc.supplierProducts.setStockSettings.mutationOptions({
      onSuccess: async () => {
        toast.success(t("list.thresholdSaved"));
        await invalidate();
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  const defaultType = options.data?.priceTypes.find((p) => p.isDefault) ?? options.data?.priceTypes[0];
  const warehouse = warehouseId || options.data?.warehouses[0]?.id || "";
  const setEdit = (id: string, key: keyof Edit, value: string) => setEdits((e) => ({ ...e, [id]: { ...e[id], [key]: value } }));
  const submit = () => {
    const rows = Object.entries(edits).map(([productId, e]) => ({
      productId,
      prices: e.price !== undefined && defaultType ? [{ priceTypeId: defaultType.id, amountMinor: e.price === "" ? null : Math.round(Number(e.price.replace(",", ".")) * 100) }] : [],
      stock: e.stock !== undefined && e.stock !== "" && warehouse ? [{ warehouseId: warehouse, quantity: Number(e.stock.replace(",", ".")) }] : [],
      lowStockThreshold: e.threshold === undefined ? undefined : e.threshold === "" ? null : Number(e.threshold),
    }));
    if (rows.length) save.mutate({ rows });
  };
  return (
    <div className="space-y-4">
      <Card>
        <CardContent className="flex flex-wrap items-end gap-3">
          <Input className="w-64" placeholder={t("list.search")} aria-label={t("list.search")} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="products-search" />
          <select className={SELECT} value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t("list.status")} data-testid="products-status-filter">
            <option value="">{t("list.allStatuses")}</option>
            {PRODUCT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={lowOnly} onChange={(e) => setLowOnly(e.target.checked)} /> {t("list.lowOnly")}
          </label>
          <div className="ml-auto flex items-end gap-2">
            <label className="text-sm">
              <span className="text-muted-foreground block text-xs">{t("list.defaultThreshold")}</span>
              <Input
                className="w-28"
                type="number"
                min={0}
                value={threshold ?? settings.data?.defaultLowStockThreshold?.toString() ?? ""}
                onChange={(e) => setThreshold(e.target.value)}
                data-testid="default-threshold"
              />
            </label>
            <Button variant="outline" disabled={threshold === null} onClick={() => saveSettings.mutate({ defaultLowStockThreshold: threshold ? Number(threshold) : null })}>
              {t("list.saveThreshold")}
            </Button>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardContent className="space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            {editing ? (
              <>
                <span className="text-sm">{t("list.stockWarehouse")}</span>
                <select className={SELECT} value={warehouse} onChange={(e) => setWarehouseId(e.target.value)} aria-label={t("list.stockWarehouse")} data-testid="bulk-warehouse">
                  {options.data?.warehouses.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}
                    </option>
                  ))}
                </select>
                <Button onClick={submit} disabled={save.isPending || Object.keys(edits).length === 0} data-testid="bulk-save">
                  {t("list.saveChanges")}
                </Button>
                <Button variant="ghost" onClick={() => (setEditing(false), setEdits({}))}>
                  {t("list.cancel")}
                </Button>
              </>
            ) : (
              <Button variant="outline" onClick={() => setEditing(true)} data-testid="bulk-edit">
                {t("list.bulkEdit")}
              </Button>
            )}
          </div>
          {!list.data ? (
            <Skeleton className="h-40 w-full" />
          ) : list.data.length === 0 ? (
            <EmptyState icon={Package} title={t("list.empty")} description="" testId="products-empty" />
          ) : (
            <Table data-testid="products-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("fields.sku")}</TableHead>
                  <TableHead>{t("fields.name")}</TableHead>
                  <TableHead>{t("fields.category")}</TableHead>
                  <TableHead>{t("list.status")}</TableHead>
                  <TableHead className="text-right">{defaultType ? `${t("fields.price")} (${defaultType.name})` : t("fields.price")}</TableHead>
                  <TableHead className="text-right">{editing ? t("list.stockIn") : t("fields.stock")}</TableHead>
                  <TableHead className="text-right">{t("fields.threshold")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.map((row) => (
                  <TableRow key={row.id} data-testid="product-row" data-sku={row.sku}>
                    <TableCell className="font-mono text-xs">{row.sku}</TableCell>
                    <TableCell>
                      <Link href={`/supplier/products/${row.id}`} className="font-medium hover:underline">
                        {row.name}
                      </Link>
                      {row.lastDecision?.status === "rejected" && row.lastDecision.comment && (row.status === "rejected" || !row.hasPending) ? (
                        <p className="text-destructive mt-1 text-xs" data-testid="rejection-comment">
                          {t("list.moderatorSays", { comment: row.lastDecision.comment })}
                        </p>
                      ) : null}
                    </TableCell>
                    <TableCell className="text-muted-foreground text-sm">{row.category}</TableCell>
                    <TableCell>
                      <ProductStatusBadge status={row.status} hasPending={row.hasPending} />
                    </TableCell>
                    <TableCell className="text-right">
                      {editing ? (
                        <Input
                          className="ml-auto w-28 text-right"
                          inputMode="decimal"
                          aria-label={`${t("fields.price")} ${row.sku}`}
                          value={edits[row.id]?.price ?? (row.priceMinor === null ? "" : (row.priceMinor / 100).toString())}
                          onChange={(e) => setEdit(row.id, "price", e.target.value)}
                          data-testid="bulk-price"
                        />
                      ) : row.priceMinor === null ? (
                        "—"
                      ) : (
                        money(row.priceMinor, row.currency ?? "RUB")
                      )}
                    </TableCell>
                    <TableCell className="text-right">
                      {editing ? (
                        <Input
                          className="ml-auto w-24 text-right"
                          inputMode="decimal"
                          aria-label={`${t("fields.stock")} ${row.sku}`}
                          value={edits[row.id]?.stock ?? (row.stockByWarehouse[warehouse] ?? 0).toString()}
                          onChange={(e) => setEdit(row.id, "stock", e.target.value)}
                          data-testid="bulk-stock"
                        />
                      ) : (
                        <span className="inline-flex items-center gap-1">
                          {row.stock}
                          {row.isLow ? (
                            <Badge variant="destructive" data-testid="low-stock">
                              {t("list.low")}
                            </Badge>
                          ) : null}
                        </span>
                      )}
                    </TableCell>
                    <TableCell className="text-right">
                      {editing ? (
                        <Input
                          className="ml-auto w-20 text-right"
                          inputMode="decimal"
                          aria-label={`${t("fields.threshold")} ${row.sku}`}
                          value={edits[row.id]?.threshold ?? row.lowStockThreshold?.toString() ?? ""}
                          onChange={(e) => setEdit(row.id, "threshold", e.target.value)}
                        />
                      ) : (
                        (row.lowStockThreshold ?? "—")
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
