import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export function CompanyStatusBadge({ status }: { status: "active" | "blocked" }) {
  const t = useTranslations("companies.status");
  return (
    <Badge variant={status === "active" ? "success" : "destructive"} className="tracking-wide uppercase" data-testid="company-status">
      {t(status)}
    </Badge>
  );
}
