import { ProductCardView } from "@/components/catalog/product-card-view";
import { requirePermission } from "@/server/auth/session";

export default async function ProductPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePermission("buyer.cabinet");
  const { slug } = await params;
  return <ProductCardView slug={decodeURIComponent(slug)} />;
}
