import { ShieldCheck } from "lucide-react";
import { PlaceholderPage } from "@/components/layout/placeholder-page";

export default function Page() {
  return <PlaceholderPage permission="moderation.review" section="moderation" icon={ShieldCheck} />;
}
