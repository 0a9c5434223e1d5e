import { ShoppingCart } from "lucide-react";
import { PlaceholderPage } from "@/components/layout/placeholder-page";

export default function Page() {
  return <PlaceholderPage permission="buyer.cabinet" section="buyerHome" icon={ShoppingCart} />;
}
