"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const STYLE: Record<string, string> = {
  new: "bg-sky-100 text-sky-800 dark:bg-sky-900/40 dark:text-sky-200",
  confirmed: "bg-indigo-100 text-indigo-800 dark:bg-indigo-900/40 dark:text-indigo-200",
  rejected: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200",
  shipped: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200",
  delivered: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
};

/** A supplier part's status as a coloured badge (Velzon's soft badges). */
export function PartStatusBadge({ status, testId }: { status: string; testId?: string }) {
  const t = useTranslations("supplierOrders.status");
  return (
    <Badge variant="secondary" className={STYLE[status]} data-testid={testId} data-status={status}>
      {t(status as "new")}
    </Badge>
  );
}
