"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Star } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/textarea";
import type { ProductCard } from "@/server/domain/catalog/product-card";

export function Stars({ rating, className }: { rating: number; className?: string }) {
  return (
    <span className={cn("inline-flex", className)} aria-hidden>
      {[1, 2, 3, 4, 5].map((n) => (
        <Star key={n} className={cn("size-4", n <= Math.round(rating) ? "fill-warning text-warning" : "text-muted-foreground/40")} />
      ))}
    </span>
  );
}

/** Reviews with ratings and the buyer's own review form (one per buyer; saving again replaces it). */
export function ReviewBlock({ card }: { card: ProductCard }) {
  const t = useTranslations("catalog.card");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState(card.myReview?.rating ?? 0);
  const [hover, setHover] = useState(0);
  const [text, setText] = useState(card.myReview?.text ?? "");
  const save = useMutation(
    trpc.catalog.saveReview.mutationOptions({
      onSuccess: async () => {
        toast.success(t("reviewSaved"));
        await queryClient.invalidateQueries({ queryKey: trpc.catalog.product.queryKey({ slug: card.slug }) });
      },
    }),
  );
  return (
    <Card data-testid="reviews">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2 border-b">
        <CardTitle>{t("reviews")}</CardTitle>
        <div className="flex items-center gap-2 text-sm" data-testid="rating-summary">
          <Stars rating={card.ratingAvg} />
          <span className="font-medium">{format.number(card.ratingAvg, { maximumFractionDigits: 1 })}</span>
          <span className="text-muted-foreground">· {t("reviewsCount", { count: card.reviewsCount })}</span>
        </div>
      </CardHeader>
      <CardContent className="grid gap-6 pt-4 lg:grid-cols-[1fr_360px]">
        <div className="space-y-4">
          {card.reviews.length === 0 && <p className="text-muted-foreground text-sm">{t("noReviews")}</p>}
          {card.reviews.map((r) => (
            <div key={r.id} className="border-b pb-3 last:border-b-0" data-testid="review">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium">{r.author}</span>
                <Stars rating={r.rating} />
                <span className="text-muted-foreground text-xs">{format.dateTime(new Date(r.createdAt), { dateStyle: "medium" })}</span>
              </div>
              {r.text && <p className="mt-1 text-sm whitespace-pre-line">{r.text}</p>}
            </div>
          ))}
        </div>
        <form
          className="bg-muted/30 space-y-3 rounded-md border p-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (rating < 1) {
              toast.error(t("chooseRating"));
              return;
            }
            save.mutate({ productId: card.id, rating, text: text.trim() || undefined });
          }}
          data-testid="review-form"
        >
          <h3 className="font-semibold">{t("yourReview")}</h3>
          <div role="radiogroup" aria-label={t("rating")} className="flex gap-1" onMouseLeave={() => setHover(0)}>
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                role="radio"
                aria-checked={rating === n}
                aria-label={t("ratingOf", { rating: n })}
                onMouseEnter={() => setHover(n)}
                onClick={() => setRating(n)}
                data-testid={`rate-${n}`}
              >
                <Star className={cn("size-6", n <= (hover || rating) ? "fill-warning text-warning" : "text-muted-foreground/50")} />
              </button>
            ))}
          </div>
          <Textarea value={text} onChange={(e) => setText(e.target.value)} placeholder={t("reviewPlaceholder")} aria-label={t("reviewText")} rows={4} maxLength={4000} data-testid="review-text" />
          <Button type="submit" disabled={save.isPending} data-testid="review-submit">
            {card.myReview ? t("updateReview") : t("submitReview")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
