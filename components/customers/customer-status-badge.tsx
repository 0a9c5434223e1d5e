import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/** Velzon's upper-case ACTIVE / BLOCK badge. */
export function CustomerStatusBadge({ status }: { status: "active" | "blocked" }) {
  const t = useTranslations("customers.status");
  return (
    <Badge variant={status === "active" ? "success" : "destructive"} className="tracking-wide uppercase" data-testid="customer-status">
      {t(status)}
    </Badge>
  );
}
