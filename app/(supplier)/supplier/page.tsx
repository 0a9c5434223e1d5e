import { Package } from "lucide-react";
import { PlaceholderPage } from "@/components/layout/placeholder-page";

export default function Page() {
  return <PlaceholderPage permission="supplier.cabinet" section="supplierHome" icon={Package} />;
}
