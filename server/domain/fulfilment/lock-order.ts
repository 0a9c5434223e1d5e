import type { Db } from "../../../db/client";
import { can } from "../../auth/permissions";
import { forbidden } from "../errors";
import type { OrderActor } from "../orders/order-actor";
import { lockVisibleOrder } from "../orders/lock-visible-order";

/** Locks an order the actor may act on (staff: orders.manage and the order in their scope). */
export async function lockOrderFor(tx: Db, actor: OrderActor, orderId: string) {
  if (actor.type === "user" && !can(actor.role, "orders.manage")) throw forbidden("Your role may not send orders to shippers");
  return lockVisibleOrder(tx, actor, orderId);
}
