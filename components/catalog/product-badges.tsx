"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Badge as BadgeCode } from "@/db/schema/catalog";

const VARIANT: Record<BadgeCode, "success" | "warning" | "destructive" | "info"> = { new: "success", hit: "warning", sale: "destructive", special_price: "info" };

export function ProductBadges({ badges, className }: { badges: BadgeCode[]; className?: string }) {
  const t = useTranslations("catalog.badges");
  if (badges.length === 0) return null;
  return (
    <div className={className ?? "flex flex-wrap gap-1"}>
      {badges.map((b) => (
        <Badge key={b} variant={VARIANT[b]} data-testid={`badge-${b}`}>
          {t(b)}
        </Badge>
      ))}
    </div>
  );
}
