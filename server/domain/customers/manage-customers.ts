import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { customers, orders, users, type PostalAddress } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { badInput, conflict, DomainError, forbidden, isUniqueViolation, notFound } from "../errors";
import type { Actor } from "../users/manage-users";
import {
  assignManagerSchema,
  createCustomerSchema,
  setCustomerStatusSchema,
  updateCustomerSchema,
  type AssignManagerInput,
  type CreateCustomerInput,
  type SetCustomerStatusInput,
  type UpdateCustomerInput,
} from "./customer-schemas";
import { customerScope, teamOf } from "./customer-scope";
import { markCustomerDaysDirty } from "../dashboard/rollups";

const EMAIL_TAKEN = "Another customer already has this e-mail";

const detailColumns = {
  id: customers.id,
  email: customers.email,
  firstName: customers.firstName,
  lastName: customers.lastName,
  phone: customers.phone,
  phones: customers.phones,
  billingAddress: customers.billingAddress,
  shippingAddress: customers.shippingAddress,
  country: customers.country,
  status: customers.status,
  managerId: customers.managerId,
  managerName: users.name,
  ordersCount: customers.ordersCount,
  totalUsdMinor: customers.totalUsdMinor,
  firstOrderAt: customers.firstOrderAt,
  lastOrderAt: customers.lastOrderAt,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
};

export interface CustomerDetails {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  phones: string[];
  billingAddress: PostalAddress | null;
  shippingAddress: PostalAddress | null;
  country: string | null;
  status: "active" | "blocked";
  managerId: string | null;
  managerName: string | null;
  ordersCount: number;
  totalUsdMinor: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A customer the user may see, or NOT_FOUND: another manager's client does not exist for him. */
export async function getCustomer(db: Db, actor: Actor, id: string): Promise<CustomerDetails> {
  const [row] = await db
    .select(detailColumns)
    .from(customers)
    .leftJoin(users, eq(users.id, customers.managerId))
    .where(and(eq(customers.id, id), customerScope(db, actor)))
    .limit(1);
  if (!row) throw notFound("Customer");
  return row;
}

export interface CustomerOrderRow {
  id: string;
  number: number;
  shopOrderId: string;
  shopDomain: string | null;
  status: (typeof orders.$inferSelect)["status"];
  currency: string;
  totalMinor: number;
  totalUsdMinor: number;
  paymentMethod: (typeof orders.$inferSelect)["paymentMethod"];
  cardBrand: string | null;
  cardLast4: string | null;
  customerBlocked: boolean;
  createdAt: Date;
  items: string | null;
  itemCount: number;
}

/** The most orders the customer page lists (newest first); `total` says when there are more. */
export const CUSTOMER_ORDERS_LIMIT = 1000;

/** Every order of a customer the user may see, newest first, with a one-line summary of its items. */
export async function customerOrders(db: Db, actor: Actor, customerId: string): Promise<{ rows: CustomerOrderRow[]; total: number }> {
  const customer = await getCustomer(db, actor, customerId);
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      shopOrderId: orders.shopOrderId,
      shopDomain: orders.shopDomain,
      status: orders.status,
      currency: orders.currency,
      totalMinor: orders.totalMinor,
      totalUsdMinor: orders.totalUsdMinor,
      paymentMethod: orders.paymentMethod,
      cardBrand: orders.cardBrand,
      cardLast4: orders.cardLast4,
      customerBlocked: orders.customerBlocked,
      createdAt: orders.createdAt,
      items: sql<string | null>`(select string_agg(i.name || coalesce(' ' || i.option, '') || ' × ' || i.quantity, ', ' order by i.position) from order_items i where i.order_id = "orders"."id")`,
      itemCount: sql<number>`(select coalesce(sum(i.quantity), 0)::int from order_items i where i.order_id = "orders"."id")`.mapWith(Number),
    })
    .from(orders)
    .where(eq(orders.customerId, customer.id))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(CUSTOMER_ORDERS_LIMIT);
  const [counted] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(orders).where(eq(orders.customerId, customer.id));
  return { rows, total: counted?.n ?? rows.length };
}

async function assertEmailFree(db: Db, email: string, exceptId?: string): Promise<void> {
  const where = exceptId ? and(eq(customers.email, email), ne(customers.id, exceptId)) : eq(customers.email, email);
  const [taken] = await db.select({ id: customers.id }).from(customers).where(where).limit(1);
  if (taken) throw conflict(EMAIL_TAKEN, "email");
}

