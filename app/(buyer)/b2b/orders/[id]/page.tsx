import { notFound } from "next/navigation";
import { OrderDetails } from "@/components/ordering/order-details";
import { requirePermission } from "@/server/auth/session";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function BuyerOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("buyer.cabinet");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  return <OrderDetails orderId={id} />;
}
