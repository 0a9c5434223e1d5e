import { Boxes } from "lucide-react";
import { PlaceholderPage } from "@/components/layout/placeholder-page";

export default function Page() {
  return <PlaceholderPage permission="catalog.view" section="catalog" icon={Boxes} />;
}
