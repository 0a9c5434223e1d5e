"use client";
import { useQuery } from "@tanstack/react-query";
import { Newspaper } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { Skeleton } from "@/components/ui/skeleton";
import { NewsCard } from "./news-card";

/** Suppliers' news and current promotions, as approved by the moderators. */
export function BuyerNewsList() {
  const t = useTranslations("suppliers.news");
  const trpc = useTRPC();
  const news = useQuery(trpc.suppliers.publishedNews.queryOptions());
  if (news.isPending) return <Skeleton className="h-40 w-full" />;
  if (!news.data?.length) {
    return (
      <div className="text-muted-foreground bg-card flex flex-col items-center gap-2 rounded-lg border py-12 text-sm" data-testid="buyer-news-empty">
        <div className="bg-primary/10 text-primary grid size-12 place-items-center rounded-full">
          <Newspaper className="size-6" />
        </div>
        {t("emptyBuyer")}
      </div>
    );
  }
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="buyer-news">
      {news.data.map((item) => (
        <NewsCard key={item.id} item={item} />
      ))}
    </div>
  );
}
