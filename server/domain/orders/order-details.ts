import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { customers, ledgerEntries, orderEvents, orderItems, orders, processors, shops } from "../../../db/schema";
import { can } from "../../auth/permissions";
import type { CardDetails } from "../cards/card";
import { open } from "../crypto/secret-box";
import { notFound } from "../errors";
import { orderScope, type ScopedUser } from "./order-scope";
import { CHARGEABLE_STATUSES } from "../payments/cascade";
import { allowedTargets, moneyHeld } from "./status-machine";
import { orderLogistics } from "../fulfilment/logistics";

export interface CardSummary {
  brand: string | null;
  last4: string | null;
  /** Holder and expiry are unsealed for the order's managers only; never the number. */
  holder: string | null;
  expiry: string | null;
}

function cardSummary(order: typeof orders.$inferSelect, user: ScopedUser, keys: Buffer[]): CardSummary | null {
  if (!order.cardLast4) return null;
  const summary: CardSummary = { brand: order.cardBrand, last4: order.cardLast4, holder: null, expiry: null };
  if (!order.cardSealed || !can(user.role, "orders.manage")) return summary;
  try {
    const card = JSON.parse(open(order.cardSealed, keys)) as CardDetails;
    summary.holder = card.holder;
    summary.expiry = `${String(card.expiryMonth).padStart(2, "0")}/${card.expiryYear}`;
  } catch {
    // A key retired from the configuration: show what is in clear rather than fail the page.
  }
  return summary;
}

/** Everything Order Details shows, for a user who may see the order; NOT_FOUND otherwise. */
export async function getOrderDetails(db: Db, user: ScopedUser, orderId: string, keys: Buffer[]) {
  const scope = await orderScope(db, user);
  const [found] = await db
    .select({ order: orders, shopName: shops.name, shopHostname: shops.hostname, processorName: processors.name })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .leftJoin(processors, eq(processors.id, orders.processorId))
    .where(scope ? and(eq(orders.id, orderId), scope) : eq(orders.id, orderId))
    .limit(1);
  if (!found) throw notFound("Order");
  const { order } = found;

  const [items, events, ledger, [customer]] = await Promise.all([
    db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.position)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id)),
    db
      .select({ id: ledgerEntries.id, kind: ledgerEntries.kind, amountMinor: ledgerEntries.amountMinor, currency: ledgerEntries.currency, usdMinor: ledgerEntries.usdMinor, createdAt: ledgerEntries.createdAt })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.orderId, orderId))
      .orderBy(asc(ledgerEntries.id)),
    db
      .select({ id: customers.id, status: customers.status, ordersCount: customers.ordersCount, totalUsdMinor: customers.totalUsdMinor, firstOrderAt: customers.firstOrderAt })
      .from(customers)
      .where(eq(customers.id, order.customerId))
      .limit(1),
  ]);

  const logistics = await orderLogistics(db, order, user.role);
  const { cardSealed: _sealed, requestHash: _hash, ...visible } = order;
  return {
    order: visible,
    shop: { name: found.shopName, hostname: found.shopHostname },
    processorName: found.processorName,
    card: cardSummary(order, user, keys),
    items,
    events,
    ledger,
    logistics,
    customer: customer ?? null,
    /** Staff who move orders see every status button; only `allowedStatuses` are enabled. */
    canManageStatus: can(user.role, "orders.manage"),
    allowedStatuses: can(user.role, "orders.manage") ? allowedTargets(order) : [],
    /** "Manual payment": managers, an unpaid order in a status that may still be paid. */
    canTakePayment: can(user.role, "orders.manage") && !moneyHeld(order) && (CHARGEABLE_STATUSES as readonly string[]).includes(order.status),
    canSetCallCenterStatus: can(user.role, "orders.callCenter") ? order.status === "call_center" : can(user.role, "orders.manage") && order.callCenterStatus !== null,
  };
}

export type OrderDetails = Awaited<ReturnType<typeof getOrderDetails>>;
