"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { QuoteStatus } from "@/server/domain/quotes/quote-math";

const VARIANT: Record<QuoteStatus, "default" | "secondary" | "destructive" | "outline"> = { requested: "outline", sent: "default", accepted: "secondary", declined: "destructive", expired: "destructive" };

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const t = useTranslations("quotes.st");
  return (
    <Badge variant={VARIANT[status]} data-testid="quote-status" data-status={status}>
      {t(status)}
    </Badge>
  );
}
