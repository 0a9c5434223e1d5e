"use client";
import { useQuery } from "@tanstack/react-query";
import { Heart } from "lucide-react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/layout/empty-state";
import { useTRPC } from "@/components/providers/trpc";
import { Skeleton } from "@/components/ui/skeleton";
import { ProductTile } from "./product-tile";

export function FavoritesList() {
  const t = useTranslations("catalog.favorites");
  const trpc = useTRPC();
  const favorites = useQuery(trpc.catalog.favorites.queryOptions());
  if (!favorites.data) return <Skeleton className="h-64 w-full" />;
  if (favorites.data.length === 0) return <EmptyState icon={Heart} title={t("emptyTitle")} description={t("emptyText")} testId="favorites-empty" />;
  return (
    <div className="space-y-3" data-testid="favorites-list">
      <p className="text-muted-foreground text-sm">{t("count", { count: favorites.data.length })}</p>
      {favorites.data.map((tile) => (
        <ProductTile key={tile.id} tile={tile} view="list" />
      ))}
    </div>
  );
}