const mayAssign = (actor: Actor) => actor.role === "admin" || actor.role === "director" || actor.role === "head_manager";

/**
 * The manager a customer may be given by this actor: admins and directors any active manager or
 * head of managers (or nobody), a head only himself or an active manager of his team.
 */
async function checkAssignable(db: Db, actor: Actor, managerId: string | null): Promise<void> {
  if (!mayAssign(actor)) throw forbidden("Only admins, directors and heads of managers assign managers");
  if (managerId === null) {
    if (actor.role === "head_manager") throw forbidden("A head of managers cannot leave a customer without a manager");
    return;
  }
  const [target] = await db
    .select({ id: users.id, role: users.role, isActive: users.isActive, supervisorId: users.supervisorId })
    .from(users)
    .where(eq(users.id, managerId))
    .limit(1);
  if (!target || !target.isActive || (target.role !== "manager" && target.role !== "head_manager")) {
    throw badInput("Choose an active manager", "managerId");
  }
  if (actor.role === "head_manager" && target.id !== actor.id && target.supervisorId !== actor.id) {
    throw forbidden("A head of managers assigns customers only to the managers of his team");
  }
}

function addressOrNull(address: PostalAddress | null | undefined): PostalAddress | null {
  return address ?? null;
}

export async function createCustomer(db: Db, actor: Actor, rawInput: CreateCustomerInput): Promise<CustomerDetails> {
  const input = createCustomerSchema.parse(rawInput);
  let managerId: string | null;
  if (actor.role === "manager") {
    if (input.managerId && input.managerId !== actor.id) throw forbidden("A manager adds customers for himself only");
    managerId = actor.id;
  } else if (input.managerId !== undefined) {
    await checkAssignable(db, actor, input.managerId);
    managerId = input.managerId;
  } else {
    // A head keeps a new customer in his own scope; admins and directors may leave it unassigned.
    managerId = actor.role === "head_manager" ? actor.id : null;
  }
  const shipping = addressOrNull(input.shippingAddress ?? input.billingAddress);
  try {
    const id = await db.transaction(async (tx) => {
      await assertEmailFree(tx, input.email);
      const [created] = await tx
        .insert(customers)
        .values({
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          phone: input.phone ?? null,
          phones: input.phone ? [input.phone] : [],
          billingAddress: addressOrNull(input.billingAddress),
          shippingAddress: shipping,
          country: input.country ?? shipping?.country ?? null,
          managerId,
        })
        .returning({ id: customers.id });
      if (!created) throw new DomainError("CONFLICT", "Customer was not created");
      await recordAudit(tx, { actorId: actor.id, action: "customer.create", targetType: "customer", targetId: created.id, details: { email: input.email, managerId }, ip: actor.ip });
      return created.id;
    });
    return await getCustomer(db, actor, id);
  } catch (error) {
    // Two people adding the same e-mail at once, or an order arriving for it meanwhile: the unique index decides.
    if (isUniqueViolation(error)) throw conflict(EMAIL_TAKEN, "email");
    throw error;
  }
}

