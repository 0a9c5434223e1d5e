"use client";
import { Package, Star } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMoney } from "@/components/orders/money";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ProductTile as Tile } from "@/server/domain/catalog/product-tiles";
import { useUnitLabel } from "./catalog-format";
import { FavoriteButton } from "./favorite-button";
import { ProductBadges } from "./product-badges";

export const productHref = (slug: string) => `/b2b/product/${encodeURIComponent(slug)}`;

function TileImage({ tile, className }: { tile: Tile; className?: string }) {
  return (
    <div className={cn("bg-muted/40 relative grid place-items-center overflow-hidden rounded-md", className)}>
      {tile.imageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- small local SVG placeholders; next/image adds nothing here
        <img src={tile.imageUrl} alt={tile.name} className="h-full w-full object-contain" loading="lazy" />
      ) : (
        <Package className="text-muted-foreground size-10" />
      )}
    </div>
  );
}

function Rating({ tile }: { tile: Tile }) {
  const format = useFormatter();
  if (tile.reviewsCount === 0) return null;
  return (
    <span className="text-muted-foreground inline-flex items-center gap-1 text-xs">
      <Star className="fill-warning text-warning size-3.5" />
      {format.number(tile.ratingAvg, { maximumFractionDigits: 1 })} ({tile.reviewsCount})
    </span>
  );
}

function PriceLine({ tile }: { tile: Tile }) {
  const t = useTranslations("catalog.tile");
  const money = useMoney();
  const unit = useUnitLabel();
  if (!tile.price?.available) return <span className="text-muted-foreground text-sm">{t("noPrice")}</span>;
  const discounted = tile.price.unitMinor < tile.price.baseUnitMinor;
  return (
    <div className="flex flex-wrap items-baseline gap-x-2" data-testid="tile-price">
      <span className="text-lg font-semibold">{money(tile.price.unitMinor, tile.price.currency)}</span>
      {discounted && <span className="text-muted-foreground text-xs line-through">{money(tile.price.baseUnitMinor, tile.price.currency)}</span>}
      <span className="text-muted-foreground text-xs">{t("perUnit", { unit: unit.short(tile.unit.unit) })}</span>
    </div>
  );
}

function StockLine({ tile }: { tile: Tile }) {
  const t = useTranslations("catalog.tile");
  const format = useFormatter();
  const unit = useUnitLabel();
  return tile.stockQty > 0 ? (
    <span className="text-success text-xs font-medium">{t("inStock", { qty: format.number(tile.stockQty), unit: unit.short(tile.baseUnit) })}</span>
  ) : (
    <span className="text-muted-foreground text-xs">{t("outOfStock")}</span>
  );
}

/** One product in the grid, the list or a slider. */
export function ProductTile({ tile, view = "grid" }: { tile: Tile; view?: "grid" | "list" }) {
  const t = useTranslations("catalog.tile");
  if (view === "list") {
    return (
      <Card className="flex flex-row items-center gap-4 p-3" data-testid="product-tile" data-sku={tile.sku}>
        <Link href={productHref(tile.slug)} aria-label={t("open", { name: tile.name })}>
          <TileImage tile={tile} className="size-20 shrink-0" />
        </Link>
        <div className="min-w-0 flex-1 space-y-1">
          <ProductBadges badges={tile.badges} />
          <Link href={productHref(tile.slug)} className="hover:text-primary line-clamp-2 font-medium" data-testid="tile-name">
            {tile.name}
          </Link>
          <div className="text-muted-foreground flex flex-wrap gap-x-3 text-xs">
            <span>
              {t("sku")} {tile.sku}
            </span>
            {tile.brand && <span>{tile.brand}</span>}
            {tile.variantsCount > 1 && <span>{t("variants", { count: tile.variantsCount })}</span>}
            <Rating tile={tile} />
          </div>
        </div>
        <div className="hidden w-44 shrink-0 space-y-1 text-right sm:block">
          <PriceLine tile={tile} />
          <StockLine tile={tile} />
        </div>
        <FavoriteButton productId={tile.id} initial={tile.isFavorite} />
      </Card>
    );
  }
  return (
    <Card className="group relative flex h-full flex-col gap-2 p-3 transition-shadow hover:shadow-md" data-testid="product-tile" data-sku={tile.sku}>
      <div className="absolute top-3 right-3 z-10">
        <FavoriteButton productId={tile.id} initial={tile.isFavorite} />
      </div>
      <Link href={productHref(tile.slug)} aria-label={t("open", { name: tile.name })}>
        <TileImage tile={tile} className="aspect-[6/5] w-full" />
      </Link>
      <ProductBadges badges={tile.badges} className="flex min-h-5 flex-wrap gap-1" />
      <Link href={productHref(tile.slug)} className="hover:text-primary line-clamp-3 min-h-[3.75rem] text-sm font-medium" data-testid="tile-name">
        {tile.name}
      </Link>
      <div className="text-muted-foreground flex flex-wrap items-center gap-x-3 text-xs">
        <span>
          {t("sku")} {tile.sku}
        </span>
        <Rating tile={tile} />
      </div>
      <div className="mt-auto space-y-1 pt-1">
        <PriceLine tile={tile} />
        <StockLine tile={tile} />
      </div>
    </Card>
  );
}
