"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ClaimStatus } from "@/server/domain/claims/claim-rules";

const VARIANT: Record<ClaimStatus, "default" | "secondary" | "outline"> = { new: "default", in_work: "secondary", under_review: "outline", closed: "outline" };

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const t = useTranslations("claims.st");
  return (
    <Badge variant={VARIANT[status]} data-testid="claim-status" data-status={status}>
      {t(status)}
    </Badge>
  );
}
