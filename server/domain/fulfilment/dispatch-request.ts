import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orderItems, orders, shipments } from "../../../db/schema";
import type { DispatchRequest } from "../../integrations/shippers/adapter";
import type { Shipper } from "./shippers";
import { mapLines } from "./routing";

type Order = typeof orders.$inferSelect;
type Shipment = typeof shipments.$inferSelect;

/** What goes to the shipper for one shipment: recipient, address and lines in the shipper's codes. */
export async function buildDispatchRequest(db: Db, order: Order, shipment: Shipment, shipper: Shipper): Promise<DispatchRequest> {
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.position));
  const a = order.shippingAddress;
  return {
    orderId: order.id,
    orderNumber: order.number,
    shipmentId: shipment.id,
    kind: shipment.kind,
    shopOrderId: order.shopOrderId,
    recipient: { firstName: order.customerFirstName, lastName: order.customerLastName, email: order.customerEmail, phone: order.customerPhone },
    address: { country: a.country, state: a.state, city: a.city, zip: a.zip, address: a.address, ...(a.address2 ? { address2: a.address2 } : {}) },
    lines: mapLines(items, shipper.skuMap),
  };
}
