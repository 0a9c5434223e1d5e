import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orders } from "../../../db/schema";
import { notFound } from "../errors";
import type { OrderActor } from "./order-actor";
import { orderScope } from "./order-scope";

/** Locks an order for update, if the actor's scope includes it; otherwise NOT_FOUND (no hint that it exists). */
export async function lockVisibleOrder(tx: Db, actor: OrderActor, orderId: string) {
  const scope = actor.type === "user" ? await orderScope(tx, actor) : undefined;
  const [order] = await tx
    .select()
    .from(orders)
    .where(scope ? and(eq(orders.id, orderId), scope) : eq(orders.id, orderId))
    .limit(1)
    .for("update");
  if (!order) throw notFound("Order");
  return order;
}
