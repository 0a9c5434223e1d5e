"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ProductTile as Tile } from "@/server/domain/catalog/product-tiles";
import { ProductTile } from "./product-tile";

/** A horizontal slider of up to 10 tiles ("New", "Recommended"), scrolled by the arrows or by swiping. */
export function ProductSlider({ title, tiles, testId }: { title: string; tiles: Tile[]; testId: string }) {
  const t = useTranslations("catalog.card");
  const track = useRef<HTMLDivElement>(null);
  if (tiles.length === 0) return null;
  const scroll = (direction: 1 | -1) => track.current?.scrollBy({ left: direction * track.current.clientWidth * 0.8, behavior: "smooth" });
  return (
    <Card data-testid={testId}>
      <CardHeader className="flex flex-row items-center justify-between border-b">
        <CardTitle>{title}</CardTitle>
        <div className="flex gap-1">
          <Button variant="outline" size="icon" onClick={() => scroll(-1)} aria-label={t("previous")}>
            <ChevronLeft className="size-4" />
          </Button>
          <Button variant="outline" size="icon" onClick={() => scroll(1)} aria-label={t("next")}>
            <ChevronRight className="size-4" />
          </Button>
        </div>
      </CardHeader>
      <CardContent className="pt-4">
        <div ref={track} className="flex snap-x gap-4 overflow-x-auto scroll-smooth pb-2">
          {tiles.map((tile) => (
            <div key={tile.id} className="w-56 shrink-0 snap-start" data-testid={`${testId}-item`}>
              <ProductTile tile={tile} />
            </div>
          ))}
        </div>
      </CardContent>
    </Card>
  );
}
