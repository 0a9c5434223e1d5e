import { notFound } from "next/navigation";
import { SupplierPartDetails } from "@/components/supplier-orders/supplier-part-details";
import { requirePermission } from "@/server/auth/session";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function SupplierOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("supplier.cabinet");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  return <SupplierPartDetails partId={id} />;
}
