"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Heart } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** The heart toggle on tiles and the card; optimistic, then the catalog queries are refreshed. */
export function FavoriteButton({ productId, initial, size = "icon", withLabel = false, testId = "favorite-toggle" }: { productId: string; initial: boolean; size?: "icon" | "sm" | "default"; withLabel?: boolean; testId?: string }) {
  const t = useTranslations("catalog.card");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [on, setOn] = useState(initial);
  const mutation = useMutation(
    trpc.catalog.setFavorite.mutationOptions({
      onSuccess: async (result) => {
        toast.success(result.isFavorite ? t("favoriteAdded") : t("favoriteRemoved"));
        await queryClient.invalidateQueries({ queryKey: trpc.catalog.favorites.queryKey() });
      },
      onError: () => setOn((v) => !v),
    }),
  );
  const label = on ? t("favoriteRemove") : t("favoriteAdd");
  return (
    <Button
      type="button"
      variant="outline"
      size={size}
      aria-pressed={on}
      aria-label={label}
      title={label}
      data-testid={testId}
      disabled={mutation.isPending}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOn(!on);
        mutation.mutate({ productId, on: !on });
      }}
    >
      <Heart className={cn("size-4", on && "fill-destructive text-destructive")} />
      {withLabel && <span>{label}</span>}
    </Button>
  );
}
