"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const VARIANT = { pending: "warning", approved: "success", rejected: "destructive", blocked: "secondary" } as const;

export function SupplierStatusBadge({ status }: { status: keyof typeof VARIANT }) {
  const t = useTranslations("suppliers.status");
  return (
    <Badge variant={VARIANT[status]} className="uppercase" data-testid="supplier-status">
      {t(status)}
    </Badge>
  );
}
