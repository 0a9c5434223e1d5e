import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CustomerProfile } from "@/components/customers/customer-profile";
import { PageHeader } from "@/components/layout/page-header";
import { can } from "@/server/auth/permissions";
import { requirePermission } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { customerOrders, getCustomer } from "@/server/domain/customers/manage-customers";
import { DomainError } from "@/server/domain/errors";

/** One customer: 404 when the id is not a customer this user may see (another manager's client included). */
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("customers.view");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await ensureDatabaseReady();
  const actor = { id: session.user.id, role: session.user.role };
  const loaded = await Promise.all([getCustomer(db, actor, id), customerOrders(db, actor, id)]).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!loaded) notFound();
  const [customer, orders] = loaded;
  const t = await getTranslations("customers");
  const role = session.user.role;
  const name = `${customer.firstName} ${customer.lastName}`;
  return (
    <>
      <PageHeader title={name} crumbs={[{ label: t("crumb") }, { label: t("title"), href: "/customers" }, { label: name }]} />
      <CustomerProfile
        customer={customer}
        orders={orders.rows}
        ordersTotal={orders.total}
        canAssign={can(role, "customers.assign")}
        allowNoManager={role === "admin" || role === "director"}
        showManager={role !== "manager"}
      />
    </>
  );
}
