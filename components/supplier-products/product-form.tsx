"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ImagePlus, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { fileToBase64 } from "@/components/fulfilment/download";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import type { ProductContent, ProposedProperty } from "@/db/schema/supplier-products";
import { ProductStatusBadge } from "./status-badge";

const SELECT = "border-input bg-background h-9 w-full rounded-md border px-3 text-sm";
const EMPTY: ProductContent = { name: "", description: null, brandId: null, categoryId: "", properties: [], images: [] };

const toMinor = (text: string) => (text.trim() === "" ? null : Math.round(Number(text.replace(",", ".")) * 100));

type Detail = NonNullable<ReturnType<typeof useDetail>["data"]>;
const useDetail = (productId?: string) => {
  const trpc = useTRPC();
  return useQuery(trpc.supplierProducts.get.queryOptions({ id: productId ?? "" }, { enabled: Boolean(productId) }));
};

/** Create or edit an own product: content goes to moderation, prices and stock apply at once. */
export function SupplierProductForm({ productId }: { productId?: string }) {
  const detail = useDetail(productId);
  if (productId && !detail.data) return <Skeleton className="h-96 w-full" />;
  return <ProductFormBody productId={productId} detail={detail.data} />;
}

function ProductFormBody({ productId, detail }: { productId?: string; detail?: Detail }) {
  const t = useTranslations("supplierProducts");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.supplierProducts.formOptions.queryOptions());
  const live = useDetail(productId);
  const [sku, setSku] = useState("");
  const [content, setContent] = useState<ProductContent>(detail?.content ?? EMPTY);
  const [priceText, setPriceText] = useState<Record<string, string>>(() => Object.fromEntries((detail?.prices ?? []).map((p) => [p.priceTypeId, (p.amountMinor / 100).toString()])));
  const [stockText, setStockText] = useState<Record<string, string>>(() => Object.fromEntries((detail?.stock ?? []).map((s) => [s.warehouseId, s.quantity.toString()])));
  const [threshold, setThreshold] = useState(detail?.lowStockThreshold?.toString() ?? "");
  const [error, setError] = useState<FormError | null>(null);
  const kinds = useQuery(trpc.supplierProducts.categoryProperties.queryOptions({ categoryId: content.categoryId }, { enabled: Boolean(content.categoryId) }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.supplierProducts.pathKey() });
  const onError = (e: unknown) => {
    const f = formErrorOf(e);
    setError(f);
    toast.error(f.message);
  };
  const priceStock = () => ({
    prices: (options.data?.priceTypes ?? []).filter((p) => priceText[p.id] !== undefined).map((p) => ({ priceTypeId: p.id, amountMinor: toMinor(priceText[p.id] ?? "") })),
    stock: (options.data?.warehouses ?? []).filter((w) => (stockText[w.id] ?? "") !== "").map((w) => ({ warehouseId: w.id, quantity: Number((stockText[w.id] ?? "0").replace(",", ".")) })),
    lowStockThreshold: threshold === "" ? null : Number(threshold),
  });
  const create = useMutation(
    trpc.supplierProducts.create.mutationOptions({
      onSuccess: async (r) => {
        toast.success(t("form.created"));
        await invalidate();
        router.push(`/supplier/products/${r.id}`);
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.supplierProducts.updateContent.mutationOptions({
      onSuccess: async () => {
        toast.success(t("form.submitted"));
        setError(null);
        await invalidate();
      },
      onError,
    }),
  );
  const savePrices = useMutation(
    trpc.supplierProducts.updatePricesAndStock.mutationOptions({
      onSuccess: async () => {
        toast.success(t("form.pricesSaved"));
        setError(null);
        await invalidate();
      },
      onError,
    }),
  );
  const upload = useMutation(trpc.supplierProducts.uploadImage.mutationOptions({ onError }));
  const addImages = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      // A refused file was already reported by the mutation's onError; go on with the next one.
      const uploaded = await upload.mutateAsync({ contentBase64: await fileToBase64(file) }).catch(() => null);
      if (uploaded) setContent((c) => ({ ...c, images: [...c.images, { url: uploaded.url, alt: c.name || null }] }));
    }
  };
  const setProperty = (kindId: string, value: Omit<ProposedProperty, "kindId">) =>
    setContent((c) => ({ ...c, properties: [...c.properties.filter((p) => p.kindId !== kindId), { kindId, ...value }] }));
  const propertyOf = (kindId: string) => content.properties.find((p) => p.kindId === kindId);
  const contentInput = { ...content, description: content.description || null, brandId: content.brandId || null };

  if (!options.data) return <Skeleton className="h-96 w-full" />;
  const fieldError = (field: string) => (error?.field && error.field.startsWith(field) ? <p className="text-destructive text-xs">{error.message}</p> : null);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle className="flex items-center justify-between gap-2 text-base">
            {t("form.content")}
            {live.data ? <ProductStatusBadge status={live.data.status} hasPending={Boolean(live.data.pendingSince)} /> : null}
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <Alert>
            <AlertDescription>{t("form.moderationHint")}</AlertDescription>
          </Alert>
          {live.data?.lastDecision?.status === "rejected" && live.data.lastDecision.comment ? (
            <Alert variant="destructive" data-testid="rejection-comment">
              <AlertDescription>{t("list.moderatorSays", { comment: live.data.lastDecision.comment })}</AlertDescription>
            </Alert>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-1">
              <Label htmlFor="sku">{t("fields.sku")}</Label>
              <Input id="sku" value={live.data?.sku ?? sku} disabled={Boolean(productId)} onChange={(e) => setSku(e.target.value)} data-testid="product-sku" />
              {fieldError("sku")}
            </div>
            <div className="space-y-1">
              <Label htmlFor="brand">{t("fields.brand")}</Label>
              <select id="brand" className={SELECT} value={content.brandId ?? ""} onChange={(e) => setContent((c) => ({ ...c, brandId: e.target.value || null }))}>
                <option value="">—</option>
                {options.data.brands.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="space-y-1">
            <Label htmlFor="name">{t("fields.name")}</Label>
            <Input id="name" value={content.name} onChange={(e) => setContent((c) => ({ ...c, name: e.target.value }))} data-testid="product-name" />
            {fieldError("content.name")}
          </div>
          <div className="space-y-1">
            <Label htmlFor="category">{t("fields.category")}</Label>
            <select
              id="category"
              className={SELECT}
              value={content.categoryId}
              onChange={(e) => setContent((c) => ({ ...c, categoryId: e.target.value, properties: [] }))}
              data-testid="product-category"
            >
              <option value="">{t("form.chooseCategory")}</option>
              {options.data.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
            {fieldError("content.categoryId")}
          </div>
          <div className="space-y-1">
            <Label htmlFor="description">{t("fields.description")}</Label>
            <Textarea id="description" rows={4} value={content.description ?? ""} onChange={(e) => setContent((c) => ({ ...c, description: e.target.value }))} data-testid="product-description" />
          </div>
          {kinds.data && kinds.data.length > 0 ? (
            <div className="space-y-2" data-testid="product-properties">
              <h3 className="text-sm font-semibold">{t("form.properties")}</h3>
              <div className="grid gap-3 sm:grid-cols-2">
                {kinds.data.map((k) => (
                  <div key={k.id} className="space-y-1">
                    <Label htmlFor={`kind-${k.id}`}>
                      {k.name}
                      {k.unit ? `, ${k.unit}` : ""}
                    </Label>
                    {k.type === "enum" ? (
                      <select id={`kind-${k.id}`} className={SELECT} value={propertyOf(k.id)?.valueId ?? ""} onChange={(e) => setProperty(k.id, { valueId: e.target.value || null })}>
                        <option value="">—</option>
                        {k.options.map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.value}
                          </option>
                        ))}
                      </select>
                    ) : k.type === "number" ? (
                      <Input id={`kind-${k.id}`} inputMode="decimal" value={propertyOf(k.id)?.numberValue ?? ""} onChange={(e) => setProperty(k.id, { numberValue: e.target.value || null })} />
                    ) : k.type === "boolean" ? (
                      <select
                        id={`kind-${k.id}`}
                        className={SELECT}
                        value={propertyOf(k.id)?.boolValue == null ? "" : String(propertyOf(k.id)?.boolValue)}
                        onChange={(e) => setProperty(k.id, { boolValue: e.target.value === "" ? null : e.target.value === "true" })}
                      >
                        <option value="">—</option>
                        <option value="true">{t("form.yes")}</option>
                        <option value="false">{t("form.no")}</option>
                      </select>
                    ) : (
                      <Input id={`kind-${k.id}`} value={propertyOf(k.id)?.textValue ?? ""} onChange={(e) => setProperty(k.id, { textValue: e.target.value || null })} />
                    )}
                  </div>
                ))}
              </div>
              {fieldError("properties")}
            </div>
          ) : null}
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">{t("form.images")}</h3>
            <div className="flex flex-wrap gap-3" data-testid="product-images">
              {content.images.map((img) => (
                <div key={img.url} className="relative size-24 overflow-hidden rounded border">
                  {/* eslint-disable-next-line @next/next/no-img-element -- uploaded files of any size, served by our media route */}
                  <img src={img.url} alt={img.alt ?? ""} className="size-full object-cover" />
                  <button
                    type="button"
                    aria-label={t("form.removeImage")}
                    className="bg-background/80 absolute top-1 right-1 rounded-full p-0.5"
                    onClick={() => setContent((c) => ({ ...c, images: c.images.filter((i) => i.url !== img.url) }))}
                  >
                    <X className="size-3" />
                  </button>
                </div>
              ))}
              <label className="text-muted-foreground hover:bg-muted flex size-24 cursor-pointer flex-col items-center justify-center gap-1 rounded border border-dashed text-xs">
                <ImagePlus className="size-5" />
                {upload.isPending ? t("form.uploading") : t("form.addImage")}
                <input type="file" accept="image/png,image/jpeg,image/webp,image/gif" multiple className="sr-only" onChange={(e) => void addImages(e.target.files)} data-testid="image-input" />
              </label>
            </div>
          </div>
          {productId ? (
            <Button onClick={() => update.mutate({ id: productId, content: contentInput })} disabled={update.isPending} data-testid="submit-content">
              {t("form.submitForModeration")}
            </Button>
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("form.pricesAndStock")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-muted-foreground text-xs">{t("form.pricesHint")}</p>
          {options.data.priceTypes.map((p) => (
            <div key={p.id} className="space-y-1">
              <Label htmlFor={`price-${p.id}`}>
                {p.name}, {p.currency}
              </Label>
              <Input
                id={`price-${p.id}`}
                inputMode="decimal"
                value={priceText[p.id] ?? ""}
                onChange={(e) => setPriceText((s) => ({ ...s, [p.id]: e.target.value }))}
                data-testid={p.isDefault ? "price-default" : undefined}
              />
            </div>
          ))}
          {fieldError("prices")}
          <h3 className="text-sm font-semibold">{t("form.stockPerWarehouse")}</h3>
          {options.data.warehouses.map((w, i) => (
            <div key={w.id} className="space-y-1">
              <Label htmlFor={`stock-${w.id}`}>{w.name}</Label>
              <Input
                id={`stock-${w.id}`}
                inputMode="decimal"
                value={stockText[w.id] ?? ""}
                onChange={(e) => setStockText((s) => ({ ...s, [w.id]: e.target.value }))}
                data-testid={i === 0 ? "stock-first" : undefined}
              />
            </div>
          ))}
          {fieldError("stock")}
          <div className="space-y-1">
            <Label htmlFor="threshold">{t("fields.threshold")}</Label>
            <Input id="threshold" inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} placeholder={t("form.thresholdDefault")} />
          </div>
          {productId ? (
            <Button variant="outline" onClick={() => savePrices.mutate({ rows: [{ productId, ...priceStock() }] })} disabled={savePrices.isPending} data-testid="save-prices">
              {t("form.savePrices")}
            </Button>
          ) : (
            <Button onClick={() => create.mutate({ sku, content: contentInput, ...priceStock() })} disabled={create.isPending} data-testid="create-product">
              {t("form.create")}
            </Button>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
