"use client";
import { Megaphone, Newspaper } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";

export interface NewsItemView {
  id: string;
  kind: "news" | "promotion";
  title: string;
  body: string;
  imageUrl: string | null;
  startsOn: string | null;
  endsOn: string | null;
  createdAt: Date;
  supplierName?: string;
}

/** One news item or promotion as buyers, suppliers and moderators see it. */
export function NewsCard({ item, footer, badge }: { item: NewsItemView; footer?: ReactNode; badge?: ReactNode }) {
  const t = useTranslations("suppliers.news");
  const format = useFormatter();
  const promotion = item.kind === "promotion";
  return (
    <article className="bg-card flex flex-col overflow-hidden rounded-lg border shadow-xs" data-testid="news-card">
      {item.imageUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- a supplier's external image: not ours to optimise
        <img src={item.imageUrl} alt="" className="h-40 w-full object-cover" />
      )}
      <div className="flex flex-1 flex-col gap-2 p-4">
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <Badge variant={promotion ? "warning" : "secondary"} className="gap-1 uppercase">
            {promotion ? <Megaphone className="size-3" /> : <Newspaper className="size-3" />}
            {t(`kind_${item.kind}`)}
          </Badge>
          {badge}
          {item.supplierName && <span className="text-muted-foreground">{item.supplierName}</span>}
          <span className="text-muted-foreground ml-auto">{format.dateTime(item.createdAt, { dateStyle: "medium" })}</span>
        </div>
        <h3 className="font-semibold" data-testid="news-title">
          {item.title}
        </h3>
        {promotion && item.startsOn && item.endsOn && (
          <p className="text-warning text-xs font-medium">
            {t("period", { from: format.dateTime(new Date(item.startsOn), { dateStyle: "medium" }), to: format.dateTime(new Date(item.endsOn), { dateStyle: "medium" }) })}
          </p>
        )}
        <p className="text-muted-foreground text-sm whitespace-pre-line">{item.body}</p>
        {footer}
      </div>
    </article>
  );
}
