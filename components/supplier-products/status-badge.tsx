"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const VARIANT = { draft: "outline", on_moderation: "secondary", published: "default", rejected: "destructive", archived: "outline" } as const;

/** The product's moderation status, plus "changes on moderation" when a published product has a pending revision. */
export function ProductStatusBadge({ status, hasPending }: { status: keyof typeof VARIANT; hasPending?: boolean }) {
  const t = useTranslations("supplierProducts.status");
  return (
    <span className="flex flex-wrap gap-1">
      <Badge variant={VARIANT[status]} data-testid="product-status" data-status={status}>
        {t(status)}
      </Badge>
      {hasPending && status === "published" ? (
        <Badge variant="secondary" data-testid="product-pending">
          {t("changesPending")}
        </Badge>
      ) : null}
    </span>
  );
}
