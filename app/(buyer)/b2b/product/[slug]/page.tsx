import { ProductCardView } from "@/components/catalog/product-card-view";
import { requirePermission } from "@/server/auth/session";

export default async function ProductPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePermission("buyer.cabinet");
  const { slug } = await params;
  // The cart comes with ordering (another issue): "Add to cart" shows a notice until then.
  return <ProductCardView slug={decodeURIComponent(slug)} />;
}