export async function updateCustomer(db: Db, actor: Actor, rawInput: UpdateCustomerInput): Promise<CustomerDetails> {
  const input = updateCustomerSchema.parse(rawInput);
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(customers)
        .where(and(eq(customers.id, input.id), customerScope(tx, actor)))
        .limit(1)
        .for("update");
      if (!current) throw notFound("Customer");
      if (input.email !== undefined && input.email !== current.email) await assertEmailFree(tx, input.email, current.id);
      const phone = input.phone === undefined ? current.phone : input.phone;
      const phones = phone && !current.phones.includes(phone) ? [phone, ...current.phones] : current.phones;
      const changed = Object.keys(input).filter((k) => k !== "id");
      await tx
        .update(customers)
        .set({
          email: input.email ?? current.email,
          firstName: input.firstName ?? current.firstName,
          lastName: input.lastName ?? current.lastName,
          phone,
          phones,
          country: input.country === undefined ? current.country : input.country,
          billingAddress: input.billingAddress === undefined ? current.billingAddress : input.billingAddress,
          shippingAddress: input.shippingAddress === undefined ? current.shippingAddress : input.shippingAddress,
          updatedAt: new Date(),
        })
        .where(eq(customers.id, current.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action: "customer.update",
        targetType: "customer",
        targetId: current.id,
        details: { fields: changed, ...(input.email !== undefined && input.email !== current.email ? { emailBefore: current.email, emailAfter: input.email } : {}) },
        ip: actor.ip,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(EMAIL_TAKEN, "email");
    throw error;
  }
  return getCustomer(db, actor, input.id);
}

/** Locks the customers the actor may see among `ids`; any other id makes the whole call NOT_FOUND. */
async function lockScoped(tx: Db, actor: Actor, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = await tx
    .select({ id: customers.id, status: customers.status, managerId: customers.managerId, email: customers.email })
    .from(customers)
    .where(and(inArray(customers.id, unique), customerScope(tx, actor)))
    .orderBy(asc(customers.id))
    .for("update");
  if (rows.length !== unique.length) throw notFound(unique.length === 1 ? "Customer" : "One of the selected customers");
  return rows;
}

export interface BulkResult {
  changed: number;
  unchanged: number;
}

/**
 * Blocks or unblocks customers (one or many, all or none), with the reason in the audit log. A
 * blocked customer's next orders are still taken from the shops, but flagged for checking.
 */
export async function setCustomerStatus(db: Db, actor: Actor, rawInput: SetCustomerStatusInput): Promise<BulkResult> {
  const input = setCustomerStatusSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const rows = await lockScoped(tx, actor, input.ids);
    const toChange = rows.filter((r) => r.status !== input.status);
    if (toChange.length) {
      await tx
        .update(customers)
        .set({ status: input.status, updatedAt: new Date() })
        .where(inArray(customers.id, toChange.map((r) => r.id)));
      for (const row of toChange) {
        await recordAudit(tx, {
          actorId: actor.id,
          action: input.status === "blocked" ? "customer.block" : "customer.unblock",
          targetType: "customer",
          targetId: row.id,
          details: { reason: input.reason, email: row.email, bulk: rows.length > 1 },
          ip: actor.ip,
        });
      }
    }
    return { changed: toChange.length, unchanged: rows.length - toChange.length };
  });
}

/** Gives customers (one or many) a manager, under the rules of `checkAssignable`. */
export async function assignManager(db: Db, actor: Actor, rawInput: AssignManagerInput): Promise<BulkResult> {
  const input = assignManagerSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    await checkAssignable(tx, actor, input.managerId);
    const rows = await lockScoped(tx, actor, input.ids);
    const toChange = rows.filter((r) => r.managerId !== input.managerId);
    if (toChange.length) {
      await tx
        .update(customers)
        .set({ managerId: input.managerId, updatedAt: new Date() })
        .where(inArray(customers.id, toChange.map((r) => r.id)));
      for (const row of toChange) {
        // The dashboard's rollups are kept per manager: this customer's days are now stale.
        await markCustomerDaysDirty(tx, row.id);
        await recordAudit(tx, {
          actorId: actor.id,
          action: "customer.assign_manager",
          targetType: "customer",
          targetId: row.id,
          details: { managerBefore: row.managerId, managerAfter: input.managerId },
          ip: actor.ip,
        });
      }
    }
    return { changed: toChange.length, unchanged: rows.length - toChange.length };
  });
}

/** Deletes a customer who never ordered (a typo, a test). One with orders is blocked instead: the orders keep their customer. */
export async function deleteCustomer(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await lockScoped(tx, actor, [id]);
    if (!current) throw notFound("Customer");
    const [anyOrder] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.customerId, id)).limit(1);
    if (anyOrder) {
      throw new DomainError("PRECONDITION_FAILED", "A customer with orders cannot be deleted: block the customer instead", { field: "id" });
    }
    await tx.delete(customers).where(eq(customers.id, id));
    await recordAudit(tx, { actorId: actor.id, action: "customer.delete", targetType: "customer", targetId: id, details: { email: current.email }, ip: actor.ip });
  });
}

export interface AssignableManager {
  id: string;
  name: string;
  role: "manager" | "head_manager";
}

/** Who this actor may give customers to: see `checkAssignable`. */
export async function assignableManagers(db: Db, actor: Actor): Promise<AssignableManager[]> {
  if (!mayAssign(actor)) return [];
  const base = and(eq(users.isActive, true), inArray(users.role, ["manager", "head_manager"]));
  const where = actor.role === "head_manager" ? and(base, inArray(users.id, teamOf(db, actor.id))) : base;
  const rows = await db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(where).orderBy(asc(users.name)).limit(500);
  return rows.filter((r): r is AssignableManager => r.role === "manager" || r.role === "head_manager");
}
