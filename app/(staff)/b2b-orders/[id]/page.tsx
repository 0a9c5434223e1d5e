import { notFound } from "next/navigation";
import { OrderDetails } from "@/components/ordering/order-details";
import { requirePermission } from "@/server/auth/session";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function StaffB2bOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("b2bOrders.view");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  return <OrderDetails orderId={id} staff />;
}
