import { Building2 } from "lucide-react";
import { PlaceholderPage } from "@/components/layout/placeholder-page";

export default function Page() {
  return <PlaceholderPage permission="companies.view" section="companies" icon={Building2} />;
}
