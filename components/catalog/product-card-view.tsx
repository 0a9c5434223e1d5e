"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formErrorOf } from "@/components/forms/trpc-error";
import { Download, FileText, Package, ShoppingCart, Truck, Wallet } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import { useMoney } from "@/components/orders/money";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import type { ProductCard } from "@/server/domain/catalog/product-card";
import { firstValidQuantity, normalizeQuantity } from "@/server/domain/catalog/quantity";
import { useUnitLabel } from "./catalog-format";
import { FavoriteButton } from "./favorite-button";
import { ProductBadges } from "./product-badges";
import { ProductSlider } from "./product-slider";
import { QuantityStepper } from "./quantity-stepper";
import { ReviewBlock, Stars } from "./review-block";

export interface AddToCartRequest {
  variantId: string;
  unit: string;
  quantity: number;
}

function Gallery({ card }: { card: ProductCard }) {
  const t = useTranslations("catalog.card");
  const [index, setIndex] = useState(0);
  const image = card.images[index];
  return (
    <div className="space-y-3" data-testid="gallery">
      <div className="bg-muted/40 grid aspect-[6/5] place-items-center overflow-hidden rounded-lg border">
        {image ? (
          // eslint-disable-next-line @next/next/no-img-element -- local SVG placeholders
          <img src={image.url} alt={image.alt ?? card.name} className="h-full w-full object-contain" />
        ) : (
          <Package className="text-muted-foreground size-16" />
        )}
      </div>
      {card.images.length > 1 && (
        <div className="flex gap-2">
          {card.images.map((img, i) => (
            <button key={img.url + i} type="button" onClick={() => setIndex(i)} className={cn("bg-muted/40 size-16 overflow-hidden rounded-md border-2", i === index ? "border-primary" : "border-transparent")} aria-label={t("image", { n: i + 1 })} aria-current={i === index}>
              {/* eslint-disable-next-line @next/next/no-img-element -- local SVG placeholders */}
              <img src={img.url} alt="" className="h-full w-full object-contain" />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function BuyBox({ card, onAddToCart }: { card: ProductCard; onAddToCart?: (request: AddToCartRequest) => void }) {
  const t = useTranslations("catalog.card");
  const format = useFormatter();
  const money = useMoney();
  const unitLabel = useUnitLabel();
  const [variantId, setVariantId] = useState(card.variants.find((v) => v.isDefault)?.id ?? card.variants[0]?.id);
  const defaultUnit = card.units.find((u) => u.isDefault) ?? card.units[0]!;
  const [unitCode, setUnitCode] = useState(defaultUnit.unit);
  const unit = card.units.find((u) => u.unit === unitCode) ?? defaultUnit;
  const [quantity, setQuantity] = useState(firstValidQuantity(defaultUnit));
  const variant = card.variants.find((v) => v.id === variantId);
  const price = variant?.prices[unit.unit];
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const addLine = useMutation(
    trpc.ordering.addLine.mutationOptions({
      onSuccess: async (result) => {
        toast.success(t("addedToCart", { qty: `${format.number(result.quantity)} ${unitLabel.short(result.unit)}`, cart: result.cartName }));
        await queryClient.invalidateQueries({ queryKey: trpc.ordering.pathKey() });
      },
      onError: (error) => toast.error(formErrorOf(error).message),
    }),
  );
  const stockTotal = variant?.stock.filter((s) => s.inRegion).reduce((s, w) => s + w.quantity, 0) ?? 0;

  const chooseUnit = (code: string) => {
    const next = card.units.find((u) => u.unit === code);
    if (!next) return;
    setUnitCode(code);
    setQuantity(firstValidQuantity(next));
  };
  const addToCart = () => {
    if (!variant) return;
    const request = { variantId: variant.id, unit: unit.unit, quantity };
    if (onAddToCart) onAddToCart(request);
    else addLine.mutate(request);
  };

  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <ProductBadges badges={card.badges} />
        <h2 className="text-xl font-semibold" data-testid="product-name">
          {card.name}
        </h2>
        <div className="text-muted-foreground flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <span>
            {t("sku")}: <span className="text-foreground font-medium" data-testid="product-sku">{variant?.sku ?? card.sku}</span>
          </span>
          {card.brand && (
            <span>
              {t("brand")}: <span className="text-foreground">{card.brand}</span>
            </span>
          )}
          {card.line && (
            <span>
              {t("line")}: <span className="text-foreground">{card.line}</span>
            </span>
          )}
          <a href="#reviews" className="inline-flex items-center gap-1">
            <Stars rating={card.ratingAvg} />
            <span>{t("reviewsCount", { count: card.reviewsCount })}</span>
          </a>
        </div>
      </div>

      {card.variants.length > 1 && (
        <div className="space-y-1.5">
          <div className="text-sm font-medium">{t("variant")}</div>
          <div className="flex flex-wrap gap-2" role="radiogroup" aria-label={t("variant")}>
            {card.variants.map((v) => (
              <Button key={v.id} type="button" size="sm" variant={v.id === variantId ? "default" : "outline"} role="radio" aria-checked={v.id === variantId} onClick={() => setVariantId(v.id)} data-testid="variant-option">
                {Object.values(v.options).join(", ") || v.sku}
              </Button>
            ))}
          </div>
        </div>
      )}

      <div className="space-y-1.5">
        <div className="text-sm font-medium">{t("unit")}</div>
        <div className="flex flex-wrap gap-2" role="radiogroup" aria-label={t("unit")} data-testid="unit-switch">
          {card.units.map((u) => (
            <Button key={u.unit} type="button" size="sm" variant={u.unit === unit.unit ? "default" : "outline"} role="radio" aria-checked={u.unit === unit.unit} onClick={() => chooseUnit(u.unit)} data-testid={`unit-${u.unit}`}>
              {unitLabel.withRatio(u, card.baseUnit)}
            </Button>
          ))}
        </div>
      </div>

      <div className="bg-muted/30 space-y-3 rounded-lg border p-4">
        <div className="flex flex-wrap items-baseline gap-x-3" data-testid="card-price">
          {price?.available ? (
            <>
              <span className="text-2xl font-semibold">{money(price.unitMinor, price.currency)}</span>
              <span className="text-muted-foreground text-sm">/ {unitLabel.short(unit.unit)}</span>
              {price.unitMinor < price.baseUnitMinor && <span className="text-muted-foreground text-sm line-through">{money(price.baseUnitMinor, price.currency)}</span>}
            </>
          ) : (
            <span className="text-muted-foreground">{t("price")}: —</span>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <QuantityBlock unit={unit} quantity={quantity} onChange={setQuantity} baseUnit={card.baseUnit} />
        </div>
        {price?.available && (
          <div className="text-sm">
            {t("total")}: <span className="font-semibold" data-testid="card-total">{money(price.unitMinor * quantity, price.currency)}</span>
          </div>
        )}
        <div className="flex flex-wrap gap-2">
          <Button variant="success" onClick={addToCart} disabled={!price?.available} data-testid="add-to-cart">
            <ShoppingCart className="size-4" />
            {t("addToCart")}
          </Button>
          <FavoriteButton productId={card.id} initial={card.isFavorite} size="default" withLabel testId="card-favorite" />
        </div>
      </div>

      <div className="space-y-2" data-testid="stock-block">
        <div className="text-sm font-medium">{t("stockTitle")}</div>
        {variant && variant.stock.length > 0 ? (
          <ul className="space-y-1 text-sm">
            {variant.stock.map((s) => (
              <li key={s.warehouseId} className="flex items-center justify-between gap-3">
                <span className={s.inRegion ? "" : "text-muted-foreground"}>
                  {s.warehouse}
                  {s.inRegion && (
                    <Badge variant="info" className="ml-2">
                      {t("myRegion")}
                    </Badge>
                  )}
                </span>
                <span className={cn("tabular-nums", s.quantity > 0 ? "text-success font-medium" : "text-muted-foreground")}>
                  {format.number(s.quantity)} {unitLabel.short(card.baseUnit)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground text-sm">{t("noStock")}</p>
        )}
        {stockTotal === 0 && variant && variant.stock.length > 0 && <p className="text-muted-foreground text-xs">{t("noStock")}</p>}
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex gap-2 text-sm">
          <Truck className="text-primary mt-0.5 size-4 shrink-0" />
          <div>
            <div className="font-medium">{t("deliveryTitle")}</div>
            <p className="text-muted-foreground">{t("deliveryText")}</p>
          </div>
        </div>
        <div className="flex gap-2 text-sm">
          <Wallet className="text-primary mt-0.5 size-4 shrink-0" />
          <div>
            <div className="font-medium">{t("paymentTitle")}</div>
            <p className="text-muted-foreground">{t("paymentText")}</p>
          </div>
        </div>
      </div>
    </div>
  );
}

function QuantityBlock({ unit, quantity, onChange, baseUnit }: { unit: ProductCard["units"][number]; quantity: number; onChange: (q: number) => void; baseUnit: string }) {
  const t = useTranslations("catalog.card");
  const format = useFormatter();
  const unitLabel = useUnitLabel();
  return (
    <>
      <QuantityStepper value={quantity} rule={unit} onChange={(q) => onChange(normalizeQuantity(q, unit))} />
      <div className="text-muted-foreground text-xs">
        <div data-testid="qty-rules">{t("rules", { min: format.number(firstValidQuantity(unit)), multiple: format.number(unit.multiple) })}</div>
        {unit.ratio !== 1 && <div>{t("equivalent", { qty: format.number(quantity * unit.ratio), unit: unitLabel.short(baseUnit) })}</div>}
      </div>
    </>
  );
}

function DocumentsCard({ card }: { card: ProductCard }) {
  const t = useTranslations("catalog.card");
  const format = useFormatter();
  const kindLabel = (kind: string) => (kind === "certificate" || kind === "manual" ? t(`docKinds.${kind}`) : t("docKinds.other"));
  return (
    <Card data-testid="documents">
      <CardHeader className="border-b">
        <CardTitle>{t("documents")}</CardTitle>
      </CardHeader>
      <CardContent className="pt-4">
        {card.documents.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("noDocuments")}</p>
        ) : (
          <ul className="space-y-2">
            {card.documents.map((d) => (
              <li key={d.id} className="flex items-center gap-3 rounded-md border p-2">
                <div className="bg-destructive/10 text-destructive grid size-9 place-items-center rounded-md">
                  <FileText className="size-4" />
                </div>
                <div className="min-w-0 flex-1">
                  <div className="truncate text-sm font-medium">{d.title}</div>
                  <div className="text-muted-foreground text-xs">
                    {kindLabel(d.kind)} · PDF · {format.number(Math.max(1, Math.round(d.sizeBytes / 1024)))} KB
                  </div>
                </div>
                <Button asChild variant="outline" size="sm">
                  <a href={d.url} download={d.fileName} data-testid="document-download">
                    <Download className="size-4" />
                    {t("download")}
                  </a>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** The product card: every block of the customer's list, prices from the resolver. */
export function ProductCardView({ slug, onAddToCart }: { slug: string; onAddToCart?: (request: AddToCartRequest) => void }) {
  const t = useTranslations("catalog");
  const trpc = useTRPC();
  const query = useQuery(trpc.catalog.product.queryOptions({ slug }));
  const card = query.data;
  const crumbs = useMemo(
    () => [{ label: t("title"), href: "/b2b/catalog" }, ...(card?.categoryPath ?? []).map((c) => ({ label: c.name, href: `/b2b/catalog?cat=${encodeURIComponent(c.slug)}` }))],
    [card, t],
  );
  if (!card) {
    return (
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="aspect-[6/5] w-full" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  return (
    <div className="space-y-6" data-testid="product-card">
      <PageHeader title={t("title")} crumbs={crumbs} />
      <Card>
        <CardContent className="grid gap-8 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
          <Gallery card={card} />
          <BuyBox key={card.id} card={card} onAddToCart={onAddToCart} />
        </CardContent>
      </Card>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card data-testid="properties">
          <CardHeader className="border-b">
            <CardTitle>{t("card.properties")}</CardTitle>
          </CardHeader>
          <CardContent className="pt-2">
            <Table>
              <TableBody>
                {card.properties.map((p) => (
                  <TableRow key={p.kind}>
                    <TableCell className="text-muted-foreground w-1/2">{p.unit ? `${p.kind}, ${p.unit}` : p.kind}</TableCell>
                    <TableCell>{p.value}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
        <div className="space-y-6">
          <Card data-testid="description">
            <CardHeader className="border-b">
              <CardTitle>{t("card.description")}</CardTitle>
            </CardHeader>
            <CardContent className="pt-4 text-sm leading-relaxed whitespace-pre-line">{card.description ?? t("card.noDescription")}</CardContent>
          </Card>
          <DocumentsCard card={card} />
        </div>
      </div>
      <ProductSlider title={t("card.recommended")} tiles={card.recommended} testId="recommended" />
      <ProductSlider title={t("card.newSlider")} tiles={card.newProducts} testId="new-products" />
      <div id="reviews">
        <ReviewBlock key={`${card.id}-${card.reviewsCount}`} card={card} />
      </div>
    </div>
  );
}
